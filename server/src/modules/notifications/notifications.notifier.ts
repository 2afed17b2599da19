import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { NotificationInput, Notifier } from '../../platform/notify.ts';
import { categoryOf, resolveChoice } from './notifications.kinds.ts';
import { presentSummary } from './notifications.presenter.ts';
import * as repo from './notifications.repo.ts';
import { QUEUES } from './notifications.repo.ts';
import { userRoom, type NotificationsDeps } from './notifications.deps.ts';

/** A scheduled job's payload is data from the database: checked before use. */
const StoredInput = z.object({
  userId: z.uuid(),
  kind: z.string().min(1).max(100),
  url: z.string().startsWith('/').max(500),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  dedupeKey: z.string().max(300).optional(),
});

/**
 * The Notifier port other modules receive. `notify` is one small transaction (a row and a delivery job) and a realtime
 * publish: cheap enough to call in a loop for every on-call recipient. E-mail and push go out from the delivery job.
 */
export function createNotifier(deps: NotificationsDeps) {
  const { db, hub, jobs, logger, now } = deps;

  /** Stores the in-app row (once per dedupe key) and queues its delivery. Null when it was already stored. */
  async function store(tx: DbOrTx, input: NotificationInput, announceFromJob: boolean) {
    const prefs = await repo.findPreferences(tx, input.userId);
    const choice = resolveChoice(categoryOf(input.kind), prefs?.categories);
    const row = await repo.insertNotification(tx, {
      userId: input.userId,
      kind: input.kind,
      url: input.url,
      params: input.params ?? {},
      dedupeKey: input.dedupeKey ?? null,
      inApp: choice.inApp,
    });
    if (!row) return null;
    await jobs.enqueue(tx, QUEUES.deliver, { notificationId: row.id, announce: announceFromJob && row.inApp }, now(), `deliver:${row.id}`);
    return row;
  }

  /** Tells the person's open tabs: a new notification and the unread count. Best effort; the bell refetches anyway. */
  async function announce(row: repo.NotificationRow) {
    if (!row.inApp) return;
    try {
      const unreadCount = await repo.countUnread(db, row.userId);
      await hub.publish(userRoom(row.userId), { type: 'notification.created', notification: presentSummary(row), unreadCount });
    } catch (err) {
      logger.error({ err, notificationId: row.id }, 'notification realtime publish failed');
    }
  }

  const notifier: Notifier = {
    async notify(input, tx) {
      if (tx) {
        // The caller's transaction has not committed: the delivery job announces it once it has.
        await store(tx, input, true);
        return;
      }
      const row = await db.transaction((t) => store(t, input, false));
      if (row) await announce(row);
    },

    async schedule(tx, input, at) {
      const singletonKey = input.dedupeKey ? `n:${input.userId}:${input.dedupeKey}` : null;
      await repo.upsertScheduledJob(tx, { ...input }, at, singletonKey);
    },

    cancel: (tx, match) => repo.deleteScheduledJobs(tx, match),
  };

  // A scheduled notification comes due: check it still applies, then store it in the job's own transaction.
  jobs.register(QUEUES.scheduled, async (tx, payload) => {
    const parsed = StoredInput.safeParse(payload);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length }, 'dropped a scheduled notification with an unreadable payload');
      return;
    }
    const input = parsed.data;
    const guard = [...deps.guards].find(([prefix]) => input.kind.startsWith(prefix))?.[1];
    if (guard && !(await guard(input))) return;
    if (!(await repo.findRecipient(tx, input.userId))) return;
    const row = await store(tx, input, false);
    return row ? () => announce(row) : undefined;
  });

  return { notifier, announce };
}
