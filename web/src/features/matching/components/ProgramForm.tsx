import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError, hasUnmappedFieldErrors } from '../../../lib/api-client.ts';
import { ErrorState, FormError } from '../../../lib/components/ErrorState.tsx';
import { zoneLabel } from '../../../lib/time.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { listGroups } from '../../groups/api.ts';
import type { Program, ProgramBody } from '../api.ts';

/** An ISO instant as the value of a datetime-local input in the viewer's zone ("" when there is none). */
function toLocalInput(iso: string | null | undefined, zone: string) {
  return iso ? DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

/** A datetime-local value, read in the viewer's zone, as an ISO instant; "" is null, and a broken value is sent as typed so the server explains it. */
function fromLocalInput(value: string, zone: string) {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toUTC().toISO()! : value;
}

/** Fields that show their own problem next to them; anything else goes in the summary above the buttons. */
const SHOWN_FIELDS = ['name', 'description', 'startsAt', 'applicationsCloseAt', 'groups'];

type Props = {
  /** The program being edited; absent when setting one up. */
  program?: Program;
  titleId: string;
  pending: boolean;
  error: unknown;
  success: string | null;
  onSubmit: (body: ProgramBody) => void;
  /** Any change clears the last result, so an old error never sits next to new input. */
  onChange: () => void;
  onCancel?: () => void;
};

/**
 * The one form for setting up and editing a program: name, description, when it starts, when applications close, and
 * its groups with their places. Dates are entered in the viewer's own time zone. Once people have been placed in the
 * groups (`abilities.editSchedule` is false) only the wording can change, and the form says why.
 */
export function ProgramForm({ program, titleId, pending, error, success, onSubmit, onChange, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const scheduleLocked = program !== undefined && !program.abilities.editSchedule;
  const groups = useQuery({ queryKey: ['groups', 'for-programs', zone], queryFn: () => listGroups({}, zone), enabled: !scheduleLocked });
  const [name, setName] = useState(program?.name ?? '');
  const [description, setDescription] = useState(program?.description ?? '');
  // The inputs hold minutes only, so a date nobody touched is not sent back (it would move the stored seconds, and tell
  // applicants about a change that did not happen).
  const [initialStarts] = useState(() => toLocalInput(program?.startsAt, zone));
  const [initialCloses] = useState(() => toLocalInput(program?.applicationsCloseAt, zone));
  const [startsAt, setStartsAt] = useState(initialStarts);
  const [closesAt, setClosesAt] = useState(initialCloses);
  const [chosen, setChosen] = useState<Record<string, number>>(() => Object.fromEntries((program?.groups ?? []).map((g) => [g.groupId, g.capacity])));
  // The program's own groups first (they may not be in the open list, e.g. when full), then the others.
  const options = [...(program?.groups ?? []).map((g) => ({ id: g.groupId, name: g.name })), ...(groups.data?.groups ?? []).filter((g) => !program?.groups.some((x) => x.groupId === g.id))];
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    onChange();
  };
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, error);
  const summary = !!error && (!(error instanceof ApiError) || error.fields.length === 0 || hasUnmappedFieldErrors(error, SHOWN_FIELDS));
  const zoneHint = t('matching.programs.form.zone', { zone: zoneLabel(zone, i18n.language) });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body: ProgramBody = { name, description };
          if (!scheduleLocked) {
            if (!program || startsAt !== initialStarts) body.startsAt = fromLocalInput(startsAt, zone);
            if (!program || closesAt !== initialCloses) body.applicationsCloseAt = fromLocalInput(closesAt, zone);
            body.groups = Object.entries(chosen).map(([groupId, capacity]) => ({ groupId, capacity }));
          }
          onSubmit(body);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id={titleId}>
            {program ? t('matching.programs.form.editTitle') : t('matching.programs.createTitle')}
          </Title>
          {program && !scheduleLocked && <Text size="sm">{t('matching.programs.form.editHelp')}</Text>}
          {scheduleLocked && (
            <Alert color="blue" variant="light" title={t('matching.programs.form.lockedTitle')}>
              {t('matching.programs.form.lockedHelp')}
            </Alert>
          )}
          <TextInput label={t('matching.programs.name')} required value={name} maxLength={120} onChange={(e) => change(setName)(e.currentTarget.value)} error={fieldError(error, 'name')} />
          <Textarea label={t('matching.programs.description')} value={description} maxLength={2000} autosize minRows={2} onChange={(e) => change(setDescription)(e.currentTarget.value)} error={fieldError(error, 'description')} />
          {!scheduleLocked && (
            <>
              <TextInput type="datetime-local" label={t('matching.programs.form.startsAt')} description={zoneHint} value={startsAt} onChange={(e) => change(setStartsAt)(e.currentTarget.value)} error={fieldError(error, 'startsAt')} />
              <TextInput type="datetime-local" label={t('matching.programs.form.closesAt')} description={`${t('matching.programs.form.closesHelp')} ${zoneHint}`} value={closesAt} onChange={(e) => change(setClosesAt)(e.currentTarget.value)} error={fieldError(error, 'applicationsCloseAt')} />
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend>
                  <Text fw={500} size="sm">
                    {t('matching.programs.groupsLegend')}
                  </Text>
                </legend>
                {groups.isError && <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
                <Stack gap="xs" mt="xs">
                  {options.map((g) => (
                    <Group key={g.id} gap="sm" align="flex-end">
                      <Checkbox
                        label={t('matching.programs.include', { name: g.name })}
                        checked={g.id in chosen}
                        onChange={(e) => {
                          const next = { ...chosen };
                          if (e.currentTarget.checked) next[g.id] = 8;
                          else delete next[g.id];
                          change(setChosen)(next);
                        }}
                      />
                      {g.id in chosen && (
                        <NumberInput label={t('matching.programs.capacityFor', { name: g.name })} min={1} max={200} w={180} value={chosen[g.id]} onChange={(v) => change(setChosen)({ ...chosen, [g.id]: typeof v === 'number' ? v : Number(v) || 1 })} />
                      )}
                    </Group>
                  ))}
                </Stack>
                {fieldError(error, 'groups') && (
                  <Text c="ember.9" size="sm" mt="xs">
                    {fieldError(error, 'groups')}
                  </Text>
                )}
              </fieldset>
            </>
          )}
          {summary && <FormError error={error} />}
          {success && <Text role="status">{success}</Text>}
          <Group>
            <Button type="submit" loading={pending}>
              {program ? t('matching.programs.form.save') : t('matching.programs.create')}
            </Button>
            {onCancel && (
              <Button variant="subtle" onClick={onCancel}>
                {t('matching.programs.form.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
