import { api } from '../../lib/api-client.ts';

export type Person = { id: string; displayName: string; pronouns: string | null };
export type Supporter = Person & { role: string; languages: string[]; interests: string[] };
export type ConversationStatus = 'pending' | 'accepted' | 'declined' | 'closed';
export type Conversation = {
  id: string;
  status: ConversationStatus;
  member: Person;
  supporter: Person;
  intro: string | null;
  roomId: string | null;
  myRole: 'member' | 'supporter';
  createdAt: string;
  respondedAt: string | null;
  abilities: { accept: boolean; decline: boolean; close: boolean; chat: boolean };
};

export const listSupporters = () => api.get<{ supporters: Supporter[] }>('/api/supporters');
export const listConversations = () => api.get<{ conversations: Conversation[] }>('/api/direct');
export const getConversation = (id: string) => api.get<Conversation>(`/api/direct/${id}`);
export const requestConversation = (body: { supporterId: string; intro: string }) => api.post<Conversation>('/api/direct', body);
export const respondToConversation = (id: string, action: 'accept' | 'decline' | 'close') => api.post<Conversation>(`/api/direct/${id}/${action}`, {});
