import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { DateTime } from 'luxon';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { ChartFigure } from '../../outcomes/components/ChartFigure.tsx';
import { csvUrl, TABLES, type OutcomeSummary, type ProgramReport } from '../api.ts';
import { useCreateProgram, usePrograms, useReport } from '../hooks.ts';

const PERIODS = [30, 90, 180, 365];
const fmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '–' : x.toFixed(d));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`);

/** Program analytics: engagement, outcomes with 95% CIs and reliable change, experience and cost avoided. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('analytics.title'));
  const { programId = 'all' } = useParams();
  const navigate = useNavigate();
  const [days, setDays] = useState(90);
  const programs = usePrograms();
  const report = useReport(programId, days);
  if (programs.isError) return <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('analytics.title')}</Title>
        <Text>{t('analytics.intro', { min: report.data?.minGroupSize ?? 10 })}</Text>
        {programs.data?.abilities.manage && <Anchor component={Link} to="/analytics/settings">{t('analytics.settings.link')}</Anchor>}
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('analytics.program')}
          data={(programs.data?.programs ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={programId}
          onChange={(v) => v && navigate(v === 'all' ? '/analytics' : `/analytics/programs/${v}`)}
          allowDeselect={false}
          w={260}
        />
        <Select label={t('analytics.window')} data={PERIODS.map((d) => ({ value: String(d), label: t('analytics.days', { count: d }) }))} value={String(days)} onChange={(v) => v && setDays(Number(v))} allowDeselect={false} w={180} />
      </Group>
      {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : <Report report={report.data} days={days} />}
      {programs.data?.abilities.manage && <NewProgram groups={programs.data.groups} />}
    </Stack>
  );
}

function Section({ id, title, table, report, days, children }: { id: string; title: string; table?: (typeof TABLES)[number]; report: ProgramReport; days: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={id}>{title}</Title>
          {table && <Anchor href={csvUrl(report.program.id, table, days)} download>{t('analytics.csv')}<VisuallyHidden component="span">: {title}</VisuallyHidden></Anchor>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Report({ report, days }: { report: ProgramReport; days: number }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const min = report.minGroupSize;
  const suppressed = <Text>{t('analytics.suppressed', { min })}</Text>;
  const e = report.engagement;
  const meanAttended = e.sessions.length ? e.sessions.reduce((s, x) => s + x.attended, 0) / e.sessions.length : 0;
  return (
    <Stack gap="lg">
      <Section id="outcomes-title" title={t('analytics.outcomes.title')} table="outcomes" report={report} days={days}>
        <OutcomesTable rows={[report.outcomes.phq9, report.outcomes.gad7]} min={min} />
        {(['phq9', 'gad7'] as const).map((i) => <OutcomeSentence key={i} s={report.outcomes[i]} />)}
        {!report.outcomes.phq9.suppressed && (
          <ChartFigure
            headingLevel={3}
            kind="bar"
            title={t('analytics.outcomes.sharesTitle')}
            summary={t('analytics.outcomes.reliable', { points: fmt(report.outcomes.phq9.reliableChangePoints, 2) })}
            rows={(['recovered', 'improved', 'unchanged', 'deteriorated'] as const).map((c) => ({
              category: t(`analytics.outcomes.${c}`),
              phq9: Math.round((report.outcomes.phq9.categories?.[c].share ?? 0) * 100),
              gad7: report.outcomes.gad7.suppressed ? null : Math.round((report.outcomes.gad7.categories?.[c].share ?? 0) * 100),
            }))}
            xKey="category"
            xLabel={t('analytics.outcomes.instrument')}
            series={[{ key: 'phq9', label: 'PHQ-9 %', color: '#b3461f' }, ...(report.outcomes.gad7.suppressed ? [] : [{ key: 'gad7', label: 'GAD-7 %', color: '#1f5fb3' }])]}
          />
        )}
        <details>
          <summary style={{ cursor: 'pointer' }}>{t('analytics.outcomes.method')}</summary>
          <Text size="sm" mt="xs">{report.outcomes.method}</Text>
        </details>
      </Section>

      <Section id="groups-title" title={t('analytics.groups.title')} table="groups" report={report} days={days}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['name', 'members', 'active', 'sessions', 'attendance', 'phq9', 'gad7', 'mood'] as const).map((k) => <Table.Th scope="col" key={k}>{t(`analytics.groups.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.groups.map((g) => (
                <Table.Tr key={g.groupId}>
                  <Table.Th scope="row" fw={500}>{g.name}</Table.Th>
                  {g.suppressed ? (
                    <Table.Td colSpan={6}>{t('analytics.suppressed', { min })}</Table.Td>
                  ) : (
                    <>
                      <Table.Td>{g.members}</Table.Td>
                      <Table.Td>{g.activeMembers}</Table.Td>
                      <Table.Td>{g.sessions}</Table.Td>
                      <Table.Td>{fmt(g.meanAttendance)}</Table.Td>
                      <Table.Td>{changeText(g.outcomes!.phq9, t)}</Table.Td>
                      <Table.Td>{changeText(g.outcomes!.gad7, t)}</Table.Td>
                    </>
                  )}
                  <Table.Td><Anchor component={Link} to={`/analytics/groups/${g.groupId}/mood`}>{t('analytics.groups.mood')}<VisuallyHidden component="span">: {g.name}</VisuallyHidden></Anchor></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section id="engagement-title" title={t('analytics.engagement.title')} table="sessions" report={report} days={days}>
        {e.suppressed ? suppressed : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stat label={t('analytics.engagement.members')} value={String(e.members)} />
            <Stat label={t('analytics.engagement.active')} value={String(e.activeMembers)} />
          </SimpleGrid>
        )}
        <ChartFigure
          headingLevel={3}
          kind="bar"
          title={t('analytics.engagement.sessionsTitle')}
          summary={t('analytics.engagement.sessionsSummary', { count: e.sessions.length, mean: fmt(meanAttended) })}
          empty={t('analytics.engagement.noSessions')}
          rows={e.sessions.map((s) => ({ date: `${DateTime.fromISO(s.startsAt, { zone }).setLocale(i18n.language).toLocaleString({ day: 'numeric', month: 'short' })} · ${s.groupName}`, attended: s.attended }))}
          xKey="date"
          xLabel={t('analytics.engagement.date')}
          series={[{ key: 'attended', label: t('analytics.engagement.attended'), color: '#6b4fb3' }]}
        />
        <Stack gap={4}>
          <Group justify="space-between">
            <Title order={3} size="h4">{t('analytics.engagement.retentionTitle')}</Title>
            <Anchor href={csvUrl(report.program.id, 'retention', days)} download>{t('analytics.csv')}<VisuallyHidden component="span">: {t('analytics.engagement.retentionTitle')}</VisuallyHidden></Anchor>
          </Group>
          <Text size="sm" c="dimmed">{t('analytics.engagement.retentionHelp')}</Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('analytics.engagement.cohort')}</Table.Th>
                  <Table.Th scope="col">{t('analytics.engagement.size')}</Table.Th>
                  {[0, 2, 4, 8, 12].map((w) => <Table.Th scope="col" key={w}>{t('analytics.engagement.week', { week: w })}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.retention.map((c) => (
                  <Table.Tr key={c.cohort}>
                    <Table.Th scope="row" fw={500}>{c.cohort}</Table.Th>
                    {c.suppressed ? <Table.Td colSpan={6}>{t('analytics.suppressed', { min })}</Table.Td> : (
                      <>
                        <Table.Td>{c.size}</Table.Td>
                        {c.retention!.map((r) => <Table.Td key={r.week}>{pct(r.share)}</Table.Td>)}
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Section>

      <Section id="experience-title" title={t('analytics.experience.title')} table="experience" report={report} days={days}>
        {report.experience.suppressed ? suppressed : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Stat label={t('analytics.experience.responses')} value={String(report.experience.responses)} />
            <Stat label={t('analytics.experience.feltHeard')} value={pct(report.experience.feltHeardRate)} />
            <Stat label={t('analytics.experience.satisfaction')} value={fmt(report.experience.meanSatisfaction)} />
          </SimpleGrid>
        )}
        <Title order={3} size="h4">{t('analytics.experience.orgTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Stat label={t('analytics.experience.flags')} value={String(report.experience.organization.flags)} />
          <Stat label={t('analytics.experience.cases')} value={String(report.experience.organization.safetyCasesOpened)} />
          <Stat label={t('analytics.experience.escalations')} value={String(report.experience.organization.safetyEscalations)} />
        </SimpleGrid>
      </Section>

      <Section id="cost-title" title={t('analytics.cost.title')} table="cost" report={report} days={days}>
        <Text fw={report.cost.examples ? 600 : 400}>{report.cost.examples ? t('analytics.cost.examples') : t('analytics.cost.own')}</Text>
        {report.cost.suppressed ? suppressed : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {(['item', 'people', 'perPerson', 'unitCost', 'subtotal'] as const).map((k) => <Table.Th scope="col" key={k}>{t(`analytics.cost.${k}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.cost.lines.map((l) => (
                  <Table.Tr key={l.item}>
                    <Table.Th scope="row" fw={500}>{t(`analytics.cost.${l.item}`)}</Table.Th>
                    <Table.Td>{l.people}</Table.Td>
                    <Table.Td>{l.perPerson}</Table.Td>
                    <Table.Td>{money(l.unitCost, report.cost.currency, i18n.language)}</Table.Td>
                    <Table.Td>{money(l.subtotal, report.cost.currency, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('analytics.cost.total')}</Table.Th>
                  <Table.Td colSpan={3} />
                  <Table.Td fw={700}>{money(report.cost.total ?? 0, report.cost.currency, i18n.language)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}

const money = (x: number, currency: string, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(x);

function changeText(s: OutcomeSummary, t: (k: string, o?: Record<string, unknown>) => string) {
  if (s.suppressed || !s.change) return t('analytics.suppressed', { min: s.minN });
  return `${t('analytics.outcomes.changeValue', { mean: fmt(s.change.mean), low: fmt(s.change.ciLow), high: fmt(s.change.ciHigh) })}, n = ${s.n}`;
}

function OutcomeSentence({ s }: { s: OutcomeSummary }) {
  const { t } = useTranslation();
  if (s.suppressed || !s.change || !s.categories) return null;
  return (
    <Text>
      {t('analytics.outcomes.summary', {
        name: s.instrument === 'phq9' ? 'PHQ-9' : 'GAD-7', n: s.n, mean: fmt(s.change.mean), low: fmt(s.change.ciLow), high: fmt(s.change.ciHigh),
        recovered: pct(s.categories.recovered.share), improved: pct(s.categories.improved.share), deteriorated: pct(s.categories.deteriorated.share),
      })}
    </Text>
  );
}

function OutcomesTable({ rows, min }: { rows: OutcomeSummary[]; min: number }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {(['instrument', 'n', 'baseline', 'followUp', 'change', 'recovered', 'improved', 'unchanged', 'deteriorated'] as const).map((k) => <Table.Th scope="col" key={k}>{t(`analytics.outcomes.${k}`)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.instrument}>
              <Table.Th scope="row">{s.instrument === 'phq9' ? 'PHQ-9' : 'GAD-7'}</Table.Th>
              {s.suppressed || !s.change || !s.categories ? (
                <Table.Td colSpan={8}>{t('analytics.suppressed', { min })}</Table.Td>
              ) : (
                <>
                  <Table.Td>{s.n}</Table.Td>
                  <Table.Td>{fmt(s.baselineMean)}</Table.Td>
                  <Table.Td>{fmt(s.followUpMean)}</Table.Td>
                  <Table.Td>{t('analytics.outcomes.changeValue', { mean: fmt(s.change.mean), low: fmt(s.change.ciLow), high: fmt(s.change.ciHigh) })}</Table.Td>
                  {(['recovered', 'improved', 'unchanged', 'deteriorated'] as const).map((c) => <Table.Td key={c}>{pct(s.categories![c].share)} ({s.categories![c].count})</Table.Td>)}
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="sm">{label}</Text>
      <Text fz="xl" fw={700}>{value}</Text>
    </Paper>
  );
}

function NewProgram({ groups }: { groups: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const create = useCreateProgram();
  const navigate = useNavigate();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="new-program-title">
      <form noValidate onSubmit={(e) => { e.preventDefault(); create.mutate({ name, groupIds }, { onSuccess: (p) => navigate(`/analytics/programs/${p.id}`) }); }}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-program-title">{t('analytics.newProgram.title')}</Title>
          <TextInput label={t('analytics.newProgram.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} required />
          <MultiSelect label={t('analytics.newProgram.groups')} data={groups.map((g) => ({ value: g.id, label: g.name }))} value={groupIds} onChange={setGroupIds} searchable required />
          {create.isError && <FormError error={create.error} />}
          <Group><Button type="submit" variant="outline" color="ink" loading={create.isPending}>{t('analytics.newProgram.create')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
