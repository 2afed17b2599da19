import { useEffect, useRef, useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useDraft } from '../../../lib/use-draft.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { PrecheckWarning } from '../../moderation/components/PrecheckWarning.tsx';
import type { ForumPost } from '../api.ts';
import { editDraftKey, pickEditChanges, readEditOutcome } from '../edit.ts';
import { useEditPost } from '../hooks.ts';

/**
 * Edits my own post in place. The words are kept as a draft on this device until the server accepts them, so a
 * failed save loses nothing; the new words are assessed again, like a new post, and any support card appears next
 * to the post.
 */
export function EditPostForm({
  post,
  threadId,
  onSaved,
  onCancel,
}: {
  post: ForumPost;
  threadId: string;
  onSaved: (outcome: { held: boolean }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody, clearBody] = useDraft(editDraftKey(post.id, 'body'), post.body);
  const [note, setNote, clearNote] = useDraft(editDraftKey(post.id, 'contentNote'), post.contentNote ?? '');
  const [unchanged, setUnchanged] = useState(false);
  const edit = useEditPost(threadId);
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useFocusOnError(formRef, edit.error);

  // Keyboard and screen reader users land in the text they chose to edit.
  useEffect(() => {
    bodyRef.current?.focus();
  }, []);

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={t('forums.editFormLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        const changes = pickEditChanges(post, { body, contentNote: note });
        setUnchanged(changes === null);
        if (!changes) return;
        edit.mutate(
          { postId: post.id, changes },
          {
            onSuccess: (result) => {
              clearBody();
              clearNote();
              onSaved({ held: readEditOutcome(result).held });
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Textarea
          ref={bodyRef}
          label={t('forums.editBody')}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setUnchanged(false);
          }}
          error={fieldError(edit.error, 'body')}
          autosize
          minRows={3}
          maxRows={16}
          required
        />
        <PrecheckWarning text={body} />
        <TextInput
          label={t('forums.editContentNote')}
          description={t('forums.editContentNoteHelp')}
          placeholder={t('forums.contentNotePlaceholder')}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setUnchanged(false);
          }}
          error={fieldError(edit.error, 'contentNote')}
          maxLength={80}
        />
        {unchanged && (
          <Text role="alert" size="sm">
            {t('forums.editUnchanged')}
          </Text>
        )}
        {needsFormError(edit.error, ['body', 'contentNote']) && <FormError error={edit.error} />}
        {edit.isError && (
          <Text size="sm" c="dimmed">
            {t('forums.editDraftKept')}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" loading={edit.isPending}>
            {t('forums.saveEdit')}
          </Button>
          <Button
            variant="subtle"
            color="ink"
            onClick={() => {
              clearBody();
              clearNote();
              onCancel();
            }}
          >
            {t('forums.cancelEdit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
