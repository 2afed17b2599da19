import { Button, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { zoneLabel } from '../../../lib/time.ts';
import { todayIn } from '../recurrence.ts';
import { WhenFields } from './WhenFields.tsx';

/** The fields every new-session form has: wall-clock date and time in the group's zone, length, optional title. */
export type SessionFieldValues = { title: string; date: string; time: string; duration: string };

type Props = {
  values: SessionFieldValues;
  update: (patch: Partial<SessionFieldValues>) => void;
  /** The group's time zone: the date and time are read there, and the note says so. */
  zone: string;
  dateLabel: string;
  /** Replaces the plain date update (the repeating form also suggests that date's weekday). */
  onDate?: (date: string) => void;
  /** The date and time did not make a real moment (checked before sending). */
  badWhen?: boolean;
  /** The server's answer, for per-field messages. */
  error: unknown;
};

/** Date, start time and length (in the group's time zone, said below them) and the optional title. */
export function SessionFields({ values, update, zone, dateLabel, onDate, badWhen, error }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <WhenFields
        date={values.date}
        time={values.time}
        onDate={onDate ?? ((date) => update({ date }))}
        onTime={(time) => update({ time })}
        dateLabel={dateLabel}
        minDate={todayIn(zone)}
        dateError={badWhen ? t('schedules.errors.when') : fieldError(error, 'startLocal')}
        duration={values.duration}
        onDuration={(duration) => update({ duration })}
        durationError={fieldError(error, 'durationMinutes')}
      />
      <Text size="sm" c="dimmed">
        {t('schedules.zoneNote', { zone: zoneLabel(zone, i18n.language) })}
      </Text>
      <TextInput label={t('schedules.title')} description={t('schedules.titleHelp')} value={values.title} onChange={(e) => update({ title: e.currentTarget.value })} error={fieldError(error, 'title')} maxLength={120} />
    </>
  );
}

/** Submit and cancel; cancelling forgets the draft. */
export function SessionFormActions({ submitLabel, pending, onCancel }: { submitLabel: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
      <Button variant="outline" color="ink" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
