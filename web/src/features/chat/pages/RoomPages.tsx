import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatSessionRange } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { LiveControlsProvider, LiveSessionControls } from '../../moderation/components/LiveControls.tsx';
import { useSessionDetail } from '../../sessions/hooks.ts';
import { getGroupRoom, getSessionRoom } from '../api.ts';
import { RoomView } from '../components/RoomView.tsx';

/** A group's ongoing chat. */
export function GroupChatPage() {
  const { groupId = '' } = useParams();
  const { t } = useTranslation();
  const room = useQuery({ queryKey: ['rooms', 'group', groupId], queryFn: () => getGroupRoom(groupId) });
  const title = room.data ? t('chat.groupChatTitle', { name: room.data.title }) : t('chat.groupChat');
  usePageTitle(title);
  if (room.isPending) return <Loading />;
  if (room.isError) return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  return (
    <RoomView
      key={room.data.roomId}
      room={room.data}
      heading={title}
      intro={
        <Anchor component={Link} to={`/groups/${groupId}`} size="sm">
          {t('chat.backToGroup')}
        </Anchor>
      }
    />
  );
}

/** A session's live room: open from shortly before the start until the end. */
export function SessionRoomPage() {
  const { sessionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const room = useQuery({ queryKey: ['rooms', 'session', sessionId], queryFn: () => getSessionRoom(sessionId), refetchInterval: (q) => (q.state.data?.open ? false : 30_000) });
  const session = useSessionDetail(sessionId);
  const me = useMe();
  const title = room.data ? t('chat.liveRoomTitle', { name: room.data.title }) : t('chat.liveRoom');
  usePageTitle(title);
  if (room.isPending) return <Loading />;
  if (room.isError) return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  return (
    // The facilitator holding the session gets controls: remove a message, pause someone, end the session.
    <LiveControlsProvider sessionId={sessionId} roomId={room.data.roomId} mayHold={!!session.data?.abilities.manageAttendance || !!me?.abilities.moderate}>
      <RoomView
        key={room.data.roomId + String(room.data.open)}
        room={room.data}
        heading={title}
        intro={
          <>
            {session.data && (
              <Text size="sm">
                <time dateTime={session.data.startsAt}>{formatSessionRange(session.data.startsAt, session.data.endsAt, zone, i18n.language)}</time>
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('chat.liveRoomNote')}
            </Text>
            {room.data.groupId && (
              <Anchor component={Link} to={`/groups/${room.data.groupId}`} size="sm">
                {t('chat.backToGroup')}
              </Anchor>
            )}
            {room.data.open && <LiveSessionControls />}
          </>
        }
      />
    </LiveControlsProvider>
  );
}
