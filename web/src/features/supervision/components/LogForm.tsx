import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';
import { Alert, Button, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import { useViewerZone } from '../../auth/hooks.ts';
import { CATEGORIES, type Category } from '../api.ts';
import { useLogActivity, usePrefill } from '../hooks.ts';

const FIELDS = ['category', 'occurredAt', 'durationMinutes', 'notes'];

/**
 * Logs an activity. Opened from an ended one-to-one chat (`?conversation=<id>`), it is pre-filled with the time and
 * length of that conversation, and the entry is linked to it (logged once). Times are in the person's own time zone.
 */
export function LogForm() {
  const { t } = useTranslation();
  const zone = useViewerZone();
  const [params, setParams] = useSearchParams();
  const conversationId = params.get('conversation');
  const prefill = usePrefill(conversationId);
  const [category, setCategory] = useState<Category>('emotional_support');
  const [when, setWhen] = useState(() => DateTime.now().setZone(zone).minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"));
  const [minutes, setMinutes] = useState<number | string>(30);
  const [notes, setNotes] = useState('');
  const log = useLogActivity();

  useEffect(() => {
    if (!prefill.data) return;
    setCategory(prefill.data.category);
    setWhen(DateTime.fromISO(prefill.data.occurredAt).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm"));
    setMinutes(prefill.data.durationMinutes);
  }, [prefill.data, zone]);

  const linked = prefill.data ? conversationId : null;
  return (
    <section aria-labelledby="log-heading">
      <Title order={2} size="h3" id="log-heading" mb="sm">{t('supervision.log.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const occurredAt = DateTime.fromISO(when, { zone }).toISO();
          if (!occurredAt) return;
          log.mutate(
            { category, occurredAt, durationMinutes: Number(minutes), ...(notes.trim() ? { notes } : {}), ...(linked ? { conversationId: linked } : {}) },
            {
              onSuccess: () => {
                setNotes('');
                if (linked) setParams({}, { replace: true });
              },
            },
          );
        }}
      >
        <Stack gap="sm" maw={520}>
          {prefill.data && <Alert color="blue" role="status">{t('supervision.prefill.loaded')}</Alert>}
          {prefill.isError && <ErrorState error={prefill.error} />}
          <Select label={t('supervision.log.category')} data={CATEGORIES.map((c) => ({ value: c, label: t(`supervision.categories.${c}`) }))} value={category} onChange={(v) => v && setCategory(v as Category)} allowDeselect={false} error={fieldError(log.error, 'category')} />
          <TextInput type="datetime-local" label={t('supervision.log.occurredAt')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={fieldError(log.error, 'occurredAt')} />
          <NumberInput label={t('supervision.log.duration')} min={5} max={720} value={minutes} onChange={setMinutes} error={fieldError(log.error, 'durationMinutes')} />
          <Textarea label={t('supervision.log.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={1000} autosize minRows={2} error={fieldError(log.error, 'notes')} />
          {log.isError && !FIELDS.some((f) => fieldError(log.error, f)) && <ErrorState error={log.error} />}
          {log.isSuccess && <Alert color="green" role="status">{t('supervision.log.saved')}</Alert>}
          <Button type="submit" loading={log.isPending} style={{ alignSelf: 'flex-start' }}>{t('supervision.log.submit')}</Button>
        </Stack>
      </form>
    </section>
  );
}
