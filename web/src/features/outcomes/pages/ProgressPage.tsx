import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { useTalkNow } from '../../safety/hooks.ts';
import { FHIR_EXPORT_URL, type Overview, type Progress } from '../api.ts';
import { ChartFigure } from '../components/ChartFigure.tsx';
import { ChoicesForm } from '../components/ChoicesForm.tsx';
import { useDismissNudge, useOverview, useProgress } from '../hooks.ts';
import { describeAttendance, describeMood, describeScoreChange, type Sentence } from '../progress-words.ts';

/** "My progress": what is due, a kind note after a decline, my own charts in plain words, my choices. */
export function ProgressPage() {
  const { t } = useTranslation();
  usePageTitle(t('outcomes.progress.title'));
  const overview = useOverview();
  const progress = useProgress();
  const role = useMe()?.role;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('outcomes.progress.title')}</Title>
        <Text>{t('outcomes.progress.intro')}</Text>
        {(role === 'facilitator' || role === 'clinician' || role === 'admin') && (
          <Anchor component={Link} to="/analytics">{t('analytics.title')}</Anchor>
        )}
      </Stack>
      {overview.isPending || progress.isPending ? (
        <Loading />
      ) : overview.isError || progress.isError ? (
        <ErrorState error={overview.error ?? progress.error} onRetry={() => { void overview.refetch(); void progress.refetch(); }} />
      ) : (
        <>
          {overview.data.nudge && <NudgeCard id={overview.data.nudge.id} />}
          <DueList overview={overview.data} />
          <Charts progress={progress.data} />
          <Stack gap={4} component="section" aria-labelledby="fhir-title">
            <Title order={2} size="h3" id="fhir-title">{t('outcomes.progress.fhirTitle')}</Title>
            <Text>{t('outcomes.progress.fhirText')}</Text>
            <Anchor href={FHIR_EXPORT_URL} download>{t('outcomes.progress.fhirDownload')}</Anchor>
          </Stack>
          <ChoicesForm saved={overview.data.preferences} />
          <Text size="xs" c="dimmed">{overview.data.attribution}</Text>
        </>
      )}
    </Stack>
  );
}

function NudgeCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const dismiss = useDismissNudge();
  const talk = useTalkNow();
  return (
    <Alert color="ember" variant="light" title={t('outcomes.progress.nudgeTitle')} withCloseButton closeButtonLabel={t('outcomes.progress.nudgeDismiss')} onClose={() => dismiss.mutate(id)}>
      <Stack gap="sm">
        <Text>{t('outcomes.progress.nudgeText')}</Text>
        <Group gap="sm">
          <Button component={Link} to="/progress/check-in" size="sm">{t('outcomes.progress.nudgeCheckin')}</Button>
          <Button component={Link} to="/safety-plan" size="sm" variant="outline" color="ink">{t('outcomes.progress.nudgePlan')}</Button>
          <Button size="sm" variant="outline" color="ink" loading={talk.isPending} onClick={() => talk.mutate()}>{t('outcomes.progress.nudgeTalk')}</Button>
        </Group>
        {talk.isSuccess && <Text role="status">{talk.data.message}</Text>}
      </Stack>
    </Alert>
  );
}

function DueList({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const items: Array<{ key: string; text: string; to: string; action: string }> = [];
  if (overview.checkin.due) {
    const after = overview.checkin.afterSession;
    items.push({
      key: 'checkin',
      text: after ? t('outcomes.progress.checkinAfterSession', { title: after.title ?? t('outcomes.progress.aSession') }) : t('outcomes.progress.checkinDue'),
      to: after ? `/progress/check-in?session=${after.sessionId}` : '/progress/check-in',
      action: t('outcomes.progress.checkinNow'),
    });
    if (after) items.push({ key: 'feedback', text: t('outcomes.feedback.title'), to: `/sessions/${after.sessionId}/feedback`, action: t('outcomes.feedback.share') });
  }
  for (const [instrument, name] of [['phq9', 'PHQ-9'], ['gad7', 'GAD-7']] as const) {
    if (overview[instrument].due) items.push({ key: instrument, text: t('outcomes.progress.questionnaireDue', { name }), to: `/progress/questionnaires/${instrument}`, action: t('outcomes.progress.startNamed', { name }) });
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="due-title">
      <Title order={2} size="h3" id="due-title">{t('outcomes.progress.dueTitle')}</Title>
      {items.length === 0 ? (
        <Text>{t('outcomes.progress.nothingDue')}</Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {items.map((i) => (
            <List.Item key={i.key}>
              <Group gap="sm" wrap="wrap">
                <Text>{i.text}</Text>
                <Button component={Link} to={i.to} size="sm" variant="light">{i.action}</Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Charts({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const day = (iso: string) => DateTime.fromISO(iso, { zone }).setLocale(i18n.language).toLocaleString({ day: 'numeric', month: 'short' });
  const say = (s: Sentence | null) =>
    s ? t(s.key, { ...s.values, ...(typeof s.values.firstBand === 'string' ? { firstBand: t(`outcomes.severity.${s.values.firstBand}`), lastBand: t(`outcomes.severity.${s.values.lastBand}`) } : {}) }) : '';
  // One row per day, so a PHQ-9 and a GAD-7 taken together share a point on the axis.
  const byDay = new Map<string, { date: string; phq9: number | null; gad7: number | null }>();
  for (const sc of progress.screenings) {
    const row = byDay.get(day(sc.at)) ?? { date: day(sc.at), phq9: null, gad7: null };
    row[sc.instrument] = sc.total;
    byDay.set(row.date, row);
  }
  const scoreRows = [...byDay.values()];
  const scoreSummary = [say(describeScoreChange(progress.screenings, 'phq9')) && `PHQ-9: ${say(describeScoreChange(progress.screenings, 'phq9'))}`, say(describeScoreChange(progress.screenings, 'gad7')) && `GAD-7: ${say(describeScoreChange(progress.screenings, 'gad7'))}`].filter(Boolean).join(' ');
  return (
    <>
      <ChartFigure
        title={t('outcomes.progress.scoresTitle')}
        help={t('outcomes.progress.scoresHelp')}
        summary={scoreSummary}
        rows={scoreRows}
        xKey="date"
        xLabel={t('outcomes.chart.date')}
        series={[{ key: 'phq9', label: 'PHQ-9', color: '#b3461f' }, { key: 'gad7', label: 'GAD-7', color: '#1f5fb3' }]}
        yDomain={[0, 27]}
      />
      <ChartFigure
        title={t('outcomes.progress.moodTitle')}
        help={t('outcomes.progress.moodHelp')}
        summary={say(describeMood(progress.mood))}
        rows={progress.mood.map((m) => ({ date: day(m.at), mood: m.mood }))}
        xKey="date"
        xLabel={t('outcomes.chart.date')}
        series={[{ key: 'mood', label: t('outcomes.chart.mood'), color: '#2f7d4f' }]}
        yDomain={[1, 10]}
      />
      <ChartFigure
        kind="bar"
        title={t('outcomes.progress.attendanceTitle')}
        summary={say(describeAttendance(progress.attendance))}
        empty={t('outcomes.progress.noSessions')}
        rows={progress.attendance.map((a) => ({ week: day(a.weekStart), sessions: a.sessions }))}
        xKey="week"
        xLabel={t('outcomes.chart.week')}
        series={[{ key: 'sessions', label: t('outcomes.chart.sessions'), color: '#6b4fb3' }]}
      />
    </>
  );
}
