import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { COMMUNITIES, FORMATS, LANGUAGES, TOPICS, communityLabel, formatLabel, languageName, topicLabel } from '../../../lib/options.ts';
import { listTimeZones } from '../../../lib/time.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import type { GroupFormat, GroupInput, GroupVisibility } from '../api.ts';
import { checkGroupForm, formToGroupInput, parseGroupDraft, type GroupFormProblems, type GroupFormValues } from '../group-form.ts';
import { useFormDraft } from '../use-form-draft.ts';
import { AgreementsEditor } from './AgreementsEditor.tsx';
import { VenueFields } from './VenueFields.tsx';

const VISIBILITIES: GroupVisibility[] = ['open', 'request', 'invite'];
const SERVER_FIELDS = ['name', 'description', 'topics', 'communities', 'language', 'format', 'venue', 'capacity', 'visibility', 'timezone', 'agreements'];

type Props = {
  draftKey: string;
  initial: GroupFormValues;
  submitLabel: string;
  /** Sends the body; call `done` after the server accepted it (the draft is then cleared). */
  onSubmit: (body: GroupInput, done: () => void) => void;
  error: unknown;
  pending: boolean;
  onCancel?: () => void;
};

/** Create or edit a group. What was typed is kept as a draft on this device until the server accepts it. */
export function GroupForm({ draftKey, initial, submitLabel, onSubmit, error, pending, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { values, update, clear, restored } = useFormDraft(draftKey, initial, parseGroupDraft);
  const [problems, setProblems] = useState<GroupFormProblems>({});
  const [attempt, setAttempt] = useState<object | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, error ?? attempt);
  const zones = useMemo(() => listTimeZones(values.timezone), [values.timezone]);
  const languages = useMemo(() => [...new Set([...LANGUAGES, values.language])].map((code) => ({ value: code, label: languageName(code, i18n.language) })), [values.language, i18n.language]);
  const serverError = Object.keys(problems).length > 0 ? null : error;
  const capacityProblem = problems.capacity ? t(`groupForm.errors.${problems.capacity}`) : undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = checkGroupForm(values);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setAttempt({});
      return;
    }
    setAttempt(null);
    onSubmit(formToGroupInput(values), clear);
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit}>
      <Stack gap="lg">
        {restored && (
          <Alert color="blue" variant="light">
            <Group justify="space-between" gap="xs">
              <Text>{t('groupForm.restored')}</Text>
              <Button variant="subtle" size="compact-sm" onClick={clear}>
                {t('groupForm.discardDraft')}
              </Button>
            </Group>
          </Alert>
        )}
        <TextInput label={t('groupForm.name')} description={t('groupForm.nameHelp')} value={values.name} onChange={(e) => update({ name: e.currentTarget.value })} error={fieldError(serverError, 'name')} required maxLength={80} />
        <Textarea label={t('groupForm.description')} description={t('groupForm.descriptionHelp')} value={values.description} onChange={(e) => update({ description: e.currentTarget.value })} error={fieldError(serverError, 'description')} autosize minRows={4} maxRows={14} maxLength={4000} />

        <Checkbox.Group label={t('groupForm.topics')} description={t('groupForm.topicsHelp')} value={values.topics} onChange={(topics) => update({ topics })} error={fieldError(serverError, 'topics')}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs" spacing="xs">
            {TOPICS.map((o) => (
              <Checkbox key={o} value={o} label={topicLabel(t, o)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label={t('groupForm.communities')} description={t('groupForm.communitiesHelp')} value={values.communities} onChange={(communities) => update({ communities })} error={fieldError(serverError, 'communities')}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs" spacing="xs">
            {COMMUNITIES.map((o) => (
              <Checkbox key={o} value={o} label={communityLabel(t, o)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>

        <NativeSelect label={t('groupForm.language')} value={values.language} onChange={(e) => update({ language: e.currentTarget.value })} data={languages} error={fieldError(serverError, 'language')} />

        <Radio.Group label={t('groupForm.format')} value={values.format} onChange={(format) => update({ format: format as GroupFormat })} error={fieldError(serverError, 'format')}>
          <Stack gap="xs" mt="xs">
            {FORMATS.map((f) => (
              <Radio key={f} value={f} label={formatLabel(t, f)} description={t(`groupForm.formatHelp.${f}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {values.format !== 'online' && <VenueFields values={values} update={update} error={serverError} problems={problems} />}

        <TextInput
          label={t('groupForm.capacity')}
          description={t('groupForm.capacityHelp')}
          value={values.capacity}
          onChange={(e) => update({ capacity: e.currentTarget.value })}
          error={capacityProblem ?? fieldError(serverError, 'capacity')}
          inputMode="numeric"
          maw={240}
        />

        <Radio.Group label={t('groupForm.visibility')} value={values.visibility} onChange={(v) => update({ visibility: v as GroupVisibility })} error={fieldError(serverError, 'visibility')}>
          <Stack gap="xs" mt="xs">
            {VISIBILITIES.map((v) => (
              <Radio key={v} value={v} label={t(`groupForm.visibilityLabel.${v}`)} description={t(`groupForm.visibilityHelp.${v}`)} />
            ))}
          </Stack>
        </Radio.Group>

        <NativeSelect label={t('groupForm.timezone')} description={t('groupForm.timezoneHelp')} value={values.timezone} onChange={(e) => update({ timezone: e.currentTarget.value })} data={zones} error={fieldError(serverError, 'timezone')} />

        <AgreementsEditor value={values.agreements} onChange={(agreements) => update({ agreements })} error={serverError} />

        {needsFormError(serverError, SERVER_FIELDS) && <FormError error={serverError} />}
        <Group gap="xs">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button
              variant="outline"
              color="ink"
              onClick={() => {
                clear();
                onCancel();
              }}
            >
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
