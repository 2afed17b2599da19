import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../lib/use-draft.ts';
import type { RoomController } from '../use-room.ts';
import type { SendNotice } from '../api.ts';
import { PrecheckWarning } from '../../moderation/components/PrecheckWarning.tsx';

const MAX = 4000;

/** The message box. The draft survives reloads; if the server refuses the text, it comes back with the reason. */
export function Composer({ roomId, controller, disabled }: { roomId: string; controller: RoomController; disabled?: boolean }) {
  const { t } = useTranslation();
  const [text, setText, clearText] = useDraft(`chat.${roomId}`);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<SendNotice | null>(null);

  const submit = async () => {
    const body = text.trim();
    if (!body) {
      setError(t('chat.emptyMessage'));
      return;
    }
    if (body.length > MAX) {
      setError(t('chat.tooLong', { max: MAX }));
      return;
    }
    setError(null);
    setNotice(null);
    // The text moves into the pending list (kept on this device) until the server confirms it.
    clearText();
    const result = await controller.sendMessage(body);
    if (result.ok) setNotice(result.notice);
    if (!result.ok && !result.retryable) {
      setText(body);
      setError(result.error.message);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('chat.composerLabel')}
    >
      <Stack gap={6}>
        <Textarea
          label={t('chat.messageLabel')}
          description={t('chat.enterHint')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (error) setError(null);
            controller.notifyTyping();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void submit();
            }
          }}
          autosize
          minRows={2}
          maxRows={8}
          error={error ?? undefined}
          disabled={disabled}
        />
        <PrecheckWarning text={text} />
        {notice && (
          <Alert color={notice.kind === 'held' ? 'yellow' : 'blue'} variant="light" role="status" data-testid="send-notice">
            <Text size="sm" c="dark.9">{t(`moderation.composer.${notice.kind}`)}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" disabled={disabled}>
            {t('chat.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
