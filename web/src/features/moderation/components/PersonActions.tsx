import { useState } from 'react';
import { Alert, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import type { BlockKind } from '../api.ts';
import { useBlocks, useSetBlock } from '../hooks.ts';
import { RemoveMessageModal, useLiveControls } from './LiveControls.tsx';

type Confirming = { kind: 'block' | 'mute' } | { kind: 'pause' } | { kind: 'remove' } | null;

/**
 * "More" on someone else's message or post: mute or block its author (with a kind confirmation, undone from the
 * profile), and, for the facilitator holding a live session, remove the message or pause its author.
 */
export function PersonActions({ person, messageId }: { person: { id: string; displayName: string }; messageId?: string }) {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const setBlock = useSetBlock();
  const live = useLiveControls();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const name = person.displayName;
  const has = (kind: BlockKind) => !!blocks.data?.blocks.some((b) => b.userId === person.id && b.kind === kind);
  const paused = !!live?.mutes.mutedUserIds.includes(person.id);

  const toggle = (kind: BlockKind) => {
    if (has(kind)) setBlock.mutate({ userId: person.id, kind, on: false }, { onError: setError });
    else setConfirming({ kind });
  };
  const close = () => {
    setConfirming(null);
    setError(null);
  };
  const confirmBlock = (kind: BlockKind) =>
    setBlock.mutate(
      { userId: person.id, kind, on: true },
      {
        onSuccess: () => {
          setConfirming(null);
          setDone(t(`moderation.person.done.${kind}`, { name }));
        },
        onError: setError,
      },
    );

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" color="gray" aria-label={t('moderation.person.menuLabel', { name })}>
            {t('moderation.person.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => toggle('mute')}>{t(has('mute') ? 'moderation.person.unmute' : 'moderation.person.mute', { name })}</Menu.Item>
          <Menu.Item onClick={() => toggle('block')}>{t(has('block') ? 'moderation.person.unblock' : 'moderation.person.block', { name })}</Menu.Item>
          {live && messageId && (
            <>
              <Menu.Divider />
              <Menu.Item onClick={() => setConfirming({ kind: 'remove' })}>{t('moderation.live.remove')}</Menu.Item>
              {paused ? (
                <Menu.Item onClick={() => void live.unpause(person.id).catch(setError)}>{t('moderation.live.unpause', { name })}</Menu.Item>
              ) : (
                <Menu.Item onClick={() => setConfirming({ kind: 'pause' })}>{t('moderation.live.pause', { name })}</Menu.Item>
              )}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {done && (
        <Text size="sm" role="status" component="span">
          {done}
        </Text>
      )}
      {!confirming && <FormError error={error} />}

      <AppModal
        opened={confirming?.kind === 'block' || confirming?.kind === 'mute'}
        onClose={close}
        title={confirming?.kind === 'block' || confirming?.kind === 'mute' ? t(`moderation.person.confirmTitle.${confirming.kind}`, { name }) : ''}
      >
        {(confirming?.kind === 'block' || confirming?.kind === 'mute') && (
          <Stack>
            <Text>{t(`moderation.person.confirmBody.${confirming.kind}`)}</Text>
            <Alert color="blue" variant="light">
              <Text size="sm">{t('moderation.person.confirmHint')}</Text>
            </Alert>
            <FormError error={error} />
            <Group>
              <Button loading={setBlock.isPending} onClick={() => confirmBlock(confirming.kind)}>
                {t(`moderation.person.confirm.${confirming.kind}`)}
              </Button>
              <Button variant="outline" onClick={close}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        )}
      </AppModal>

      {live && messageId && (
        <>
          <RemoveMessageModal opened={confirming?.kind === 'remove'} onClose={close} onConfirm={(reason) => live.remove(messageId, reason)} />
          <AppModal opened={confirming?.kind === 'pause'} onClose={close} title={t('moderation.live.pauseTitle', { name })}>
            <Stack>
              <Text>{t('moderation.live.pauseBody')}</Text>
              <FormError error={error} />
              <Group>
                <Button
                  onClick={() =>
                    void live.pause(person.id).then(close, setError)
                  }
                >
                  {t('moderation.live.pauseConfirm')}
                </Button>
                <Button variant="outline" onClick={close}>{t('common.cancel')}</Button>
              </Group>
            </Stack>
          </AppModal>
        </>
      )}
    </>
  );
}
