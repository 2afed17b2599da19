import type { NotificationSummary } from '@hearth/contracts';
import type { NotificationRow } from './notifications.repo.ts';

/** The realtime shape: kind, link and non-sensitive params; the client writes the words. */
export function presentSummary(row: NotificationRow): NotificationSummary {
  return { id: row.id, kind: row.kind, url: row.url, params: row.params, createdAt: row.createdAt.toISOString() };
}

/** A notification in the in-app list. */
export function presentNotification(row: NotificationRow) {
  return { ...presentSummary(row), readAt: row.readAt?.toISOString() ?? null };
}
