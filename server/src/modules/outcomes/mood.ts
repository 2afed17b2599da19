import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { OutcomesDeps } from './outcomes.deps.ts';
import { OutcomesErrors } from './outcomes.errors.ts';
import { openCheckin } from './outcomes.presenter.ts';
import * as repo from './outcomes.repo.ts';
import { analyzeMessageMood } from './sentiment/sentiment.ts';
import { DECLINE_RULE, checkinSignal, detectDecline, messageSignal } from './trend.ts';

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

  async function checkTrend(userId: string, orgId: string) {
    const at = now();
    const since = new Date(at.getTime() - (DECLINE_RULE.recentDays + DECLINE_RULE.baselineDays) * DAY_MS);
    const [checkins, moods] = await Promise.all([repo.listCheckins(db, [userId], since), repo.listMessageMoods(db, userId, since)]);
    const signals = [...checkins.map((c) => checkinSignal(c.createdAt, openCheckin(c, cipher).mood)), ...moods.map((m) => messageSignal(m.at, m.compound))];
    if (!detectDecline(signals, at).declining) return;
    const last = await repo.findLastNudge(db, userId);
    if (last && at.getTime() - last.createdAt.getTime() < NUDGE_GAP_MS) return;

    const prefs = await repo.findPreferences(db, userId);
    const supporters = prefs?.alertSupporterOnDecline ? (await repo.listSupportersOf(db, userId)).filter((s) => s.status === 'accepted') : [];
    const nudge = await db.transaction(async (tx) => {
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
    logger.info({ nudgeId: nudge.id }, 'decline nudge sent');
  }

  return {
    /**
     * Called by chat after a message is stored: records its sentiment and emotion (numbers and a label, keyed by the
     * message id) and re-checks the author's trend. Never throws: a failure here must not touch the conversation.
     */
    async recordMessageMood(message: StoredMessage): Promise<void> {
      try {
        // After the reply has gone: the analysis is synchronous CPU work and must not delay the sender's ack.
        await new Promise((resolve) => setImmediate(resolve));
        if (!message.text.trim()) return;
        const mood = analyzeMessageMood(message.text);
        await repo.insertMessageMood(db, { orgId: message.orgId, messageId: message.messageId, roomId: message.roomId, userId: message.authorId, ...mood });
        await checkTrend(message.authorId, message.orgId);
      } catch (err) {
        logger.error({ err, messageId: message.messageId }, 'message mood failed');
      }
    },

    /** Re-checks the trend after a check-in. */
    async checkTrendFor(actor: Actor) {
      await checkTrend(actor.userId, actor.orgId);
    },

    async dismissNudge(actor: Actor, id: string) {
      if (!(await repo.dismissNudge(db, actor.userId, id, now()))) throw OutcomesErrors.nudgeNotFound();
      return { ok: true as const };
    },
  };
}
