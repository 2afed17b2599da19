import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { moderationApi } from '../api.ts';
import { moderationKeys } from '../hooks.ts';

/** A group's public modlog: an anonymous summary of moderation there (no names, no words), for its members. */
export function GroupModlogPage() {
  const { groupId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('moderation.publicLog.title'));
  const log = useQuery({ queryKey: moderationKeys.publicLog(groupId), queryFn: () => moderationApi.publicLog(groupId) });
  if (log.isPending) return <Loading />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  const { days, totals, entries } = log.data;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const counts = Object.entries(totals);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('moderation.publicLog.title')}</Title>
        <Anchor component={Link} to={`/groups/${groupId}`} size="sm" w="fit-content">{t('chat.backToGroup')}</Anchor>
      </Stack>
      <Text>{t('moderation.publicLog.intro', { days })}</Text>
      {entries.length === 0 ? (
        <Text>{t('moderation.publicLog.empty', { days })}</Text>
      ) : (
        <>
          <section aria-labelledby="public-log-totals">
            <Title order={2} size="h3" id="public-log-totals">{t('moderation.publicLog.totals')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
              {counts.map(([action, n]) => (
                <Paper withBorder p="sm" key={action}>
                  <Text fw={700} size="xl">{n}</Text>
                  <Text size="sm">{t(`moderation.publicLog.actions.${action}`, { defaultValue: action })}</Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>
          <section aria-labelledby="public-log-entries">
            <Title order={2} size="h3" id="public-log-entries">{t('moderation.publicLog.entries')}</Title>
            <ul style={{ paddingLeft: 0 }}>
              {entries.map((e, i) => (
                <li key={`${e.date}-${i}`} style={{ listStyle: 'none', padding: '6px 0', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                  <Group gap={8}>
                    <Text size="sm" c="dimmed"><time dateTime={e.date}>{dateFormat.format(new Date(`${e.date}T12:00:00Z`))}</time></Text>
                    <Text size="sm">{t(`moderation.publicLog.actions.${e.action}`, { defaultValue: e.action })}</Text>
                  </Group>
                  <Text size="xs">{t('moderation.publicLog.reason', { reason: e.reason })}</Text>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Stack>
  );
}
