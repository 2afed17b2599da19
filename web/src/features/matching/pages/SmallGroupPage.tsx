import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { getRoom } from '../../chat/api.ts';
import { RoomView } from '../../chat/components/RoomView.tsx';
import { endSmallGroup, getSmallGroup, leaveSmallGroup } from '../api.ts';
import { useMatchingMutation } from '../hooks.ts';

/** A live small group I was placed in: its chat room, a way to leave, and for its host a way to end it. */
export function SmallGroupPage() {
  const { smallGroupId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useQuery({ queryKey: ['matching', 'small-group', smallGroupId], queryFn: () => getSmallGroup(smallGroupId) });
  const group = current.data ?? null;
  const room = useQuery({ queryKey: ['rooms', 'on_demand', group?.roomId], queryFn: () => getRoom(group!.roomId), enabled: !!group });
  const leave = useMatchingMutation(() => leaveSmallGroup(smallGroupId));
  const end = useMatchingMutation(() => endSmallGroup(smallGroupId));
  const title = group ? t('matching.smallGroupRoomTitle', { topic: t(`matching.topics.${group.topic}`) }) : t('matching.smallGroupTitle');
  usePageTitle(title);
  if (current.isPending || (group && room.isPending)) return <Loading />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  if (!group) return <Text>{t('matching.noSmallGroup')}</Text>;
  if (room.isError) return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  return (
    <RoomView
      key={room.data!.roomId}
      room={room.data!}
      heading={title}
      intro={
        <>
          <Text size="sm" c="dimmed">
            {t('matching.smallGroupNote')}
          </Text>
          <Button size="xs" variant="subtle" color="ink" loading={leave.isPending} onClick={() => leave.mutate(undefined, { onSuccess: () => void navigate('/matches') })}>
            {t('matching.leave')}
          </Button>
          {group.abilities.end && (
            <Button size="xs" variant="outline" color="ember.9" loading={end.isPending} onClick={() => end.mutate(undefined, { onSuccess: () => void navigate('/matches') })}>
              {t('matching.endSmallGroup')}
            </Button>
          )}
        </>
      }
    />
  );
}
