import { api, apiRequest, toQuery } from '../../lib/api-client.ts';

export type NotificationItem = { id: string; kind: string; url: string; params: Record<string, string | number>; createdAt: string; readAt: string | null };
export type NotificationPage = { notifications: NotificationItem[]; unreadCount: number; nextBefore: string | null };

export const CATEGORIES = ['session', 'event', 'forum', 'direct', 'checkin', 'certificate', 'moderation', 'milestone', 'safety', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Channel = 'inApp' | 'email' | 'push' | 'digest';
export type CategoryChoice = { category: Category; inApp: boolean; email: boolean; push: boolean; digest: boolean; locked: Channel[] };

export type Preferences = {
  categories: CategoryChoice[];
  quietHours: { start: string; end: string } | null;
  digestHour: number;
  showDetails: boolean;
  timezone: string;
  email: { hasAddress: boolean; serverCanSend: boolean };
  push: { publicKey: string; subscriptions: number };
};

export type PreferencesBody = {
  categories: Partial<Record<Category, Partial<Record<Channel, boolean>>>>;
  quietHours: { start: string; end: string } | null;
  digestHour: number;
  showDetails: boolean;
};

export const listNotifications = (before?: string) => api.get<NotificationPage>(`/api/notifications${toQuery({ before, limit: 30 })}`);
export const getUnreadCount = () => api.get<{ unreadCount: number }>('/api/notifications/unread-count');
export const markRead = (id: string) => api.post<NotificationItem>(`/api/notifications/${id}/read`);
export const markAllRead = () => api.post<{ unreadCount: number }>('/api/notifications/read-all');
export const getPreferences = () => api.get<Preferences>('/api/notifications/preferences');
export const savePreferences = (body: PreferencesBody) => api.put<Preferences>('/api/notifications/preferences', body);
export const subscribePush = (subscription: { endpoint: string; keys: { p256dh: string; auth: string } }) => api.post<{ id: string }>('/api/notifications/push-subscriptions', subscription);
export const unsubscribePush = (endpoint: string) => apiRequest<{ ok: true }>('DELETE', '/api/notifications/push-subscriptions', { endpoint });

export type UnsubscribeInfo = { category: Category | '*'; unsubscribed: boolean };
export const describeUnsubscribe = (token: string) => api.get<UnsubscribeInfo>(`/api/notifications/unsubscribe${toQuery({ token })}`, { allowAnonymous: true });
export const confirmUnsubscribe = (token: string) => api.post<UnsubscribeInfo>('/api/notifications/unsubscribe', { token }, { allowAnonymous: true });
