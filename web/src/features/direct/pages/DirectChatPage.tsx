import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { getRoom } from '../../chat/api.ts';
import { RoomView } from '../../chat/components/RoomView.tsx';
import { ConversationFollowUp } from '../../supervision/components/ConversationFollowUp.tsx';
import { useConversation } from '../hooks.ts';

/** A one-to-one conversation's chat, once the peer supporter accepted. */
export function DirectChatPage() {
  const { conversationId = '' } = useParams();
  const { t } = useTranslation();
  const conversation = useConversation(conversationId);
  const roomId = conversation.data?.roomId ?? null;
  const room = useQuery({ queryKey: ['rooms', 'id', roomId], queryFn: () => getRoom(roomId!), enabled: !!roomId && !!conversation.data?.abilities.chat });
  const other = conversation.data ? (conversation.data.myRole === 'member' ? conversation.data.supporter : conversation.data.member) : null;
  const title = other ? t('direct.chatWith', { name: other.displayName }) : t('direct.title');
  usePageTitle(title);

  if (conversation.isPending) return <Loading />;
  if (conversation.isError) return <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />;
  const back = (
    <Anchor component={Link} to="/support" size="sm">
      {t('direct.backToSupport')}
    </Anchor>
  );
  if (!roomId || !conversation.data.abilities.chat) {
    return (
      <Stack>
        <Text component="h1" fz="h2" fw={650}>
          {title}
        </Text>
        <Text>{t(`direct.notChattable.${conversation.data.status}`)}</Text>
        <ConversationFollowUp conversationId={conversationId} ended={conversation.data.status === 'closed'} />
        {back}
      </Stack>
    );
  }
  if (room.isPending) return <Loading />;
  if (room.isError) return <ErrorState error={room.error} onRetry={() => void room.refetch()} />;
  const followUp = <ConversationFollowUp conversationId={conversationId} ended={conversation.data.status === 'closed'} />;
  return <RoomView key={room.data.roomId} room={room.data} heading={title} intro={<Stack gap="sm">{back}{followUp}</Stack>} />;
}
