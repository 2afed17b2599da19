import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { OutcomesDeps } from './outcomes.deps.ts';
import { OutcomesErrors } from './outcomes.errors.ts';
import { openCheckin } from './outcomes.presenter.ts';
import { createBatcher } from './mood-batch.ts';
import * as moodRepo from './mood.repo.ts';
import * as repo from './outcomes.repo.ts';
import { analyzeMessageMood, type MessageMood } from './sentiment/sentiment.ts';
import { DECLINE_RULE, checkinSignal, detectDecline, messageSignal, type MoodSignal } from './trend.ts';

const DAY_MS = 86_400_000;
/** Nobody is nudged more than once a fortnight. */
const NUDGE_GAP_MS = 14 * DAY_MS;

/** A chat message as the chat module hands it over after storing it (the words are analysed, never stored here). */
export type StoredMessage = { messageId: string; roomId: string; authorId: string; orgId: string; text: string };

/**
 * Message sentiment and emotion, the person's combined mood trend, and what a sharp, sustained decline leads to:
 * a kind nudge to the person, and a note to their peer supporter only if the person said yes to that.
 */
export function createMood(deps: OutcomesDeps) {
  const { db, cipher, logger, now, notifier } = deps;

  /** Re-checks the trend of several people at once: two reads for the whole batch, a nudge only where due. */
  async function checkTrends(people: Map<string, string>) {
    if (people.size === 0) return;
    const at = now();
    const since = new Date(at.getTime() - (DECLINE_RULE.recentDays + DECLINE_RULE.baselineDays) * DAY_MS);
    const userIds = [...people.keys()];
    const [checkins, moods] = await Promise.all([repo.listCheckins(db, userIds, since), moodRepo.listMessageMoodsOf(db, userIds, since)]);
    const signals = new Map<string, MoodSignal[]>(userIds.map((id) => [id, []]));
    for (const c of checkins) signals.get(c.userId)?.push(checkinSignal(c.createdAt, openCheckin(c, cipher).mood));
    for (const m of moods) signals.get(m.userId)?.push(messageSignal(m.at, m.compound));
    for (const [userId, orgId] of people) {
      if (detectDecline(signals.get(userId)!, at).declining) await nudgeIfDue(userId, orgId, at);
    }
  }

  async function nudgeIfDue(userId: string, orgId: string, at: Date) {
    const last = await repo.findLastNudge(db, userId);
    if (last && at.getTime() - last.createdAt.getTime() < NUDGE_GAP_MS) return;

    const prefs = await repo.findPreferences(db, userId);
    const supporters = prefs?.alertSupporterOnDecline ? (await deps.chat.listSupportersOf(userId)).filter((s) => s.status === 'accepted') : [];
    const nudge = await db.transaction(async (tx) => {
      // Several nodes record moods at once: the lock and the second look make sure only one of them nudges.
      await moodRepo.lockNudgesOf(tx, userId);
      const latest = await repo.findLastNudge(tx, userId);
      if (latest && at.getTime() - latest.createdAt.getTime() < NUDGE_GAP_MS) return null;
      const row = await repo.insertNudge(tx, { orgId, userId, supporterAlerted: supporters.length });
      await writeAudit(tx, { orgId, actorId: null, action: 'mood.decline_nudged', entityType: 'mood_nudge', entityId: row.id, data: { supporterAlerted: supporters.length > 0 } });
      if (notifier) {
        await notifier.notify({ userId, kind: 'checkin.gentle_nudge', url: '/progress', dedupeKey: `outcomes:nudge:${row.id}` }, tx);
        const person = await deps.findPerson(userId);
        for (const s of supporters) {
          // Only that someone may appreciate a check-in: no scores, no words.
          await notifier.notify({ userId: s.supporterId, kind: 'direct.check_in_suggested', url: `/support/${s.conversationId}`, params: { name: person?.displayName ?? '' }, dedupeKey: `outcomes:nudge:${row.id}:${s.supporterId}` }, tx);
        }
      }
      return row;
    });
    if (nudge) logger.info({ nudgeId: nudge.id }, 'decline nudge sent');
  }

  /**
   * Analyses and stores a batch of messages' moods in one statement, then re-checks each author's trend once. If one
   * row cannot be stored (its message or person was deleted meanwhile) the others are stored one by one; rows that
   * fail for any other reason go back to the batcher to be tried again.
   */
  async function storeMoods(items: QueuedMood[]): Promise<QueuedMood[]> {
    for (const [i, item] of items.entries()) {
      item.mood ??= analyzeMessageMood(item.message.text);
      // The analysis is synchronous CPU work: let sockets and requests in between every few messages.
      if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    }
    const row = (item: QueuedMood): moodRepo.NewMessageMood => ({ orgId: item.message.orgId, messageId: item.message.messageId, roomId: item.message.roomId, userId: item.message.authorId, createdAt: item.at, ...item.mood! });
    let stored = items;
    const failed: QueuedMood[] = [];
    try {
      await moodRepo.insertMessageMoods(db, items.map(row));
    } catch (err) {
      if (!isMissingReference(err)) throw err;
      stored = [];
      for (const item of items) {
        try {
          await moodRepo.insertMessageMoods(db, [row(item)]);
          stored.push(item);
        } catch (oneErr) {
          if (isMissingReference(oneErr)) logger.info({ messageId: item.message.messageId }, 'message mood skipped: the message or its author no longer exists');
          else failed.push(item);
        }
      }
    }
    const authors = new Map(stored.map((item) => [item.message.authorId, item.message.orgId]));
    // The moods are stored; a failed trend check is logged and the author's next message checks again.
    await checkTrends(authors).catch((err) => logger.error({ err, people: authors.size }, 'mood trend check failed'));
    return failed;
  }

  const batcher = createBatcher<QueuedMood>({
    logger,
    windowMs: deps.moodBatchMs ?? 1000,
    maxBatch: 200,
    maxAttempts: 5,
    process: storeMoods,
    describe: (item) => `message ${item.message.messageId}`,
  });

  return {
    /**
     * Called by chat after a message is stored: queues its sentiment and emotion (numbers and a label, keyed by the
     * message id) to be stored with others in one statement within `moodBatchMs`, then re-checks the author's trend.
     * Resolves once stored and never throws: a failure here must not touch the conversation.
     */
    async recordMessageMood(message: StoredMessage): Promise<void> {
      if (!message.text.trim()) return;
      // The time the message was stored, not the flush, so weekly figures and the trend see it where it belongs.
      await batcher.add({ message, at: now() });
    },

    /** Stores every queued message mood now; resolves when none is left. With `close` (shutdown) later ones go at once. */
    flushMessageMoods: (options?: { close?: boolean }) => batcher.drain(options),

    /** Re-checks the trend after a check-in. */
    async checkTrendFor(actor: Actor) {
      await checkTrends(new Map([[actor.userId, actor.orgId]]));
    },

    async dismissNudge(actor: Actor, id: string) {
      if (!(await repo.dismissNudge(db, actor.userId, id, now()))) throw OutcomesErrors.nudgeNotFound();
      return { ok: true as const };
    },
  };
}

/** A queued message; its mood is computed once, at the first try. */
type QueuedMood = { message: StoredMessage; at: Date; mood?: MessageMood };

/** PostgreSQL's foreign key violation: the message or the person was deleted before the mood was stored. */
function isMissingReference(err: unknown) {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23503' || e.cause?.code === '23503';
}
