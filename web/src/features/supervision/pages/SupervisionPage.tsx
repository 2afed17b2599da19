import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { ActivityItem } from '../components/ActivityItem.tsx';
import { AssignmentsSection } from '../components/AssignmentsSection.tsx';
import { CaseloadSection } from '../components/CaseloadSection.tsx';
import { LogForm } from '../components/LogForm.tsx';
import { MeetingList } from '../components/Meetings.tsx';
import { useCaseload, useDashboard, useMyActivities } from '../hooks.ts';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** A supporter's own dashboard and activity log, and (for supervisors) the caseload with sign-off. */
export function SupervisionPage() {
  const { t } = useTranslation();
  usePageTitle(t('supervision.title'));
  const caseload = useCaseload();
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('supervision.title')}</Title>
        <Text>{t('supervision.intro')}</Text>
        <Anchor component={Link} to="/training/certificates">{t('training.certificates.title')}</Anchor>
      </Stack>
      {caseload.isSuccess && caseload.data.supporters.length > 0 && <CaseloadSection caseload={caseload.data} />}
      <AssignmentsSection />
      <MyDashboard />
      <LogForm />
      <MyLog />
    </Stack>
  );
}

function MyDashboard() {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const dashboard = useDashboard();
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const describe = (item: (typeof d.due)[number]) => {
    const p = item.params;
    const when = typeof p.startsAt === 'string' ? formatShortDateTime(p.startsAt, zone, i18n.language) : typeof p.expiresAt === 'string' ? formatShortDateTime(p.expiresAt, zone, i18n.language) : '';
    return t(`supervision.due.${item.kind}`, { ...p, when, hours: hours(Number(p.minutes ?? 0)) });
  };
  return (
    <Stack gap="md">
      <section aria-labelledby="hours-heading">
        <Title order={2} size="h3" id="hours-heading">{t('supervision.hours.title')}</Title>
        <Group gap="lg">
          <Text>{t('supervision.hours.signedOff', { hours: hours(d.hours.signedOffMinutes) })}</Text>
          <Text>{t('supervision.hours.pending', { hours: hours(d.hours.pendingMinutes) })}</Text>
          <Text>{t('supervision.hours.recent', { hours: hours(d.hours.last30DaysMinutes) })}</Text>
        </Group>
        <Text size="sm">{d.supervisors.length ? t('supervision.supervisors', { names: d.supervisors.map((s) => s.displayName).join(', ') }) : t('supervision.noSupervisor')}</Text>
      </section>
      <section aria-labelledby="due-heading">
        <Title order={2} size="h3" id="due-heading">{t('supervision.due.title')}</Title>
        {d.due.length === 0 ? <Text>{t('supervision.due.none')}</Text> : <List>{d.due.map((item, i) => <List.Item key={i}>{describe(item)}</List.Item>)}</List>}
      </section>
      <section aria-labelledby="feedback-heading">
        <Title order={2} size="h3" id="feedback-heading">{t('supervision.feedback.title')}</Title>
        <Text>{d.feedback.count ? t('supervision.feedback.summary', { count: d.feedback.count, average: d.feedback.average }) : t('supervision.feedback.none')}</Text>
      </section>
      {(d.meetings.length > 0 || d.supervisors.length > 0) && <MeetingList meetings={d.meetings} headingId="my-meetings-heading" />}
    </Stack>
  );
}

function MyLog() {
  const { t } = useTranslation();
  const log = useMyActivities();
  return (
    <section aria-labelledby="mylog-heading">
      <Title order={2} size="h3" id="mylog-heading" mb="sm">{t('supervision.log.mine')}</Title>
      {log.isPending ? <Loading /> : log.isError ? <ErrorState error={log.error} /> : log.data.activities.length === 0 ? <Text>{t('supervision.log.empty')}</Text> : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>{log.data.activities.map((a) => <ActivityItem key={a.id} a={a} />)}</Stack>
      )}
    </section>
  );
}
