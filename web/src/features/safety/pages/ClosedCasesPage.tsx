import { Anchor, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { CASE_KINDS, CASE_OUTCOMES, type CaseKind, type CaseOutcome, type ClosedCaseFilters, type SafetyCase } from '../api.ts';
import { useClosedCases, useOnCallLive } from '../hooks.ts';
import { LevelBadge } from '../components/CaseBadges.tsx';
import { NotOnCallTeam } from './OnCallPage.tsx';
import { OnCallHeader } from '../components/OnCallHeader.tsx';

const PERIODS = [7, 30, 90, 365] as const;

/** Reads the filters from the address, so a filtered list can be bookmarked or shared within the team. */
function readFilters(params: URLSearchParams): ClosedCaseFilters {
  const outcome = params.get('outcome');
  const level = params.get('level');
  const kind = params.get('kind');
  const days = Number(params.get('days'));
  return {
    ...(outcome && (CASE_OUTCOMES as string[]).includes(outcome) ? { outcome: outcome as CaseOutcome } : {}),
    ...(level === 'concern' || level === 'urgent' ? { level } : {}),
    ...(kind && (CASE_KINDS as string[]).includes(kind) ? { kind: kind as CaseKind } : {}),
    ...((PERIODS as readonly number[]).includes(days) ? { days } : {}),
  };
}

/** Closed cases, most recently closed first, with filters by outcome, level, kind and period. */
export function ClosedCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('safety.closed.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  return <ClosedCases />;
}

function ClosedCases() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const cases = useClosedCases(filters);
  useOnCallLive();
  const setFilter = (key: keyof ClosedCaseFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const any = { value: '', label: t('safety.closed.any') };

  return (
    <Stack gap="lg">
      <OnCallHeader title={t('safety.closed.title')} intro={t('safety.closed.intro')} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="closed-filters-title">
        <Title order={2} size="h4" id="closed-filters-title" mb="xs">
          {t('safety.closed.filters')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('safety.closed.outcome')}
            value={filters.outcome ?? ''}
            onChange={(e) => setFilter('outcome', e.currentTarget.value)}
            data={[any, ...CASE_OUTCOMES.map((o) => ({ value: o, label: t(`safety.outcome.${o}`) }))]}
          />
          <NativeSelect
            label={t('safety.closed.level')}
            value={filters.level ?? ''}
            onChange={(e) => setFilter('level', e.currentTarget.value)}
            data={[any, { value: 'urgent', label: t('safety.level.urgent') }, { value: 'concern', label: t('safety.level.concern') }]}
          />
          <NativeSelect
            label={t('safety.closed.kind')}
            value={filters.kind ?? ''}
            onChange={(e) => setFilter('kind', e.currentTarget.value)}
            data={[any, ...CASE_KINDS.map((k) => ({ value: k, label: t(`safety.kind.${k}`) }))]}
          />
          <NativeSelect
            label={t('safety.closed.period')}
            value={filters.days ? String(filters.days) : ''}
            onChange={(e) => setFilter('days', e.currentTarget.value)}
            data={[{ value: '', label: t('safety.closed.anyTime') }, ...PERIODS.map((d) => ({ value: String(d), label: t('safety.closed.lastDays', { count: d }) }))]}
          />
        </Group>
      </Paper>
      <section aria-labelledby="closed-list-title">
        <Title order={2} size="h3" id="closed-list-title" mb="sm">
          {cases.data ? t('safety.closed.count', { count: cases.data.cases.length }) : t('safety.closed.title')}
        </Title>
        {cases.isPending ? (
          <Loading />
        ) : cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : cases.data.cases.length === 0 ? (
          <Text>{t('safety.closed.empty')}</Text>
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {cases.data.cases.map((c) => (
              <li key={c.id}>
                <ClosedRow c={c} />
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function ClosedRow({ c }: { c: SafetyCase }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const when = (iso: string) => formatShortDateTime(iso, zone, i18n.language);
  const name = c.subject.displayName;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={t('safety.oncall.caseFor', { name })}>
      <Stack gap={4}>
        <Group gap="xs">
          <LevelBadge level={c.level} />
          <Text size="sm" fw={600}>
            {c.outcome ? t(`safety.outcome.${c.outcome}`) : t('safety.oncall.status.resolved')}
          </Text>
        </Group>
        <Anchor component={Link} to={`/on-call/cases/${c.id}`} fw={650}>
          {t('safety.oncall.openCase', { name })}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t(`safety.kind.${c.kind}`)} · {t('safety.case.opened', { when: when(c.openedAt) })}
          {c.resolvedAt ? ` · ${t('safety.closed.closedAt', { when: when(c.resolvedAt) })}` : ''}
          {c.acknowledgedBy ? ` · ${t('safety.closed.takenBy', { name: c.acknowledgedBy.displayName })}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
