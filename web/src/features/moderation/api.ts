import { api, toQuery } from '../../lib/api-client.ts';

export type TargetKind = 'chat_message' | 'forum_post' | 'profile';
export type FlagReason = 'harassment' | 'hate' | 'spam' | 'personal_info' | 'unsafe_advice' | 'worried' | 'other';
export const FLAG_REASONS: FlagReason[] = ['harassment', 'hate', 'spam', 'personal_info', 'unsafe_advice', 'worried', 'other'];
export type ReviewAction = 'dismiss' | 'hide' | 'ask_edit' | 'warn' | 'mute' | 'suspend' | 'ban';
export type Person = { id: string; displayName: string } | null;

export type QueueItem = {
  id: string; targetKind: TargetKind; targetId: string; author: Person; score: number; flagCount: number; hidden: boolean;
  hiddenReason: string | null; autoReasons: string[]; queuedAt: string; editedAt: string | null;
};
export type ItemDetail = QueueItem & {
  status: 'open' | 'resolved';
  resolution: string | null;
  content: { title: string | null; body: string; roomId: string | null; threadId: string | null; deleted: boolean };
  context: { id: string; author: Person; body: string; createdAt: string; hidden?: boolean; target: boolean }[];
  flags: { id: string; reason: FlagReason; note: string | null; score: number; outcome: string; reporter: Person; createdAt: string }[];
  authorHistory: {
    trustLevel: string | null; strikes: number; mutedUntil: string | null; suspendedUntil: string | null; banned: boolean;
    actions: { id: string; action: string; reason: string; createdAt: string; expiresAt: string | null }[];
    notes: { id: string; body: string; author: Person; createdAt: string }[];
  };
  templates: Record<string, string>;
  abilities: { act: boolean; note: boolean };
};
export type PrecheckWarning = { kind: string; message: string };
export type Precheck = { warnings: PrecheckWarning[]; willBe: 'sent' | 'redacted' | 'held' | 'blocked' };
export type Notice = {
  id: string; kind: string; message: string; params: Record<string, string | number>;
  content: {
    kind: TargetKind; id: string; body: string; roomId: string | null; threadId: string | null; hidden: boolean;
    roomKind: string | null; groupId: string | null; sessionId: string | null;
  } | null;
  action: { id: string; action: string; reason: string; expiresAt: string | null; appeal: { status: string } | null } | null;
  abilities: { appeal: boolean; edit: boolean };
  createdAt: string; read: boolean;
};
export type ModlogEntry = {
  id: string; action: string; reason: string; template: string | null; moderator: Person; subject: Person; itemId: string | null;
  groupId: string | null; expiresAt: string | null; createdAt: string; appeal: { id: string; status: string } | null;
};
export type Dashboard = {
  days: number;
  flagToAction: { medianSeconds: number | null; p90Seconds: number | null; decided: number };
  openQueue: number;
  upheldRate: number | null;
  flags: { upheld: number; dismissed: number; pending: number; worry: number };
  appeals: { pending: number; granted: number; denied: number };
};
export type Appeal = { id: string; actionId: string; action: string; actionReason: string; statement: string; status: string; createdAt: string; abilities: { decide: boolean } };

export type BlockKind = 'block' | 'mute';
export type BlockEntry = { userId: string; displayName: string; kind: BlockKind; createdAt: string };
export type TrustThreshold = { daysVisited: number; postsRead: number; reactionsReceived: number };
export type Settings = {
  hideThreshold: number;
  piiAction: 'redact' | 'hold';
  profanityAction: 'allow' | 'censor' | 'flag' | 'block';
  premoderatePosts: number;
  trustThresholds: { member: TrustThreshold; trusted: TrustThreshold; helper: TrustThreshold };
};
export type WatchedWordAction = 'block' | 'require_approval' | 'flag' | 'censor';
export const WATCHED_WORD_ACTIONS: WatchedWordAction[] = ['block', 'require_approval', 'flag', 'censor'];
export type WatchedWord = { id: string; pattern: string; action: WatchedWordAction; createdAt: string };
export type Decision = {
  id: string; action: string; reason: string; template: string | null; expiresAt: string | null; createdAt: string;
  appeal: { status: 'pending' | 'granted' | 'denied'; createdAt: string } | null;
  abilities: { appeal: boolean };
};
export type PublicLog = { groupId: string | null; days: number; totals: Record<string, number>; entries: { action: string; reason: string; date: string }[] };
export type SessionMutes = { mutedUserIds: string[]; people: { userId: string; displayName: string }[] };

export const moderationApi = {
  precheck: (text: string, signal?: AbortSignal) => api.post<Precheck>('/api/moderation/precheck', { text }, { signal }),
  flag: (body: { targetKind: TargetKind; targetId: string; reason: FlagReason; note?: string; urgent?: boolean }) =>
    api.post<{ flagId: string; status: 'received' | 'sent_to_safety'; hidden: boolean; caseOpened: boolean }>('/api/moderation/flags', body),
  queue: () => api.get<{ items: QueueItem[]; openCount: number }>('/api/moderation/queue'),
  item: (id: string) => api.get<ItemDetail>(`/api/moderation/items/${id}`),
  act: (id: string, body: { action: ReviewAction; reason: string; template?: string; durationHours?: number }) =>
    api.post<{ actionId: string; action: string }>(`/api/moderation/items/${id}/actions`, body),
  addNote: (id: string, body: string) => api.post(`/api/moderation/items/${id}/notes`, { body }),
  notices: () => api.get<{ notices: Notice[] }>('/api/moderation/notices'),
  markRead: () => api.post('/api/moderation/notices/read', {}),
  appeal: (actionId: string, statement: string) => api.post<Appeal>(`/api/moderation/actions/${actionId}/appeal`, { statement }),
  appeals: () => api.get<{ appeals: Appeal[] }>('/api/moderation/appeals'),
  decideAppeal: (id: string, decision: 'granted' | 'denied', note: string) => api.post<Appeal>(`/api/moderation/appeals/${id}/decide`, { decision, note }),
  log: (before?: string) => api.get<{ entries: ModlogEntry[]; nextBefore: string | null }>(`/api/moderation/log${toQuery({ before })}`),
  dashboard: (days = 30) => api.get<Dashboard>(`/api/moderation/dashboard${toQuery({ days })}`),
  blocks: () => api.get<{ blocks: BlockEntry[] }>('/api/moderation/blocks'),
  block: (userId: string, kind: BlockKind) => api.post<{ blocks: BlockEntry[] }>('/api/moderation/blocks', { userId, kind }),
  unblock: (userId: string, kind: BlockKind) => api.delete<{ blocks: BlockEntry[] }>(`/api/moderation/blocks/${kind}/${userId}`),
  visit: () => api.post<unknown>('/api/moderation/me/visit', {}),
  decisions: () => api.get<{ decisions: Decision[] }>('/api/moderation/me/decisions'),
  settings: () => api.get<Settings>('/api/moderation/settings'),
  saveSettings: (body: Partial<Settings>) => api.put<Settings>('/api/moderation/settings', body),
  watchedWords: () => api.get<{ words: WatchedWord[] }>('/api/moderation/watched-words'),
  addWatchedWord: (pattern: string, action: WatchedWordAction) => api.post<WatchedWord>('/api/moderation/watched-words', { pattern, action }),
  changeWatchedWord: (id: string, action: WatchedWordAction) => api.patch<WatchedWord>(`/api/moderation/watched-words/${id}`, { action }),
  removeWatchedWord: (id: string) => api.delete<{ ok: true }>(`/api/moderation/watched-words/${id}`),
  publicLog: (groupId: string) => api.get<PublicLog>(`/api/moderation/public-log${toQuery({ groupId })}`),
  sessionMutes: (sessionId: string) => api.get<SessionMutes>(`/api/moderation/live/sessions/${sessionId}/mutes`),
  pauseInSession: (sessionId: string, userId: string) => api.post<SessionMutes>(`/api/moderation/live/sessions/${sessionId}/mutes`, { userId }),
  unpauseInSession: (sessionId: string, userId: string) => api.post<SessionMutes>(`/api/moderation/live/sessions/${sessionId}/unmute`, { userId }),
  endSession: (sessionId: string) => api.post<{ ok: true }>(`/api/moderation/live/sessions/${sessionId}/end`, {}),
  removeLiveMessage: (roomId: string, messageId: string, reason?: string) =>
    api.post<{ ok: true }>(`/api/moderation/live/rooms/${roomId}/messages/${messageId}/remove`, reason ? { reason } : {}),
};
