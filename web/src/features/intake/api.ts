import type { IntakeChoice } from '@hearth/contracts';
import { api } from '../../lib/api-client.ts';
import type { MatchReason } from '../matching/api.ts';

export type Choice = IntakeChoice;
export type BotAction = 'request_supporter' | 'small_group' | 'screener' | 'talk_now' | 'request_status';
export type BotExtras = {
  card?: 'concern' | 'urgent';
  choices?: Choice[];
  resources?: { title: string; summary: string; url: string }[];
  groups?: { id: string; name: string; summary: string; reasons: MatchReason[]; abilities: { join: boolean; requestToJoin: boolean } }[];
  supporters?: { userId: string; displayName: string; reasons: MatchReason[] }[];
  actions?: BotAction[];
  requestId?: string;
};
export type IntakeMessage = { id: string; seq: number; author: 'bot' | 'person'; text: string; generated: boolean; extras: BotExtras; createdAt: string };
export type IntakeConversation = {
  id: string;
  status: 'active' | 'finished' | 'handed_off' | 'human_requested';
  step: string;
  automated: true;
  language: 'en' | 'es';
  messages: IntakeMessage[];
  abilities: { send: boolean; talkToPerson: boolean; delete: boolean };
};
export type WeeklyWindow = { weekday: number; start: string; end: string };
export type IntakeProfile = {
  whatBrings: string;
  challenges: string[];
  communities: string[];
  languages: string[];
  timezone: string | null;
  availability: WeeklyWindow[];
  format: 'online' | 'in_person' | 'hybrid' | 'any';
  place: { label: string } | null;
  supporter: { gender: string | null; ageRange: string | null; livedExperience: string[] };
  updatedAt: string;
};
export type ProfileBody = Omit<IntakeProfile, 'place' | 'updatedAt'> & { place: string | null };

/** Starts a conversation whose script is in the language the person reads Hearth in (English or Spanish). */
export const startConversation = (language?: string) => api.post<IntakeConversation>('/api/intake/conversations', language ? { language: language.slice(0, 2).toLowerCase() } : {});
export const getConversation = (id: string) => api.get<IntakeConversation>(`/api/intake/conversations/${id}`);
export const sendToConversation = (id: string, body: { text: string } | { choice: Choice }) => api.post<IntakeConversation>(`/api/intake/conversations/${id}/messages`, body);
export const talkToPerson = (id: string) => api.post<IntakeConversation>(`/api/intake/conversations/${id}/human`, {});
export const deleteConversation = (id: string) => api.delete<null>(`/api/intake/conversations/${id}`);
export const getProfile = () => api.get<{ profile: IntakeProfile | null }>('/api/intake/profile');
export const saveProfile = (body: ProfileBody) => api.put<IntakeProfile>('/api/intake/profile', body);
export const deleteProfile = () => api.delete<null>('/api/intake/profile');
