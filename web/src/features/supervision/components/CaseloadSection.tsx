import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../lib/components/ErrorState.tsx';
import type { Caseload } from '../api.ts';
import { useSupporterActivities } from '../hooks.ts';
import { ActivityItem } from './ActivityItem.tsx';
import { MeetingList, ScheduleMeetingForm } from './Meetings.tsx';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** A supervisor's caseload: each supporter's load, escalations, feedback and hours, their log, and sessions. */
export function CaseloadSection({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const log = useSupporterActivities(open);
  return (
    <Stack gap="lg">
      <section aria-labelledby="caseload-heading">
        <Title order={2} size="h3" id="caseload-heading" mb="sm">{t('supervision.caseload.title')}</Title>
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {caseload.supporters.map((s) => {
            const e = s.recentEscalations;
            return (
              <Paper component="li" key={s.supporter.id} withBorder p="md" radius="md">
                <Group justify="space-between">
                  <Title order={3} size="h4">{s.supporter.displayName}</Title>
                  <Button size="xs" variant="light" onClick={() => setOpen(open === s.supporter.id ? null : s.supporter.id)} aria-expanded={open === s.supporter.id} aria-label={`${t('supervision.caseload.showLog')}: ${s.supporter.displayName}`}>
                    {t('supervision.caseload.showLog')}
                  </Button>
                </Group>
                <Text size="sm">{s.load.openConversations === null ? t('supervision.caseload.loadUnknown') : t('supervision.caseload.load', { count: s.load.openConversations })}</Text>
                <Text size="sm">{e.safetyCases === null ? t('supervision.caseload.escalations', { referrals: e.crisisReferrals }) : t('supervision.caseload.safetyCases', { cases: e.safetyCases, referrals: e.crisisReferrals })}</Text>
                <Text size="sm">{t('supervision.caseload.supporterLine', { minutes: s.load.minutesLast30Days, hours: hours(s.hours.signedOffMinutes), awaiting: s.awaitingReview })}</Text>
                <Text size="sm">{t('supervision.caseload.feedback', { summary: s.feedback.count ? t('supervision.feedback.summary', { count: s.feedback.count, average: s.feedback.average }) : t('supervision.feedback.none') })}</Text>
                {open === s.supporter.id && (log.isPending ? <Loading /> : log.data && (
                  log.data.activities.length === 0 ? <Text size="sm" mt="sm">{t('supervision.caseload.emptyLog')}</Text> : (
                    <Stack component="ul" gap="xs" mt="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>{log.data.activities.map((a) => <ActivityItem key={a.id} a={a} />)}</Stack>
                  )
                ))}
              </Paper>
            );
          })}
        </Stack>
      </section>
      <MeetingList meetings={caseload.meetings} headingId="caseload-meetings-heading" />
      <ScheduleMeetingForm supporters={caseload.supporters.map((s) => s.supporter)} />
    </Stack>
  );
}
