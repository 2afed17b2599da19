import { useEffect, useRef, useState } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import type { SafetyCase } from '../api.ts';
import { useCases, useOnCallLive, useOnCallNow } from '../hooks.ts';
import { newCases } from '../queue.ts';
import { LevelBadge, StatusBadge, useNow, WaitingTime } from '../components/CaseBadges.tsx';

/** The on-call dashboard: the live queue (most severe first, then longest waiting, as the server sorts it). */
export function OnCallPage() {
  const { t } = useTranslation();
  usePageTitle(t('safety.oncall.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  return <Dashboard />;
}

export function NotOnCallTeam() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('safety.oncall.title')}</Title>
      <Text>{t('safety.oncall.notForYou')}</Text>
    </Stack>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const cases = useCases();
  const onCall = useOnCallNow(true);
  const now = useNow(1000);
  const [announcement, setAnnouncement] = useState('');
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const previous = useRef<SafetyCase[] | undefined>(undefined);
  useOnCallLive();

  // Announce cases that arrived since the last fetch, and highlight them for a while.
  useEffect(() => {
    if (!cases.data) return;
    const added = newCases(previous.current, cases.data.cases);
    previous.current = cases.data.cases;
    if (added.length === 0) return;
    setAnnouncement(
      added.length === 1
        ? t('safety.oncall.newCase', { level: t(`safety.level.${added[0]!.level}`), name: added[0]!.subject.displayName })
        : t('safety.oncall.newCases', { count: added.length }),
    );
    setFresh(new Set(added.map((c) => c.id)));
    const timer = setTimeout(() => setFresh(new Set()), 30_000);
    return () => clearTimeout(timer);
  }, [cases.data, t]);

  const list = cases.data?.cases ?? [];
  const active = list.filter((c) => c.status !== 'resolved');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('safety.oncall.title')}</Title>
        <Text>{t('safety.oncall.intro')}</Text>
        <Group component="nav" aria-label={t('safety.oncall.links')} gap="md">
          <Anchor component={Link} to="/on-call/shifts" size="sm">
            {t('safety.oncall.shiftsLink')}
          </Anchor>
          <Anchor component={Link} to="/on-call/closed" size="sm">
            {t('safety.oncall.closedLink')}
          </Anchor>
          {me?.abilities.administer && (
            <Anchor component={Link} to="/on-call/settings" size="sm">
              {t('safety.oncall.settingsLink')}
            </Anchor>
          )}
        </Group>
        {onCall.data && (
          <Text size="sm">
            {onCall.data.people.length > 0
              ? t('safety.oncall.onCallNow', { names: onCall.data.people.map((p) => p.displayName).join(', ') })
              : t('safety.oncall.nobodyOnCall')}
          </Text>
        )}
      </Stack>
      <VisuallyHidden role="status" aria-live="assertive" aria-atomic="true">
        {announcement}
      </VisuallyHidden>

      <section aria-labelledby="queue-title">
        <Title order={2} size="h3" id="queue-title" mb="sm">
          {t('safety.oncall.queueTitle', { count: active.length })}
        </Title>
        {cases.isPending ? (
          <Loading />
        ) : cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : active.length === 0 ? (
          <Text>{t('safety.oncall.empty')}</Text>
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {active.map((c) => (
              <li key={c.id}>
                <CaseRow c={c} now={now} fetchedAt={cases.dataUpdatedAt} fresh={fresh.has(c.id)} />
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function CaseRow({ c, now, fetchedAt, fresh }: { c: SafetyCase; now: number; fetchedAt: number; fresh: boolean }) {
  const { t } = useTranslation();
  const name = c.subject.displayName;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={t('safety.oncall.caseFor', { name })}
      style={{ borderLeft: `6px solid ${c.level === 'urgent' ? '#a51d1d' : c.level === 'concern' ? '#c77c02' : '#868e96'}`, background: fresh ? 'var(--mantine-color-ember-0)' : undefined }}
    >
      <Stack gap={4}>
        <Group gap="xs">
          <LevelBadge level={c.level} />
          <StatusBadge c={c} />
          {fresh && (
            <Text size="sm" fw={700} c="ember.9">
              {t('safety.oncall.new')}
            </Text>
          )}
        </Group>
        <Anchor component={Link} to={`/on-call/cases/${c.id}`} fw={650} fz="lg">
          {t('safety.oncall.openCase', { name })}
        </Anchor>
        <Group gap="md">
          <Text size="sm">{c.status === 'open' ? <WaitingTime seconds={c.waitingSeconds} fetchedAt={fetchedAt} now={now} /> : null}</Text>
          <Text size="sm" c="dimmed">
            {t(`safety.kind.${c.kind}`)} · {t(`safety.source.${c.sourceKind}`, { defaultValue: c.sourceKind })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
