import { useMemo, useRef, useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { jsonDraftParser, useFormDraft } from '../../groups/use-form-draft.ts';
import { useCreateOneOffSession } from '../hooks.ts';
import { toLocalDateTime, todayIn } from '../recurrence.ts';
import { SessionFields, SessionFormActions, type SessionFieldValues } from './SessionFields.tsx';

type Values = SessionFieldValues;
const parse = jsonDraftParser<Values>((v) => typeof v.date === 'string' && typeof v.time === 'string');

/** A single extra session at a wall-clock time in the group's time zone. */
export function OneOffSessionForm({ groupId, zone, onDone }: { groupId: string; zone: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOneOffSession(groupId);
  const initial = useMemo<Values>(() => ({ title: '', date: todayIn(zone), time: '19:00', duration: '90' }), [zone]);
  const { values, update, clear } = useFormDraft(`sessions.new.${groupId}`, initial, parse);
  /** Saved or cancelled: the draft is forgotten and the form closes. */
  const finish = () => {
    clear();
    onDone();
  };
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
      { onSuccess: finish },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-labelledby="one-off-form-title">
      <Stack gap="md">
        <Text fw={650} id="one-off-form-title">
          {t('schedules.addOneOff')}
        </Text>
        <SessionFields values={values} update={update} zone={zone} dateLabel={t('schedules.date')} badWhen={!!badWhen} error={error} />
        {needsFormError(error, ['startLocal', 'durationMinutes', 'title', 'timezone']) && <FormError error={error} />}
        <SessionFormActions
          submitLabel={t('schedules.addSession')}
          pending={create.isPending}
          onCancel={finish}
        />
      </Stack>
    </form>
  );
}
