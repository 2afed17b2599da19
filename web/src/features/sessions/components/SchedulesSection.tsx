import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import type { Schedule } from '../api.ts';
import { useDeleteSchedule, useSchedules } from '../hooks.ts';
import { OneOffSessionForm } from './OneOffSessionForm.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { formatMinutes, formatWallDate, formatWallTime } from './WhenFields.tsx';

type Open = 'schedule' | 'one-off' | null;

/** Facilitators' view of a group's schedules: the list, ending one, and adding a schedule or a one-off session. */
export function SchedulesSection({ groupId, zone }: { groupId: string; zone: string }) {
  const { t } = useTranslation();
  const schedules = useSchedules(groupId);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const active = (schedules.data?.schedules ?? []).filter((s) => !s.archivedAt);
  const toggle = (which: Exclude<Open, null>) => {
    setDone(null);
    setOpen((o) => (o === which ? null : which));
  };
  const finished = (message: string | null) => () => {
    setOpen(null);
    setDone(message);
  };

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="schedules-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="schedules-title">
          {t('schedules.heading')}
        </Title>
        {schedules.isPending ? (
          <Loading />
        ) : schedules.isError ? (
          <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} />
        ) : active.length === 0 ? (
          <Text>{t('schedules.none')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {active.map((s) => (
              <ScheduleRow key={s.id} schedule={s} />
            ))}
          </Stack>
        )}
        {done && (
          <Text role="status" c="forest.9">
            {done}
          </Text>
        )}
        <Group gap="xs">
          <Button variant={open === 'schedule' ? 'filled' : 'outline'} onClick={() => toggle('schedule')} aria-expanded={open === 'schedule'} aria-controls="schedule-form">
            {t('schedules.addRepeating')}
          </Button>
          <Button variant={open === 'one-off' ? 'filled' : 'outline'} onClick={() => toggle('one-off')} aria-expanded={open === 'one-off'} aria-controls="one-off-form">
            {t('schedules.addOneOff')}
          </Button>
        </Group>
        {open === 'schedule' && (
          <Paper withBorder p="md" radius="md" id="schedule-form">
            <ScheduleForm groupId={groupId} zone={zone} onDone={finished(t('schedules.added'))} />
          </Paper>
        )}
        {open === 'one-off' && (
          <Paper withBorder p="md" radius="md" id="one-off-form">
            <OneOffSessionForm groupId={groupId} zone={zone} onDone={finished(t('schedules.sessionAdded'))} />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

function ScheduleRow({ schedule }: { schedule: Schedule }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteSchedule();
  const [confirming, setConfirming] = useState(false);
  const description = schedule.description ? schedule.description.charAt(0).toUpperCase() + schedule.description.slice(1) : schedule.rrule;
  const time = formatWallTime(schedule.startLocal.slice(11, 16), i18n.language);
  const label = schedule.title ? `${schedule.title}: ${description}` : description;

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={0}>
          <Text fw={600}>{label}</Text>
          <Text size="sm">
            {t('schedules.rowWhen', { time, length: formatMinutes(schedule.durationMinutes, i18n.language), zone: schedule.timezone.replace(/_/g, ' '), from: formatWallDate(schedule.startLocal.slice(0, 10), i18n.language) })}
          </Text>
        </Stack>
        <Button variant="outline" color="red.9" size="sm" onClick={() => setConfirming(true)} aria-label={t('schedules.endNamed', { name: label })}>
          {t('schedules.end')}
        </Button>
      </Group>
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('schedules.endConfirmTitle')}>
        <Stack>
          <Text>{t('schedules.endConfirmBody', { name: label })}</Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={() => setConfirming(false)}>
              {t('schedules.keep')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(schedule.id, { onSuccess: () => setConfirming(false) })}>
              {t('schedules.endConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}
