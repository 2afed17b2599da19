import { useRef, useState } from 'react';
import { Button, Checkbox, Stack, TextInput, Textarea } from '@mantine/core';
import { PrecheckWarning } from '../../moderation/components/PrecheckWarning.tsx';
import { useTranslation } from 'react-i18next';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useDraft } from '../../../lib/use-draft.ts';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';

type Values = { title?: string; body: string; contentNote: string | null };

/**
 * New thread (with a title) or reply. Text is kept as a draft on this device and cleared only after the
 * server accepted it; a content note keeps the post collapsed for readers until they choose to open it.
 */
export function PostForm({
  draftKey,
  withTitle,
  submitLabel,
  onSubmit,
  error,
  pending,
}: {
  draftKey: string;
  withTitle?: boolean;
  submitLabel: string;
  onSubmit: (values: Values, done: () => void) => void;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [title, setTitle, clearTitle] = useDraft(`${draftKey}.title`);
  const [body, setBody, clearBody] = useDraft(`${draftKey}.body`);
  const [note, setNote, clearNote] = useDraft(`${draftKey}.note`);
  const [withNote, setWithNote] = useState(note !== '');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, error);
  const fields = withTitle ? ['title', 'body', 'contentNote'] : ['body', 'contentNote'];

  return (
    <form
        ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ ...(withTitle ? { title: title.trim() } : {}), body: body.trim(), contentNote: withNote && note.trim() ? note.trim() : null }, () => {
          clearTitle();
          clearBody();
          clearNote();
          setWithNote(false);
        });
      }}
    >
      <Stack gap="sm">
        <SafetyCardSlot />
        {withTitle && <TextInput label={t('forums.threadTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(error, 'title')} required maxLength={150} />}
        <Textarea
          label={withTitle ? t('forums.openingPost') : t('forums.replyLabel')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(error, 'body')}
          autosize
          minRows={4}
          maxRows={16}
          required
        />
        <PrecheckWarning text={body} />
        <Checkbox checked={withNote} onChange={(e) => setWithNote(e.currentTarget.checked)} label={t('forums.addContentNote')} description={t('forums.contentNoteHelp')} />
        {withNote && (
          <TextInput
            label={t('forums.contentNote')}
            placeholder={t('forums.contentNotePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(error, 'contentNote')}
            maxLength={80}
          />
        )}
        {needsFormError(error, fields) && <FormError error={error} />}
        <Button type="submit" loading={pending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
