import { useMemo } from 'react';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { DateTime, Duration } from 'luxon';
import { useTranslation } from 'react-i18next';
import { resolveDateLocale } from '../../../lib/time.ts';

const DURATIONS = [30, 45, 60, 75, 90, 105, 120, 150, 180, 240];

/** "1 hour, 30 minutes" in the viewer's language. */
export function formatMinutes(minutes: number, language: string): string {
  const d = Duration.fromObject({ hours: Math.floor(minutes / 60), minutes: minutes % 60 }, { locale: resolveDateLocale(language) });
  const parts = d.hours === 0 ? d.shiftTo('minutes') : d.minutes === 0 ? d.shiftTo('hours') : d;
  return parts.toHuman({ unitDisplay: 'long' });
}

/** A wall-clock time "18:30" in the viewer's style ("6:30 PM" or "18:30"). */
export function formatWallTime(hhmm: string, language: string): string {
  const dt = DateTime.fromISO(`2000-01-01T${hhmm}`, { zone: 'UTC' }).setLocale(resolveDateLocale(language));
  return dt.isValid ? dt.toLocaleString(DateTime.TIME_SIMPLE) : hhmm;
}

/** A calendar date "2026-03-03" as "3 March 2026" in the viewer's language. */
export function formatWallDate(date: string, language: string): string {
  const dt = DateTime.fromISO(date, { zone: 'UTC' }).setLocale(resolveDateLocale(language));
  return dt.isValid ? dt.toLocaleString(DateTime.DATE_FULL) : date;
}

type Props = {
  date: string;
  time: string;
  onDate: (v: string) => void;
  onTime: (v: string) => void;
  dateLabel: string;
  dateError?: string;
  timeError?: string;
  minDate?: string;
  /** Leave out to hide the duration picker (moving keeps a session's length). */
  duration?: string;
  onDuration?: (v: string) => void;
  durationError?: string;
};

/** Date, start time and (optionally) length, with native pickers; times are wall-clock in the group's zone. */
export function WhenFields({ date, time, onDate, onTime, dateLabel, dateError, timeError, minDate, duration, onDuration, durationError }: Props) {
  const { t, i18n } = useTranslation();
  const durations = useMemo(() => {
    const values = new Set(DURATIONS);
    if (duration && /^\d+$/.test(duration)) values.add(Number(duration));
    return [...values].sort((a, b) => a - b).map((m) => ({ value: String(m), label: formatMinutes(m, i18n.language) }));
  }, [duration, i18n.language]);
  const withDuration = duration !== undefined && onDuration;

  return (
    <SimpleGrid cols={{ base: 1, xs: withDuration ? 3 : 2 }} spacing="sm">
      <TextInput type="date" label={dateLabel} value={date} min={minDate} onChange={(e) => onDate(e.currentTarget.value)} error={dateError} required />
      <TextInput type="time" label={t('schedules.startTime')} value={time} onChange={(e) => onTime(e.currentTarget.value)} error={timeError} required step={300} />
      {withDuration && <NativeSelect label={t('schedules.duration')} value={duration} onChange={(e) => onDuration(e.currentTarget.value)} data={durations} error={durationError} />}
    </SimpleGrid>
  );
}
