import { createCoalescer } from '../../platform/coalesce.ts';
import type { RiskAssessment } from './assessment/index.ts';
import { assessInContext } from './assess-in-context.ts';
import { openOrJoinCase } from './case-routing.ts';
import { SAFETY_COPY } from './safety.copy.ts';
import { userRoom, type SafetyDeps } from './safety.deps.ts';
import * as repo from './safety.repo.ts';
import type { SafetyNotice } from './safety.schemas.ts';

export type Author = { userId: string; orgId: string };
export type MessageSource = { kind: 'chat_message' | 'forum_post'; id: string; roomId?: string | null };

/** The result of assessing a message before it is stored: whether to hold it, and how to route it once stored. */
export type Screening = {
  level: RiskAssessment['level'];
  hold: boolean;
  route(source: MessageSource): Promise<SafetyNotice | null>;
};

const NONE: RiskAssessment = { level: 'none', score: 0, reasons: [], aboutSomeoneElse: false };

/**
 * The message path. `screen` assesses the words (synchronously, with the author's recent trajectory) before the
 * message is stored; `route` runs after it is stored and before it is broadcast: it records the assessment, opens or
 * joins a case, alerts on-call first, then sends the author their private card. It never throws: a failure here is
 * logged and the message is still delivered, because nobody is silenced.
 */
export function createScreening(deps: SafetyDeps) {
  const { db, hub, logger } = deps;
  /**
   * Everyone's recent trajectory for a batch of messages in one statement. The window start is the same for the batch
   * (taken when it runs), which can only include a little more history than reading one by one, never less.
   */
  const recentReads = createCoalescer<{ userId: string; since: Date }, Array<{ level: RiskAssessment['level']; score: number; at: Date }>>(async (asks) => {
    const since = new Date(Math.min(...asks.map((a) => a.since.getTime())));
    const found = await repo.listRecentAssessmentsMany(db, asks.map((a) => a.userId), since);
    return asks.map((a) => (found.get(a.userId) ?? []).filter((r) => r.at >= a.since));
  });
  const listRecent = (userId: string, since: Date) => recentReads.add({ userId, since });
  /** The assessment rows of messages that worried nobody, stored for a whole batch of messages in one statement. */
  const quietRows = createCoalescer<repo.NewAssessment, void>(async (rows) => {
    try {
      await repo.insertAssessments(db, rows);
      return rows.map(() => undefined);
    } catch (err) {
      if (rows.length === 1) throw err;
      // One row the database refused (e.g. its author was just erased) must not lose the others' rows.
      return Promise.all(rows.map((row) => repo.insertAssessment(db, row).then(() => undefined, (e: Error) => e)));
    }
  });

  async function route(author: Author, result: RiskAssessment, source: MessageSource, held: boolean): Promise<SafetyNotice | null> {
    try {
      const assessment = {
        orgId: author.orgId, userId: author.userId, sourceKind: source.kind, sourceId: source.id,
        level: result.level, score: result.score, reasons: result.reasons, aboutSomeoneElse: result.aboutSomeoneElse,
      };
      // Most messages worry nobody: their assessment rows are stored together, one statement per batch of messages.
      // Anything else keeps its own transaction below (case, on-call alert first, then the author's card).
      if (result.level === 'none') {
        await quietRows.add(assessment);
        return null;
      }
      const routed = await db.transaction(async (tx) => {
        await repo.insertAssessment(tx, assessment);
        return openOrJoinCase(deps, tx, {
          orgId: author.orgId, subjectUserId: author.userId, kind: 'risk_message', sourceKind: source.kind, sourceId: source.id,
          roomId: source.roomId ?? null, level: result.level, actorId: author.userId, data: { reasons: result.reasons, held },
        });
      });
      // Crisis routing first: on-call hears before anything else happens.
      await routed?.after().catch((err) => logger.error({ err, caseId: routed.caseRow.id }, 'safety alert delivery failed'));
      const level = result.level as 'concern' | 'urgent';
      await hub
        .publish(userRoom(author.userId), { type: 'safety.card', level, aboutSomeoneElse: result.aboutSomeoneElse, ...(routed ? { caseId: routed.caseRow.id } : {}) })
        .catch((err) => logger.error({ err }, 'safety card delivery failed'));
      return { card: level, aboutSomeoneElse: result.aboutSomeoneElse, ...(held ? { held: true, notice: SAFETY_COPY.heldForReview } : {}) };
    } catch (err) {
      // Never log the words; the source id is enough to find them.
      logger.error({ err, sourceKind: source.kind, sourceId: source.id }, 'safety routing failed');
      return result.level === 'none' ? null : { card: result.level, aboutSomeoneElse: result.aboutSomeoneElse };
    }
  }

  return {
    /**
     * The card the author was shown for a message already stored, so a resend (same client id, e.g. after a dropped
     * connection) gets the same private card over HTTP instead of silently losing it.
     */
    async findNotice(author: Author, source: Pick<MessageSource, 'kind' | 'id'>): Promise<SafetyNotice | null> {
      try {
        const row = await repo.findAssessmentFor(db, author.userId, source.kind, source.id);
        return row && row.level !== 'none' ? { card: row.level, aboutSomeoneElse: row.aboutSomeoneElse } : null;
      } catch (err) {
        logger.error({ err, sourceKind: source.kind, sourceId: source.id }, 'safety notice lookup failed');
        return null;
      }
    },

    /** Assesses one message's words before it is stored. `publicForum` lets the organization hold urgent posts. */
    async screen(author: Author, text: string, opts: { publicForum?: boolean } = {}): Promise<Screening> {
      let result = NONE;
      let hold = false;
      try {
        result = await assessInContext(deps, author.userId, text, listRecent);
        if (opts.publicForum && result.level === 'urgent') hold = (await repo.findSettings(db, author.orgId)).holdUrgentForumPosts;
      } catch (err) {
        logger.error({ err }, 'safety hold setting lookup failed');
      }
      const held = hold;
      const assessed = result;
      return { level: assessed.level, hold: held, route: (source) => route(author, assessed, source, held) };
    },
  };
}
