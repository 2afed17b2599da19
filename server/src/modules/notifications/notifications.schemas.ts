import { z } from 'zod';
import { CATEGORIES } from './notifications.kinds.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please give a time like 22:00.');

export const IdParams = z.object({ id: z.uuid('That link does not look right.') });

export const ListQuery = z.object({
  before: z.uuid('That page link does not look right.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  url: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationList = z.object({ notifications: z.array(Notification), unreadCount: z.number().int(), nextBefore: z.string().nullable() });
export const UnreadCount = z.object({ unreadCount: z.number().int() });

const Choice = z.object({ inApp: z.boolean(), email: z.boolean(), push: z.boolean(), digest: z.boolean() });
export const Category = z.enum(CATEGORIES, 'That type of notification is not one Hearth knows.');

export const Preferences = z.object({
  categories: z.array(Choice.extend({ category: Category, locked: z.array(z.enum(['inApp', 'email', 'push', 'digest'])) })),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  digestHour: z.number().int(),
  showDetails: z.boolean(),
  timezone: z.string(),
  email: z.object({ hasAddress: z.boolean(), serverCanSend: z.boolean() }),
  push: z.object({ publicKey: z.string(), subscriptions: z.number().int() }),
});
export type Preferences = z.infer<typeof Preferences>;

export const PreferencesBody = z
  .object({
    categories: z.partialRecord(Category, Choice.partial()).default({}),
    quietHours: z.object({ start: Clock, end: Clock }).nullable(),
    digestHour: z.number().int().min(0, 'Please choose an hour from 0 to 23.').max(23, 'Please choose an hour from 0 to 23.'),
    showDetails: z.boolean(),
  })
  .refine((b) => !b.quietHours || b.quietHours.start !== b.quietHours.end, { message: 'Quiet hours need different start and end times.', path: ['quietHours', 'end'] });
export type PreferencesBody = z.infer<typeof PreferencesBody>;

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'That key does not look right.');
export const SubscriptionBody = z.object({
  endpoint: z.url('That push address does not look right.').max(2000),
  keys: z.object({ p256dh: Base64Url.min(80).max(100), auth: Base64Url.min(16).max(32) }),
});
export type SubscriptionBody = z.infer<typeof SubscriptionBody>;
export const UnsubscribeDeviceBody = z.object({ endpoint: z.url('That push address does not look right.').max(2000) });

export const TokenQuery = z.object({ token: z.string().min(10, 'That link is incomplete.').max(500) });
export const TokenBody = TokenQuery;
export const UnsubscribeInfo = z.object({ category: z.union([Category, z.literal('*')]), unsubscribed: z.boolean() });
