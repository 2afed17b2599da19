import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { dayKey, formatDayHeading, zoneLabel } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { SessionCard } from '../components/SessionCard.tsx';
import { PrivateSessionCard } from '../components/PrivateSessionCard.tsx';
import { useCalendarFeedStatus, useCreateCalendarFeed, useMyPrivateSessions, useRevokeCalendarFeed, useUpcomingSessions } from '../hooks.ts';
import type { MyPrivateSession, SessionItem } from '../api.ts';

/** A group session or one of my private meetings (supervision), in one list by time. */
type Entry = { kind: 'group'; session: SessionItem } | { kind: 'private'; session: MyPrivateSession };

/** My upcoming sessions and private meetings, grouped by day in my time zone, plus a private calendar subscription link. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('calendar.title'));
  const zone = useViewerZone();
  const upcoming = useUpcomingSessions();
  const privateSessions = useMyPrivateSessions();

  const days = useMemo(() => {
    const entries: Entry[] = [
      ...(upcoming.data?.sessions ?? []).map((session) => ({ kind: 'group' as const, session })),
      ...(privateSessions.data?.privateSessions ?? []).map((session) => ({ kind: 'private' as const, session })),
    ];
    const byDay = new Map<string, Entry[]>();
    for (const e of entries.sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))) {
      const key = dayKey(e.session.startsAt, zone);
      byDay.set(key, [...(byDay.get(key) ?? []), e]);
    }
    return [...byDay.entries()];
  }, [upcoming.data, privateSessions.data, zone]);
  const loading = upcoming.isPending || privateSessions.isPending;
  const failed = upcoming.isError ? upcoming : privateSessions.isError ? privateSessions : null;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('calendar.title')}</Title>
        <Text c="dimmed">
          {t('calendar.zoneNote', { zone: zoneLabel(zone, i18n.language) })}{' '}
          <Anchor component={Link} to="/profile">
            {t('calendar.changeZone')}
          </Anchor>
        </Text>
      </Stack>

      {loading ? (
        <Loading />
      ) : failed ? (
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      ) : days.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Text>{t('calendar.empty')}</Text>
            <Button component={Link} to="/groups">
              {t('nav.discover')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        days.map(([key, entries]) => (
          <section key={key} aria-labelledby={`day-${key}`}>
            <Title order={2} size="h3" id={`day-${key}`} mb="sm">
              {formatDayHeading(key, zone, i18n.language)}
            </Title>
            <Stack gap="sm">
              {entries.map((e) => (e.kind === 'group' ? <SessionCard key={e.session.id} session={e.session} /> : <PrivateSessionCard key={e.session.id} session={e.session} />))}
            </Stack>
          </section>
        ))
      )}

      <CalendarFeed />
    </Stack>
  );
}

/** Subscribe in a calendar app: a private link that can be copied and turned off. */
function CalendarFeed() {
  const { t } = useTranslation();
  const status = useCalendarFeedStatus();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const active = !!url || !!status.data?.active;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="feed-title">
          {t('calendar.feedTitle')}
        </Title>
        <Text>{t('calendar.feedIntro')}</Text>
        {url ? (
          <>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput label={t('calendar.feedUrl')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant={copied ? 'filled' : 'outline'} aria-live="polite">
                    {copied ? t('calendar.copied') : t('calendar.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {t('calendar.feedPrivate')}
            </Text>
          </>
        ) : active ? (
          <Text>{t('calendar.feedActive')}</Text>
        ) : null}
        {revoked && !url && (
          <Alert color="green" variant="light" role="status">
            <Text c="#0b3d1a">{t('calendar.feedRevoked')}</Text>
          </Alert>
        )}
        <Group gap="xs">
          <Button
            onClick={() =>
              create.mutate(undefined, {
                onSuccess: (r) => {
                  setUrl(r.url);
                  setRevoked(false);
                },
              })
            }
            loading={create.isPending}
            variant={active ? 'outline' : 'filled'}
          >
            {active ? t('calendar.newLink') : t('calendar.getLink')}
          </Button>
          {active && (
          <Button
            color="red.9"
            variant="outline"
            onClick={() =>
              revoke.mutate(undefined, {
                onSuccess: () => {
                  setUrl(null);
                  setRevoked(true);
                },
              })
            }
            loading={revoke.isPending}
          >
            {t('calendar.revoke')}
          </Button>
          )}
        </Group>
        <FormError error={create.error ?? revoke.error} />
      </Stack>
    </Paper>
  );
}
