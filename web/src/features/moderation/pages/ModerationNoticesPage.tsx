import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { Notice } from '../api.ts';
import { AppealForm } from '../components/AppealForm.tsx';
import { useNotices } from '../hooks.ts';
import { contentLink } from '../visibility.ts';

/** What moderation told me: hidden posts and messages (with a way back to them), warnings, outcomes of my reports, and appeals. */
export function ModerationNoticesPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.notices.title'));
  const notices = useNotices();
  if (notices.isPending) return <Loading />;
  if (notices.isError) return <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('moderation.notices.title')}</Title>
      <Text>{t('moderation.notices.intro')}</Text>
      <Anchor component={Link} to="/moderation/decisions" w="fit-content">{t('moderation.decisions.title')}</Anchor>
      {notices.data.notices.length === 0 ? <Text>{t('moderation.notices.empty')}</Text> : notices.data.notices.map((n) => <NoticeCard key={n.id} notice={n} />)}
    </Stack>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const link = contentLink(notice.content);
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
        <Text size="xs" c="dimmed"><time dateTime={notice.createdAt}>{formatShortDateTime(notice.createdAt, zone, i18n.language)}</time></Text>
        <Text>{notice.message}</Text>
        {notice.content && (
          <Stack gap={2}>
            <Text size="sm" fw={650}>{t('moderation.notices.yourWords')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{notice.content.body}</Text>
            {link && (
              <Anchor component={Link} to={link} size="sm" w="fit-content">
                {notice.abilities.edit ? t('moderation.notices.edit') : t('moderation.notices.goTo')}
              </Anchor>
            )}
          </Stack>
        )}
        {notice.action?.appeal && <Text size="sm">{t('moderation.notices.appealStatus', { status: notice.action.appeal.status })}</Text>}
        {notice.abilities.appeal && notice.action && <AppealForm actionId={notice.action.id} />}
      </Stack>
    </Paper>
  );
}
