import type { TFunction } from 'i18next';
import { formatSessionRange } from '../../lib/time.ts';
import type { NotificationItem } from './api.ts';

/** The i18n key of a kind ("session.reminder_24h" → "session_reminder_24h"); unknown kinds use the fallback. */
export function kindKey(kind: string, known: Record<string, unknown>): string {
  const key = kind.replace(/\./g, '_');
  return key in known ? key : 'fallback';
}

/**
 * A notification's words, in the viewer's language and time zone. In the app (behind sign-in) a reminder may name the
 * group; the words of posts and messages are never part of a notification.
 */
export function describeNotification(t: TFunction, item: NotificationItem, zone: string, locale: string, known: Record<string, unknown>) {
  const key = kindKey(item.kind, known);
  const startsAt = typeof item.params.startsAt === 'string' ? item.params.startsAt : null;
  const values = {
    group: typeof item.params.groupName === 'string' ? item.params.groupName : t('notifications.yourGroup'),
    event: typeof item.params.title === 'string' ? item.params.title : t('notifications.yourEvent'),
    when: startsAt ? formatSessionRange(startsAt, null, zone, locale) : '',
  };
  return { title: t(`notifications.kinds.${key}.title`, values), body: t(`notifications.kinds.${key}.body`, values) };
}
