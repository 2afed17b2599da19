import { createContext, useContext, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { moderationApi, type SessionMutes } from '../api.ts';
import { moderationKeys } from '../hooks.ts';

type LiveControls = {
  sessionId: string;
  roomId: string;
  mutes: SessionMutes;
  pause(userId: string): Promise<void>;
  unpause(userId: string): Promise<void>;
  remove(messageId: string, reason?: string): Promise<void>;
  end(): Promise<void>;
};

const LiveControlsContext = createContext<LiveControls | null>(null);

/** The facilitator's controls for this live session, or null for everyone else. */
export function useLiveControls(): LiveControls | null {
  return useContext(LiveControlsContext);
}

/**
 * Gives a session room its facilitator controls. The server decides who holds the session: the mutes list answers
 * only for them (anyone else gets "not found", and sees no controls). `mayHold` just avoids asking for everyone.
 */
export function LiveControlsProvider({ sessionId, roomId, mayHold, children }: { sessionId: string; roomId: string; mayHold: boolean; children: React.ReactNode }) {
  const client = useQueryClient();
  const key = moderationKeys.sessionMutes(sessionId);
  const mutes = useQuery({ queryKey: key, queryFn: () => moderationApi.sessionMutes(sessionId), enabled: mayHold, retry: false });
  const value: LiveControls | null = mutes.data
    ? {
        sessionId,
        roomId,
        mutes: mutes.data,
        pause: async (userId) => void client.setQueryData(key, await moderationApi.pauseInSession(sessionId, userId)),
        unpause: async (userId) => void client.setQueryData(key, await moderationApi.unpauseInSession(sessionId, userId)),
        remove: async (messageId, reason) => void (await moderationApi.removeLiveMessage(roomId, messageId, reason)),
        end: async () => {
          await moderationApi.endSession(sessionId);
          await client.invalidateQueries({ queryKey: ['rooms'] });
        },
      }
    : null;
  return <LiveControlsContext.Provider value={value}>{children}</LiveControlsContext.Provider>;
}

/** The panel above a session room for the person holding it: who is paused, and ending the session. */
export function LiveSessionControls() {
  const { t } = useTranslation();
  const live = useLiveControls();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [ended, setEnded] = useState(false);
  if (!live) return null;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="live-controls-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="live-controls-title">{t('moderation.live.title')}</Title>
        <Text size="sm">{t('moderation.live.intro')}</Text>
        <Text size="sm" fw={650}>{t('moderation.live.paused')}</Text>
        {live.mutes.people.length === 0 ? (
          <Text size="sm" c="dimmed">{t('moderation.live.nobodyPaused')}</Text>
        ) : (
          <Group gap="xs">
            {live.mutes.people.map((p) => (
              <Button key={p.userId} size="compact-sm" variant="outline" loading={busy} onClick={() => void run(() => live.unpause(p.userId))}>
                {t('moderation.live.unpause', { name: p.displayName })}
              </Button>
            ))}
          </Group>
        )}
        {ended ? (
          <Alert color="teal" role="status">{t('moderation.live.ended')}</Alert>
        ) : (
          <Button color="red.9" variant="outline" w="fit-content" onClick={() => setConfirmEnd(true)}>{t('moderation.live.end')}</Button>
        )}
        <FormError error={error} />
      </Stack>
      <AppModal opened={confirmEnd} onClose={() => setConfirmEnd(false)} title={t('moderation.live.endTitle')}>
        <Stack>
          <Text>{t('moderation.live.endBody')}</Text>
          <Group>
            <Button color="red.9" loading={busy} onClick={() => void run(async () => {
              await live.end();
              setEnded(true);
              setConfirmEnd(false);
            })}>
              {t('moderation.live.endConfirm')}
            </Button>
            <Button variant="outline" onClick={() => setConfirmEnd(false)}>{t('common.cancel')}</Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}

/** Confirmation for removing a message during a live session, with an optional reason for the modlog. */
export function RemoveMessageModal({ opened, onClose, onConfirm }: { opened: boolean; onClose: () => void; onConfirm: (reason?: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim() || undefined);
      setReason('');
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t('moderation.live.removeTitle')}>
      <Stack>
        <Text>{t('moderation.live.removeBody')}</Text>
        <Textarea label={t('moderation.live.removeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={300} autosize minRows={2} />
        <FormError error={error} />
        <Group>
          <Button color="red.9" loading={busy} onClick={() => void confirm()}>{t('moderation.live.removeConfirm')}</Button>
          <Button variant="outline" onClick={onClose}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
