import type { ChatMessage } from '@hearth/contracts';
import { api, toQuery } from '../../lib/api-client.ts';

export type Room = {
  roomId: string;
  kind: 'group' | 'session' | 'direct' | 'on_demand';
  title: string;
  groupId: string | null;
  sessionId: string | null;
  conversationId: string | null;
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  lastSeq: number;
  abilities: { read: boolean; post: boolean };
};

export type MessagePage = { messages: ChatMessage[]; hasMore: boolean; lastSeq: number };

export const getGroupRoom = (groupId: string) => api.get<Room>(`/api/groups/${groupId}/room`);
export const getSessionRoom = (sessionId: string) => api.get<Room>(`/api/sessions/${sessionId}/room`);
export const getRoom = (roomId: string) => api.get<Room>(`/api/rooms/${roomId}`);
export const listMessages = (roomId: string, q: { before?: number; after?: number; limit?: number }) =>
  api.get<MessagePage>(`/api/rooms/${roomId}/messages${toQuery(q)}`);
/** Only for the sender: moderation held the message for a look, or removed contact details or strong words. */
export type SendNotice = { kind: 'held' | 'redacted' | 'censored'; message: string };
export type PostedMessage = ChatMessage & { moderation?: SendNotice };
export const postMessage = (roomId: string, body: { clientId: string; body: string }) => api.post<PostedMessage>(`/api/rooms/${roomId}/messages`, body);
export const editMessage = (roomId: string, messageId: string, body: string) => api.patch<ChatMessage>(`/api/rooms/${roomId}/messages/${messageId}`, { body });
export const deleteMessage = (roomId: string, messageId: string) => api.delete<ChatMessage>(`/api/rooms/${roomId}/messages/${messageId}`);
