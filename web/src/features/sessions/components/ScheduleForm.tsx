import { useMemo, useRef, useState } from 'react';
import { Checkbox, NativeSelect, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Info } from 'luxon';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { resolveDateLocale } from '../../../lib/time.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { jsonDraftParser, useFormDraft } from '../../groups/use-form-draft.ts';
import { useCreateSchedule } from '../hooks.ts';
import {
  MONTH_POSITIONS,
  WEEKDAY_CODES,
  buildRrule,
  monthPositionOfDate,
  toLocalDateTime,
  todayIn,
  weekdayOfDate,
  type MonthPosition,
  type RepeatPattern,
  type WeekdayCode,
} from '../recurrence.ts';
import { SessionFields, SessionFormActions, type SessionFieldValues } from './SessionFields.tsx';
import { formatMinutes, formatWallTime } from './WhenFields.tsx';

type Kind = RepeatPattern['kind'];
type Values = SessionFieldValues & { kind: Kind; weekdays: WeekdayCode[]; position: MonthPosition; weekday: WeekdayCode };
type Problems = { weekdays?: boolean; when?: boolean };

const KINDS: Kind[] = ['weekly', 'fortnightly', 'monthly'];
const POSITION_KEYS: Record<MonthPosition, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const parse = jsonDraftParser<Values>((v) => typeof v.kind === 'string' && Array.isArray(v.weekdays) && typeof v.date === 'string');

function patternOf(v: Values): RepeatPattern {
  return v.kind === 'monthly' ? { kind: 'monthly', position: v.position, weekday: v.weekday } : { kind: v.kind, weekdays: v.weekdays };
}

/** A friendly repeat picker that builds the RRULE, plus the first date, local start time and length. */
export function ScheduleForm({ groupId, zone, onDone }: { groupId: string; zone: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = resolveDateLocale(i18n.language);
  const create = useCreateSchedule(groupId);
  const initial = useMemo<Values>(() => {
    const date = todayIn(zone);
    const weekday = weekdayOfDate(date) ?? 'MO';
    return { title: '', kind: 'weekly', weekdays: [weekday], position: monthPositionOfDate(date) ?? 1, weekday, date, time: '19:00', duration: '90' };
  }, [zone]);
  const { values, update, clear } = useFormDraft(`schedules.new.${groupId}`, initial, parse);
  /** Saved or cancelled: the draft is forgotten and the form closes. */
  const finish = () => {
    clear();
    onDone();
  };
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState<object | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, create.error ?? attempt);
  const dayNames = useMemo(() => Info.weekdays('long', { locale }), [locale]);
  const dayName = (code: WeekdayCode) => dayNames[WEEKDAY_CODES.indexOf(code)] ?? code;
  const error = Object.keys(problems).length > 0 ? null : create.error;

  /** A new first date suggests its weekday, unless the facilitator already chose other days. */
  const changeDate = (date: string) => {
    const before = weekdayOfDate(values.date);
    const after = weekdayOfDate(date);
    const patch: Partial<Values> = { date };
    if (after) {
      if (values.weekdays.length === 0 || (values.weekdays.length === 1 && values.weekdays[0] === before)) patch.weekdays = [after];
      patch.weekday = after;
      patch.position = monthPositionOfDate(date) ?? values.position;
    }
    update(patch);
  };

  const rrule = buildRrule(patternOf(values));
  const startLocal = toLocalDateTime(values.date, values.time);
  const summary = describePattern(values, dayName, locale, t) + ' ' + t('schedules.summaryWhen', { time: formatWallTime(values.time, i18n.language), length: formatMinutes(Number(values.duration), i18n.language) });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Problems = { ...(rrule ? {} : { weekdays: true }), ...(startLocal ? {} : { when: true }) };
    setProblems(found);
    if (!rrule || !startLocal) {
      setAttempt({});
      return;
    }
    setAttempt(null);
    create.mutate(
      { title: values.title.trim() || null, rrule, startLocal, durationMinutes: Number(values.duration) },
      { onSuccess: finish },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-labelledby="schedule-form-title">
      <Stack gap="md">
        <Text fw={650} id="schedule-form-title">
          {t('schedules.addRepeating')}
        </Text>
        <Radio.Group label={t('schedules.repeat')} value={values.kind} onChange={(kind) => update({ kind: kind as Kind })} error={fieldError(error, 'rrule')}>
          <Stack gap={6} mt="xs">
            {KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`schedules.kinds.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {values.kind === 'monthly' ? (
          <SimpleGrid cols={2} spacing="sm">
            <NativeSelect label={t('schedules.whichWeek')} value={String(values.position)} onChange={(e) => update({ position: Number(e.currentTarget.value) as MonthPosition })} data={MONTH_POSITIONS.map((p) => ({ value: String(p), label: t(`schedules.positions.${POSITION_KEYS[p]}`) }))} />
            <NativeSelect label={t('schedules.weekday')} value={values.weekday} onChange={(e) => update({ weekday: e.currentTarget.value as WeekdayCode })} data={WEEKDAY_CODES.map((c) => ({ value: c, label: dayName(c) }))} />
          </SimpleGrid>
        ) : (
          <Checkbox.Group label={t('schedules.onDays')} value={values.weekdays} onChange={(days) => update({ weekdays: days as WeekdayCode[] })} error={problems.weekdays ? t('schedules.errors.noDays') : undefined}>
            <SimpleGrid cols={{ base: 2, xs: 4 }} mt="xs" spacing="xs">
              {WEEKDAY_CODES.map((c) => (
                <Checkbox key={c} value={c} label={dayName(c)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <SessionFields values={values} update={update} zone={zone} dateLabel={t('schedules.firstDate')} onDate={changeDate} badWhen={problems.when} error={error} />
        {rrule && startLocal && (
          <Text aria-live="polite" fw={600}>
            {summary}
          </Text>
        )}
        {needsFormError(error, ['rrule', 'startLocal', 'durationMinutes', 'title', 'timezone']) && <FormError error={error} />}
        <SessionFormActions
          submitLabel={t('schedules.addSchedule')}
          pending={create.isPending}
          onCancel={finish}
        />
      </Stack>
    </form>
  );
}

/** "Every week on Tuesday and Thursday" / "Every month on the second Wednesday", in the viewer's language. */
function describePattern(v: Values, dayName: (c: WeekdayCode) => string, locale: string, t: TFunction): string {
  if (v.kind === 'monthly') return t('schedules.summaryMonthly', { position: t(`schedules.positions.${POSITION_KEYS[v.position]}`).toLocaleLowerCase(locale), day: dayName(v.weekday) });
  const days = new Intl.ListFormat(locale, { type: 'conjunction' }).format(WEEKDAY_CODES.filter((c) => v.weekdays.includes(c)).map(dayName));
  return t(v.kind === 'weekly' ? 'schedules.summaryWeekly' : 'schedules.summaryFortnightly', { days });
}
