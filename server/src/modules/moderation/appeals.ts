import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { APPEALABLE, canDecideAppeal, isModerator } from './moderation.policy.ts';
import * as repo from './moderation.repo.ts';
import type { AppealBody, DecideAppealBody } from './moderation.schemas.ts';
import * as standingRepo from './standing.repo.ts';

/** What "My decisions" lists: every appealable decision, and a facilitator's pause for a session. */
const SHOWN_DECISIONS = [...APPEALABLE, 'live_mute'] as const;

/** A person appeals a decision about them once; a different moderator decides. */
export function createAppealUseCases(ctx: ModerationContext) {
  const { db, cipher, now } = ctx;

  function present(actor: Actor, appeal: repo.AppealRow, action: repo.ActionRow) {
    return {
      id: appeal.id, actionId: action.id, action: action.action, actionReason: action.reason,
      statement: appeal.statementCiphertext ? cipher.decrypt(appeal.statementCiphertext) : '', status: appeal.status, createdAt: appeal.createdAt.toISOString(),
      abilities: { decide: appeal.status === 'pending' && canDecideAppeal(actor, appeal, action) },
    };
  }

  return {
    /**
     * Decisions moderators and facilitators made about me, newest first, each with its appeal (if any) and whether I
     * may still appeal it. Automatic steps and reversals are left out: they are not decisions someone can contest.
     */
    async listMyDecisions(actor: Actor, limit: number) {
      const actions = (await repo.listSubjectActions(db, actor.userId, 200)).filter((a) => a.moderatorId !== null && (SHOWN_DECISIONS as readonly string[]).includes(a.action)).slice(0, limit);
      const appeals = await Promise.all(actions.map((a) => repo.findAppealByAction(db, a.id)));
      return {
        decisions: actions.map((a, i) => ({
          id: a.id, action: a.action, reason: a.reason, template: a.template, expiresAt: a.expiresAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString(),
          appeal: appeals[i] ? { status: appeals[i]!.status, createdAt: appeals[i]!.createdAt.toISOString() } : null,
          abilities: { appeal: !appeals[i] && (APPEALABLE as readonly string[]).includes(a.action) },
        })),
      };
    },

    /** Appeals one decision about oneself. Only once per decision; not for automatic steps. */
    async appealAction(actor: Actor, actionId: string, body: AppealBody) {
      const action = await repo.findAction(db, actionId);
      if (!action || action.subjectId !== actor.userId) throw ModerationErrors.actionNotFound();
      if (!(APPEALABLE as readonly string[]).includes(action.action)) throw ModerationErrors.notAppealable();
      const appeal = await db.transaction(async (tx) => {
        const row = await repo.insertAppeal(tx, { orgId: action.orgId, actionId, appellantId: actor.userId, statementCiphertext: cipher.encrypt(body.statement) });
        if (!row) throw ModerationErrors.alreadyAppealed();
        await writeAudit(tx, { orgId: action.orgId, actorId: actor.userId, action: 'moderation.appealed', entityType: 'moderation_appeal', entityId: row.id, data: { actionId } });
        return row;
      });
      await ctx.announceQueue(action.orgId);
      return present(actor, appeal, action);
    },

    /** Pending appeals of the organization (moderators); each says whether the caller may decide it. */
    async listAppeals(actor: Actor) {
      if (!isModerator(actor)) throw ModerationErrors.appealNotFound();
      const rows = await repo.listAppeals(db, actor.orgId, 'pending');
      return { appeals: rows.map((r) => present(actor, r.appeal, r.action)) };
    },

    /**
     * A different moderator decides. Granting reverses the decision: the content is shown again, a mute, suspension or
     * ban is lifted, and the strike stops counting. Either way the person is told, and the modlog records it.
     */
    async decideAppeal(actor: Actor, appealId: string, body: DecideAppealBody) {
      const appeal = await repo.findAppeal(db, appealId);
      const action = appeal && (await repo.findAction(db, appeal.actionId));
      if (!appeal || !action || !isModerator(actor) || appeal.orgId !== actor.orgId) throw ModerationErrors.appealNotFound();
      if (!canDecideAppeal(actor, appeal, action)) throw ModerationErrors.sameModerator();
      const at = now();
      const granted = body.decision === 'granted';
      const item = action.itemId ? await repo.findItem(db, action.itemId) : null;
      await db.transaction(async (tx) => {
        if (!(await repo.decideAppeal(tx, appealId, { status: body.decision, decidedBy: actor.userId, decidedAt: at, decisionNote: body.note }))) throw ModerationErrors.appealDecided();
        await repo.insertAction(tx, {
          orgId: action.orgId, itemId: action.itemId, subjectId: action.subjectId, moderatorId: actor.userId, action: granted ? 'appeal_granted' : 'appeal_denied',
          reason: body.note, groupId: action.groupId, data: { appealId, actionId: action.id },
        });
        if (granted) {
          await repo.clearStrike(tx, action.id);
          if (action.subjectId) {
            const standing = await standingRepo.ensureStanding(tx, action.orgId, action.subjectId);
            await standingRepo.updateStanding(tx, action.subjectId, {
              upheldFlags: Math.max(0, standing.upheldFlags - 1),
              ...(action.action === 'mute' ? { mutedUntil: null } : {}),
              ...(action.action === 'suspend' ? { suspendedUntil: null } : {}),
              ...(action.action === 'ban' ? { bannedAt: null } : {}),
            });
          }
          if (item) await repo.updateItem(tx, item.id, { hidden: false, hiddenReason: null });
        }
        if (action.subjectId) {
          await ctx.tell(tx, { orgId: action.orgId, userId: action.subjectId, kind: 'appeal_decided', actionId: action.id, params: { decision: body.decision } });
        }
        await writeAudit(tx, { orgId: action.orgId, actorId: actor.userId, action: `moderation.appeal_${body.decision}`, entityType: 'moderation_appeal', entityId: appealId });
      });
      if (granted && item && item.targetKind !== 'profile') await ctx.setHidden({ kind: item.targetKind, id: item.targetId }, false, actor.userId);
      await ctx.announceQueue(action.orgId);
      const updated = (await repo.findAppeal(db, appealId))!;
      return present(actor, updated, action);
    },
  };
}
