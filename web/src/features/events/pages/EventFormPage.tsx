import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { createEvent, EVENT_KINDS, type EventKind } from '../api.ts';

/** Organizers publish an event; the start is entered in their own time zone and stored as an instant. */
export function EventFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('events.create'));
  const zone = useViewerZone();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({ kind: 'webinar' as EventKind, title: '', description: '', host: '', start: '', duration: 60 as number | string, location: '', joinUrl: '', capacity: '' as number | string, waitlist: true });
  const save = useMutation({
    mutationFn: () => {
      const start = DateTime.fromISO(form.start, { zone });
      return createEvent({
        kind: form.kind,
        title: form.title,
        description: form.description,
        host: form.host,
        startsAt: start.isValid ? start.toUTC().toISO()! : '',
        endsAt: start.isValid ? start.plus({ minutes: Number(form.duration) || 60 }).toUTC().toISO()! : '',
        timezone: zone,
        location: form.location.trim() || null,
        joinUrl: form.joinUrl.trim() || null,
        capacity: form.capacity === '' ? null : Number(form.capacity),
        waitlist: form.waitlist,
      });
    },
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['events'] });
      void navigate(`/events/${created.id}`);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Stack gap="md">
      <Title order={1}>{t('events.create')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <Select label={t('events.form.kind')} value={form.kind} onChange={(v) => v && setForm((f) => ({ ...f, kind: v as EventKind }))} data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} allowDeselect={false} />
          <TextInput label={t('events.form.title')} required value={form.title} onChange={(e) => setForm((f) => ({ ...f, title: e.currentTarget.value }))} error={fieldError(save.error, 'title')} />
          <Textarea label={t('events.form.description')} value={form.description} autosize minRows={3} onChange={(e) => setForm((f) => ({ ...f, description: e.currentTarget.value }))} error={fieldError(save.error, 'description')} />
          <TextInput label={t('events.form.host')} value={form.host} onChange={(e) => setForm((f) => ({ ...f, host: e.currentTarget.value }))} />
          <Group grow>
            <TextInput type="datetime-local" label={t('events.form.start')} required value={form.start} onChange={(e) => setForm((f) => ({ ...f, start: e.currentTarget.value }))} error={fieldError(save.error, 'startsAt')} />
            <NumberInput label={t('events.form.durationMinutes')} min={15} max={1440} value={form.duration} onChange={(v) => setForm((f) => ({ ...f, duration: v }))} error={fieldError(save.error, 'endsAt')} />
          </Group>
          <TextInput label={t('events.form.location')} value={form.location} onChange={(e) => setForm((f) => ({ ...f, location: e.currentTarget.value }))} />
          <TextInput type="url" label={t('events.form.joinUrl')} value={form.joinUrl} onChange={(e) => setForm((f) => ({ ...f, joinUrl: e.currentTarget.value }))} error={fieldError(save.error, 'joinUrl')} />
          <NumberInput label={t('events.form.capacity')} min={1} value={form.capacity} onChange={(v) => setForm((f) => ({ ...f, capacity: v }))} error={fieldError(save.error, 'capacity')} />
          <Checkbox label={t('events.form.waitlist')} checked={form.waitlist} onChange={(e) => setForm((f) => ({ ...f, waitlist: e.currentTarget.checked }))} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('events.form.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
