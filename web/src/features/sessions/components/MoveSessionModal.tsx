import { useRef, useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { zoneLabel } from '../../../lib/time.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import type { SessionItem } from '../api.ts';
import { useMoveSession } from '../hooks.ts';
import { minutesBetween, movedTimes, todayIn } from '../recurrence.ts';
import { WhenFields, formatMinutes } from './WhenFields.tsx';

/** Move one session to a new date and time in the group's time zone; it keeps its length. */
export function MoveSessionModal({ session, opened, onClose }: { session: SessionItem; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('manageSession.moveTitle', { title: session.title })}>
      {opened && <MoveForm session={session} onClose={onClose} />}
    </AppModal>
  );
}

function MoveForm({ session, onClose }: { session: SessionItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zone = session.groupLocal.timezone;
  const move = useMoveSession(session.id);
  const [date, setDate] = useState(session.groupLocal.date);
  const [time, setTime] = useState(session.groupLocal.startTime);
  const [badWhen, setBadWhen] = useState<object | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, move.error ?? badWhen);
  const length = minutesBetween(session.startsAt, session.endsAt);
  const error = badWhen ? null : move.error;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const times = movedTimes(date, time, zone, length);
    if (!times) {
      setBadWhen({});
      return;
    }
    setBadWhen(null);
    move.mutate(times, { onSuccess: onClose });
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('manageSession.moveIntro', { length: formatMinutes(length, i18n.language), zone: zoneLabel(zone, i18n.language) })}</Text>
        <WhenFields
          date={date}
          time={time}
          onDate={setDate}
          onTime={setTime}
          dateLabel={t('manageSession.newDate')}
          minDate={todayIn(zone)}
          dateError={badWhen ? t('schedules.errors.when') : fieldError(error, 'startsAt')}
          timeError={fieldError(error, 'endsAt')}
        />
        {needsFormError(error, ['startsAt', 'endsAt']) && <FormError error={error} />}
        <Group justify="flex-end">
          <Button variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t('manageSession.moveConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
