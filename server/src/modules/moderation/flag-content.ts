import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext, Target } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { canHelperHide, isStaff } from './moderation.policy.ts';
import * as repo from './moderation.repo.ts';
import type { FlagBody } from './moderation.schemas.ts';
import { flagScore } from './trust.ts';

/** Members flag messages, posts and profiles; worry reports go to the safety on-call flow instead of the queue. */
export function createFlagUseCases(ctx: ModerationContext) {
  const { db, now, cipher, logger, chat, forums } = ctx;

  /** The content, if the reporter may see it; anything else is "not found", so nothing leaks. */
  async function loadReadableTarget(actor: Actor, kind: repo.TargetKind, id: string): Promise<Target> {
    const target = await ctx.loadTarget(kind, id);
    if (!target || target.orgId !== actor.orgId || target.deleted) throw ModerationErrors.contentNotFound();
    if (target.hidden && target.authorId !== actor.userId && !isStaff(actor.role)) throw ModerationErrors.contentNotFound();
    const readable =
      kind === 'chat_message' ? await chat.canJoinRoom(actor, target.roomId!) : kind === 'forum_post' ? await forums.canReadThread(actor, target.threadId!) : true;
    if (!readable) throw ModerationErrors.contentNotFound();
    return target;
  }

  /** "I'm worried about this person": straight to the on-call team, never into the moderation queue. */
  async function reportWorry(actor: Actor, target: Target, body: FlagBody) {
    const flag = await db.transaction(async (tx) => {
      const row = await repo.insertFlag(tx, {
        orgId: actor.orgId, targetKind: target.kind, targetId: target.id, reporterId: actor.userId, reason: 'worried',
        noteCiphertext: body.note ? cipher.encrypt(body.note) : null, score: 0, outcome: 'sent_to_safety', decidedAt: now(),
      });
      if (!row) throw ModerationErrors.alreadyFlagged();
      await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'moderation.worry_reported', entityType: 'moderation_flag', entityId: row.id, data: { targetKind: target.kind } });
      return row;
    });
    let caseId: string | null = null;
    if (ctx.raiseWorry && target.authorId) {
      try {
        ({ caseId } = await ctx.raiseWorry({
          orgId: actor.orgId, userId: target.authorId, raisedBy: actor.userId, level: body.urgent ? 'urgent' : 'concern',
          source: { kind: 'worry_report', id: flag.id }, reasons: [`worry report about a ${target.kind.replace('_', ' ')}`], ...(body.note ? { note: body.note } : {}),
        }));
        await repo.updateFlag(db, flag.id, { caseId });
      } catch (err) {
        logger.error({ err, flagId: flag.id }, 'worry report could not reach safety');
      }
    } else {
      logger.error({ flagId: flag.id }, 'worry report recorded, but no safety port is wired');
    }
    return { flagId: flag.id, status: 'sent_to_safety' as const, hidden: false, caseOpened: caseId !== null };
  }

  return {
    /**
     * Records a flag with its score (base + reporter trust + reporter accuracy). Past the organization's threshold the
     * content is hidden pending review and its author is told why, kindly. Helpers hide new members' spam at once.
     * Words the safety assessment was worried about are queued but never hidden by flags.
     */
    async flagContent(actor: Actor, body: FlagBody) {
      const target = await loadReadableTarget(actor, body.targetKind, body.targetId);
      if (target.authorId === actor.userId) throw ModerationErrors.cannotFlagOwn();
      if (body.reason === 'other' && !body.note) throw ModerationErrors.otherNeedsText();
      if (body.reason === 'worried') return reportWorry(actor, target, body);

      const [settings, record, reporterTrust, author] = await Promise.all([
        ctx.loadSettings(actor.orgId),
        repo.reporterRecord(db, actor.userId),
        ctx.trustOf(actor.orgId, actor.userId),
        target.authorId ? ctx.accounts.findUser(target.authorId) : null,
      ]);
      const authorTrust = author ? await ctx.trustOf(actor.orgId, author.id) : 'new';
      const score = flagScore({ trustLevel: reporterTrust, isStaff: isStaff(actor.role), ...record });
      const helperHide = canHelperHide({ role: actor.role, trustLevel: reporterTrust }, body.reason, author && { role: author.role, trustLevel: authorTrust });
      const at = now();

      const result = await db.transaction(async (tx) => {
        const item = await repo.lockOrCreateItem(tx, {
          orgId: actor.orgId, targetKind: target.kind, targetId: target.id, authorId: target.authorId, groupId: target.groupId,
          roomId: target.roomId, threadId: target.threadId, queuedAt: at,
        });
        const flag = await repo.insertFlag(tx, {
          orgId: actor.orgId, itemId: item.id, targetKind: target.kind, targetId: target.id, reporterId: actor.userId, reason: body.reason,
          noteCiphertext: body.note ? cipher.encrypt(body.note) : null, score,
        });
        if (!flag) throw ModerationErrors.alreadyFlagged();
        const reopened = item.status === 'resolved';
        const total = (reopened ? 0 : item.score) + score;
        const protectedWords = item.autoReasons.some((r) => r.startsWith('safety:'));
        const hideNow = target.kind !== 'profile' && !item.hidden && !protectedWords && (helperHide || total >= settings.hideThreshold);
        await repo.updateItem(tx, item.id, {
          status: 'open', score: total, resolvedAt: null, resolution: null, queuedAt: reopened ? at : item.queuedAt,
          ...(hideNow ? { hidden: true, hiddenReason: helperHide ? 'helper' : 'flags' } : {}),
        });
        await writeAudit(tx, {
          orgId: actor.orgId, actorId: actor.userId, action: 'moderation.flagged', entityType: 'moderation_item', entityId: item.id,
          data: { reason: body.reason, score, total, hidden: hideNow },
        });
        if (hideNow) {
          await repo.insertAction(tx, {
            orgId: actor.orgId, itemId: item.id, subjectId: target.authorId, moderatorId: helperHide ? actor.userId : null,
            action: helperHide ? 'helper_hide' : 'auto_hide', reason: helperHide ? 'Spam from a new member, hidden by a helper' : 'Hidden after members\u2019 flags, pending review',
            groupId: target.groupId,
          });
          if (target.authorId) await ctx.tell(tx, { orgId: actor.orgId, userId: target.authorId, kind: 'content_hidden', itemId: item.id, params: { targetKind: target.kind } });
        }
        return { flagId: flag.id, hidden: hideNow };
      });
      if (result.hidden) await ctx.setHidden(target, true, helperHide ? actor.userId : null);
      await ctx.announceQueue(actor.orgId);
      return { flagId: result.flagId, status: 'received' as const, hidden: result.hidden, caseOpened: false };
    },

    /** The flags a person made and what became of them ("reports lead to something"). */
    async listMyFlags(actor: Actor) {
      const rows = await repo.listFlagsBy(db, actor.userId);
      return rows.reverse().slice(0, 100).map((f) => ({ id: f.id, targetKind: f.targetKind, reason: f.reason, outcome: f.outcome, createdAt: f.createdAt.toISOString(), decidedAt: f.decidedAt?.toISOString() ?? null }));
    },
  };
}

