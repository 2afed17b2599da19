import { useState } from 'react';
import { DateTime } from 'luxon';
import { Alert, Button, Group, List, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime, zoneLabel } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { Meeting, Person } from '../api.ts';
import { useCancelMeeting, useRescheduleMeeting, useScheduleMeeting } from '../hooks.ts';

/** Upcoming supervision sessions, in the viewer's time zone, with moving (the supervisor) and cancelling (either person). */
export function MeetingList({ meetings, headingId }: { meetings: Meeting[]; headingId: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<'moved' | 'cancelled' | null>(null);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">{t('supervision.meetings.title')}</Title>
      {done && <Alert color="green" role="status" mb="xs">{t(`supervision.meetings.${done}`)}</Alert>}
      {meetings.length === 0 ? (
        <Text>{t('supervision.meetings.none')}</Text>
      ) : (
        <List spacing="xs">
          {meetings.map((m) => <MeetingItem key={m.id} meeting={m} onDone={setDone} />)}
        </List>
      )}
      <Text size="sm" c="dimmed" mt="xs">{t('supervision.meetings.calendarHint')}</Text>
    </section>
  );
}

function MeetingItem({ meeting: m, onDone }: { meeting: Meeting; onDone: (what: 'moved' | 'cancelled') => void }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const [mode, setMode] = useState<'idle' | 'moving' | 'cancelling'>('idle');
  const [when, setWhen] = useState(() => DateTime.fromISO(m.startsAt).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm"));
  const move = useRescheduleMeeting();
  const cancel = useCancelMeeting();
  const label = formatShortDateTime(m.startsAt, zone, i18n.language);
  return (
    <List.Item>
      {t('supervision.meetings.item', { when: label, minutes: m.durationMinutes, supervisor: m.supervisor.displayName, supporter: m.supporter.displayName })}
      {m.agenda && <Text size="sm">{t('supervision.meetings.agenda', { agenda: m.agenda })}</Text>}
      {mode === 'idle' && (m.abilities.reschedule || m.abilities.cancel) && (
        <Group gap="xs" mt={4}>
          {m.abilities.reschedule && <Button size="xs" variant="light" aria-label={t('supervision.meetings.moveLabel', { when: label })} onClick={() => setMode('moving')}>{t('supervision.meetings.move')}</Button>}
          {m.abilities.cancel && <Button size="xs" variant="subtle" color="red" aria-label={t('supervision.meetings.cancelLabel', { when: label })} onClick={() => setMode('cancelling')}>{t('supervision.meetings.cancel')}</Button>}
        </Group>
      )}
      {mode === 'moving' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const startsAt = DateTime.fromISO(when, { zone }).toISO();
            if (startsAt) move.mutate({ id: m.id, startsAt }, { onSuccess: () => onDone('moved') });
          }}
        >
          <Stack gap="xs" maw={360} mt={4}>
            <TextInput type="datetime-local" label={t('supervision.meetings.newTime')} description={t('supervision.meetings.zone', { zone: zoneLabel(zone, i18n.language) })} value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={fieldError(move.error, 'startsAt')} />
            {move.isError && !fieldError(move.error, 'startsAt') && <ErrorState error={move.error} />}
            <Group gap="xs">
              <Button type="submit" size="xs" loading={move.isPending}>{t('supervision.meetings.saveMove')}</Button>
              <Button size="xs" variant="default" onClick={() => setMode('idle')}>{t('supervision.meetings.close')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      {mode === 'cancelling' && (
        <Stack gap="xs" mt={4}>
          <Text size="sm" role="alert">{t('supervision.meetings.cancelConfirm')}</Text>
          {cancel.isError && <ErrorState error={cancel.error} />}
          <Group gap="xs">
            <Button size="xs" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(m.id, { onSuccess: () => onDone('cancelled') })}>{t('supervision.meetings.confirmCancel')}</Button>
            <Button size="xs" variant="default" onClick={() => setMode('idle')}>{t('supervision.meetings.keep')}</Button>
          </Group>
        </Stack>
      )}
    </List.Item>
  );
}

/** A supervisor schedules a session with one of their supporters; the time is read in the supervisor's own time zone. */
export function ScheduleMeetingForm({ supporters }: { supporters: Person[] }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const schedule = useScheduleMeeting();
  const [supporterId, setSupporterId] = useState<string | null>(supporters[0]?.id ?? null);
  const [when, setWhen] = useState(() => DateTime.now().setZone(zone).plus({ days: 7 }).set({ hour: 10, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm"));
  const [minutes, setMinutes] = useState<number | string>(60);
  const [agenda, setAgenda] = useState('');
  return (
    <section aria-labelledby="schedule-heading">
      <Title order={2} size="h3" id="schedule-heading" mb="sm">{t('supervision.meetings.schedule')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!supporterId) return;
          const startsAt = DateTime.fromISO(when, { zone }).toISO();
          if (!startsAt) return;
          schedule.mutate({ supporterId, startsAt, durationMinutes: Number(minutes), ...(agenda.trim() ? { agenda } : {}) }, { onSuccess: () => setAgenda('') });
        }}
      >
        <Stack gap="sm" maw={520}>
          <Select label={t('supervision.meetings.supporter')} data={supporters.map((s) => ({ value: s.id, label: s.displayName }))} value={supporterId} onChange={setSupporterId} allowDeselect={false} error={fieldError(schedule.error, 'supporterId')} />
          <TextInput
            type="datetime-local"
            label={t('supervision.meetings.startsAt')}
            description={t('supervision.meetings.zone', { zone: zoneLabel(zone, i18n.language) })}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={fieldError(schedule.error, 'startsAt')}
          />
          <NumberInput label={t('supervision.meetings.duration')} min={15} max={240} step={15} value={minutes} onChange={setMinutes} error={fieldError(schedule.error, 'durationMinutes')} />
          <Textarea label={t('supervision.meetings.agendaLabel')} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} maxLength={1000} autosize minRows={2} error={fieldError(schedule.error, 'agenda')} />
          {schedule.isError && !['supporterId', 'startsAt', 'durationMinutes', 'agenda'].some((f) => fieldError(schedule.error, f)) && <ErrorState error={schedule.error} />}
          {schedule.isSuccess && <Alert color="green" role="status">{t('supervision.meetings.saved')}</Alert>}
          <Button type="submit" loading={schedule.isPending} style={{ alignSelf: 'flex-start' }}>{t('supervision.meetings.submit')}</Button>
        </Stack>
      </form>
    </section>
  );
}
