import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { NotOnCallTeam } from '../../safety/pages/OnCallPage.tsx';
import { moderationApi } from '../api.ts';
import { moderationKeys } from '../hooks.ts';

/** Minutes or hours, readable. */
function duration(seconds: number | null, none: string) {
  if (seconds === null) return none;
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The full modlog, and the measures computed from it: flag-to-action time, open queue, upheld rate, appeals. */
export function ModLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.log.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  return <Log />;
}

function Log() {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const dashboard = useQuery({ queryKey: moderationKeys.dashboard, queryFn: () => moderationApi.dashboard(30) });
  const log = useInfiniteQuery({
    queryKey: moderationKeys.log,
    queryFn: ({ pageParam }) => moderationApi.log(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  if (dashboard.isPending || log.isPending) return <Loading />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  const d = dashboard.data;
  const none = t('moderation.log.none');
  const figures = [
    [t('moderation.log.median'), duration(d.flagToAction.medianSeconds, none)],
    [t('moderation.log.p90'), duration(d.flagToAction.p90Seconds, none)],
    [t('moderation.log.openQueue'), String(d.openQueue)],
    [t('moderation.log.upheldRate'), d.upheldRate === null ? none : `${Math.round(d.upheldRate * 100)}%`],
  ];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('moderation.log.title')}</Title>
      <section aria-labelledby="mod-measures">
        <Title order={2} size="h3" id="mod-measures">{t('moderation.log.measures', { days: d.days })}</Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} mt="xs">
          {figures.map(([label, value]) => (
            <Paper withBorder p="sm" key={label}>
              <Text size="sm">{label}</Text>
              <Text fw={700} size="xl">{value}</Text>
            </Paper>
          ))}
        </SimpleGrid>
        <Text size="sm" mt="xs">{t('moderation.log.appeals', d.appeals)}</Text>
      </section>
      <section aria-labelledby="mod-entries">
        <Title order={2} size="h3" id="mod-entries">{t('moderation.log.entries')}</Title>
        <ul style={{ paddingLeft: 0 }}>
          {log.data.pages.flatMap((p) => p.entries).map((e) => (
            <li key={e.id} style={{ listStyle: 'none', padding: '6px 0', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Group gap={6}>
                <Text fw={650} size="sm">{e.action}</Text>
                <Text size="sm">{e.moderator ? t('moderation.log.by', { name: e.moderator.displayName }) : t('moderation.log.system')}</Text>
                {e.subject && <Text size="sm">{t('moderation.log.about', { name: e.subject.displayName })}</Text>}
                <Text size="xs" c="dimmed"><time dateTime={e.createdAt}>{formatShortDateTime(e.createdAt, zone, i18n.language)}</time></Text>
              </Group>
              <Text size="sm">{e.reason}</Text>
            </li>
          ))}
        </ul>
        {log.hasNextPage && <Button variant="outline" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>{t('moderation.log.more')}</Button>}
      </section>
    </Stack>
  );
}
