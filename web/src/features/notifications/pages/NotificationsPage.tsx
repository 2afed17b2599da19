import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatRelative } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { NotificationItem } from '../api.ts';
import { describeNotification } from '../describe.ts';
import { useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from '../hooks.ts';
import { notificationsMessages } from '../messages.en.ts';

/** My notifications, newest first: open one (which marks it read), mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const list = useNotificationList();
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('notifications.title')}</Title>
        <Text>{t('notifications.intro')}</Text>
      </Stack>
      <Group justify="space-between">
        <Button variant="light" onClick={() => markAll.mutate(undefined)} disabled={unread === 0} loading={markAll.isPending}>
          {t('notifications.markAllRead')}
        </Button>
        <Anchor component={Link} to="/notifications/settings" fw={600}>
          {t('notifications.settingsLink')}
        </Anchor>
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('notifications.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" aria-label={t('notifications.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('notifications.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function NotificationRow({ item }: { item: NotificationItem }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const { title, body } = describeNotification(t, item, zone, i18n.language, notificationsMessages.kinds);
  const isUnread = item.readAt === null;
  const open = (e: React.MouseEvent) => {
    e.preventDefault();
    if (isUnread) markRead.mutate(item.id);
    void navigate(item.url);
  };
  return (
    <Paper component="li" withBorder p="sm" radius="md" style={isUnread ? { borderLeft: '4px solid #b4532a' } : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor href={item.url} onClick={open} fw={isUnread ? 700 : 500} c="dark.8">
            {title}
          </Anchor>
          {isUnread && (
            <Badge color="ember.9" variant="filled" size="sm">
              {t('notifications.unread')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{body}</Text>
        <Group justify="space-between">
          <Text size="xs" c="dark.4">
            <time dateTime={item.createdAt}>{formatRelative(item.createdAt, i18n.language)}</time>
          </Text>
          {isUnread && (
            <Button size="compact-sm" variant="subtle" onClick={() => markRead.mutate(item.id)} aria-label={`${t('notifications.markRead')}: ${title}`}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
