import { useMemo, useRef, useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { zoneLabel } from '../../../lib/time.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { jsonDraftParser, useFormDraft } from '../../groups/use-form-draft.ts';
import { useCreateOneOffSession } from '../hooks.ts';
import { toLocalDateTime, todayIn } from '../recurrence.ts';
import { WhenFields } from './WhenFields.tsx';

type Values = { title: string; date: string; time: string; duration: string };
const parse = jsonDraftParser<Values>((v) => typeof v.date === 'string' && typeof v.time === 'string');

/** A single extra session at a wall-clock time in the group's time zone. */
export function OneOffSessionForm({ groupId, zone, onDone }: { groupId: string; zone: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateOneOffSession(groupId);
  const initial = useMemo<Values>(() => ({ title: '', date: todayIn(zone), time: '19:00', duration: '90' }), [zone]);
  const { values, update, clear } = useFormDraft(`sessions.new.${groupId}`, initial, parse);
  const [badWhen, setBadWhen] = useState<object | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, create.error ?? badWhen);
  const error = badWhen ? null : create.error;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const startLocal = toLocalDateTime(values.date, values.time);
    if (!startLocal) {
      setBadWhen({});
      return;
    }
    setBadWhen(null);
    create.mutate(
      { title: values.title.trim() || null, startLocal, durationMinutes: Number(values.duration) },
      {
        onSuccess: () => {
          clear();
          onDone();
        },
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-labelledby="one-off-form-title">
      <Stack gap="md">
        <Text fw={650} id="one-off-form-title">
          {t('schedules.addOneOff')}
        </Text>
        <WhenFields
          date={values.date}
          time={values.time}
          onDate={(date) => update({ date })}
          onTime={(time) => update({ time })}
          dateLabel={t('schedules.date')}
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
        {needsFormError(error, ['startLocal', 'durationMinutes', 'title', 'timezone']) && <FormError error={error} />}
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            {t('schedules.addSession')}
          </Button>
          <Button
            variant="outline"
            color="ink"
            onClick={() => {
              clear();
              onDone();
            }}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
