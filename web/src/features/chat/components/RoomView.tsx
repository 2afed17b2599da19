import { useEffect, useLayoutEffect, useRef } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatRelative } from '../../../lib/time.ts';
import type { Room } from '../api.ts';
import { useRoom } from '../use-room.ts';
import { Composer } from './Composer.tsx';
import { MessageItem } from './MessageItem.tsx';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';

/** A live chat room: presence, history with "load earlier", live messages, typing, and the composer. */
export function RoomView({ room, heading, intro }: { room: Room; heading: string; intro?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const c = useRoom(room.roomId);
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const previousFirstSeq = useRef<number | null>(null);
  const previousHeight = useRef(0);

  // Keep the view pinned to the newest message unless the reader scrolled up; keep position when older load.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const firstSeq = c.messages[0]?.seq ?? null;
    if (previousFirstSeq.current !== null && firstSeq !== null && firstSeq < previousFirstSeq.current) {
      el.scrollTop = el.scrollHeight - previousHeight.current + el.scrollTop;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    previousFirstSeq.current = firstSeq;
    previousHeight.current = el.scrollHeight;
  }, [c.messages, c.pending]);

  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const onScroll = () => {
      stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [c.loading]);

  const canPost = room.abilities.post && room.open;
  const others = c.presence.filter((p) => p.userId !== c.me?.id);

  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Title order={1}>{heading}</Title>
        {intro}
      </Stack>

      {c.revoked && (
        <Alert color="gray" variant="light" role="status" title={t('chat.revokedTitle')} data-testid="room-revoked">
          <Text>{c.revoked === 'signed_out' || c.revoked === 'account_deleted' ? t('chat.revokedSignedOut') : t('chat.revokedBody')}</Text>
        </Alert>
      )}
      {!c.revoked && (c.status === 'reconnecting' || c.status === 'signed_out') && (
        <Alert color="yellow" variant="light" role="status">
          <Text c="#4a3500">{c.status === 'signed_out' ? t('chat.signedOutBanner') : t('chat.reconnecting')}</Text>
        </Alert>
      )}
      {c.roomError && !c.revoked && (
        <Alert color="red" variant="light" role="alert">
          <Text c="#3b0d0d">{c.roomError}</Text>
        </Alert>
      )}
      {!room.open && (
        <Alert color="gray" variant="light">
          <Text>{room.opensAt && Date.parse(room.opensAt) > Date.now() ? t('chat.opensAt', { time: formatRelative(room.opensAt, i18n.language) }) : t('chat.closed')}</Text>
        </Alert>
      )}

      <Group gap={6} aria-label={t('chat.presenceLabel')} role="group">
        <Text size="sm" fw={600}>
          {t('chat.hereNow', { count: c.presence.length })}
        </Text>
        {c.presence.map((p) => (
          <Badge key={p.userId} variant="outline" color="forest.9" radius="sm">
            {p.userId === c.me?.id ? t('chat.you') : p.displayName}
          </Badge>
        ))}
        {c.status === 'open' && others.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('chat.nobodyElse')}
          </Text>
        )}
      </Group>

      <Paper withBorder radius="md" p={0}>
        <div
          ref={listRef}
          tabIndex={0}
          role="region"
          aria-label={t('chat.messagesLabel')}
          style={{ height: 'clamp(240px, calc(100dvh - 430px), 560px)', overflowY: 'auto', padding: 8 }}
        >
          {c.loading ? (
            <Loading />
          ) : c.error && c.messages.length === 0 ? (
            <ErrorState error={c.error} onRetry={() => void c.reload()} />
          ) : (
            <>
              {c.hasOlder && (
                <Group justify="center" mb="xs">
                  <Button variant="subtle" size="sm" onClick={() => void c.loadOlder()} loading={c.loadingOlder}>
                    {t('chat.loadOlder')}
                  </Button>
                </Group>
              )}
              {c.messages.length === 0 && c.pending.length === 0 && (
                <Text c="dimmed" ta="center" py="lg">
                  {t('chat.empty')}
                </Text>
              )}
              <ol style={{ margin: 0, padding: 0 }} aria-label={t('chat.messageListLabel')}>
                {c.messages.map((m) => (
                  <MessageItem key={m.seq} message={m} mine={!!c.me && m.author?.id === c.me.id} onEdit={c.edit} onDelete={c.remove} />
                ))}
                {c.pending.map((p) => (
                  <li key={p.clientId} style={{ listStyle: 'none', padding: '6px 8px', borderRadius: 8, background: 'var(--mantine-color-gray-0)' }}>
                    <Text fw={650} size="sm">
                      {t('chat.you')}{' '}
                      <Text span size="xs" c="dimmed" fw={400}>
                        {p.status === 'sending' ? t('chat.sending') : t('chat.notSent')}
                      </Text>
                    </Text>
                    <Text className="message-body">{p.body}</Text>
                    {p.status === 'failed' && (
                      <Stack gap={4} mt={4}>
                        {p.error && (
                          <Text size="sm" c="#c92a2a">
                            {p.error}
                          </Text>
                        )}
                        <Group gap={4}>
                          <Button size="compact-sm" onClick={() => c.retry(p.clientId)}>
                            {t('chat.retry')}
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="ink" onClick={() => c.discard(p.clientId)}>
                            {t('chat.discard')}
                          </Button>
                        </Group>
                      </Stack>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </Paper>

      <Text size="sm" c="dimmed" aria-live="polite" style={{ minHeight: '1.5em' }}>
        {c.typingNames.length === 1
          ? t('chat.typingOne', { name: c.typingNames[0] })
          : c.typingNames.length > 1
            ? t('chat.typingMany', { count: c.typingNames.length })
            : ''}
      </Text>
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {c.announce ? t('chat.newMessageAnnouncement', { name: c.announce.author?.displayName ?? t('chat.formerMember'), body: c.announce.body.slice(0, 200) }) : ''}
      </VisuallyHidden>

      {/* The support card and the composer stay together at the bottom of the screen, so on a phone neither pushes the other away. */}
      <div className="room-composer">
        <div className="room-support-card">
          <SafetyCardSlot />
        </div>
        {room.abilities.post ? (
          <Composer roomId={room.roomId} controller={c} disabled={!canPost || c.revoked !== null} />
        ) : (
          <Text c="dimmed">{t('chat.readOnly')}</Text>
        )}
      </div>
    </Stack>
  );
}
