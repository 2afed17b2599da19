import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@hearth/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatShortDateTime } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { FlagButton } from '../../moderation/components/FlagButton.tsx';
import { CollapsedByBlock } from '../../moderation/components/CollapsedByBlock.tsx';
import { PersonActions } from '../../moderation/components/PersonActions.tsx';

/** One chat message; my own can be edited or deleted (a deleted message leaves a tombstone). */
export function MessageItem({
  message,
  mine,
  onEdit,
  onDelete,
}: {
  message: ChatMessage;
  mine: boolean;
  onEdit: (m: ChatMessage, body: string) => Promise<void>;
  onDelete: (m: ChatMessage) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [text, setText] = useState(message.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const author = message.author?.displayName ?? t('chat.formerMember');
  const time = formatShortDateTime(message.createdAt, zone, i18n.language);

  const run = async (fn: () => Promise<void>, after: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      after();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li style={{ listStyle: 'none', padding: '6px 8px', borderRadius: 8, background: mine ? 'var(--mantine-color-ember-0)' : undefined }}>
      <Group gap={8} align="baseline" wrap="nowrap">
        <Text fw={650} size="sm">
          {mine ? t('chat.you') : author}
        </Text>
        <Text size="xs" c="dimmed" component="span">
          <time dateTime={message.createdAt}>{time}</time>
          {message.editedAt && !message.deletedAt ? ` · ${t('chat.edited')}` : ''}
        </Text>
      </Group>
      {message.deletedAt ? (
        <Text size="sm" fs="italic" c="dimmed">
          {t('chat.deleted')}
        </Text>
      ) : editing ? (
        <Stack
          gap={6}
          component="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            void run(() => onEdit(message, text.trim()), () => setEditing(false));
          }}
        >
          <Textarea label={t('chat.editLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} error={error ?? undefined} autoFocus />
          <Group gap={6}>
            <Button size="xs" type="submit" loading={busy}>
              {t('common.save')}
            </Button>
            <Button size="xs" variant="outline" onClick={() => { setEditing(false); setText(message.body); setError(null); }}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : message.hidden && !message.body ? (
        <Text size="sm" fs="italic" c="dimmed">
          {mine ? t('moderation.hiddenMine') : t('moderation.hiddenMessage')}
        </Text>
      ) : (
        <CollapsedByBlock authorId={mine ? null : message.author?.id}>
          <Text className="message-body">{message.body}</Text>
        </CollapsedByBlock>
      )}
      {!mine && !message.deletedAt && !message.hidden && message.author && <FlagButton targetKind="chat_message" targetId={message.id} />}
      {!mine && !message.deletedAt && !message.hidden && message.author && <PersonActions person={message.author} messageId={message.id} />}
      {mine && !message.deletedAt && !editing && (
        <Group gap={4} mt={2}>
          {confirmingDelete ? (
            <>
              <Text size="sm">{t('chat.confirmDelete')}</Text>
              <Button size="compact-sm" color="red.9" loading={busy} onClick={() => void run(() => onDelete(message), () => setConfirmingDelete(false))}>
                {t('chat.confirmDeleteYes')}
              </Button>
              <Button size="compact-sm" variant="outline" onClick={() => setConfirmingDelete(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <>
              <Button size="compact-sm" variant="subtle" color="ink" onClick={() => setEditing(true)} aria-label={t('chat.editMessage', { time })}>
                {t('chat.edit')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="ink" onClick={() => setConfirmingDelete(true)} aria-label={t('chat.deleteMessage', { time })}>
                {t('chat.delete')}
              </Button>
            </>
          )}
        </Group>
      )}
      {error && !editing && (
        <Text size="sm" c="#c92a2a" role="alert">
          {error}
        </Text>
      )}
    </li>
  );
}
