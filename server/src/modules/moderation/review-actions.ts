import { writeAudit, type DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { canActOn, canReviewItem } from './moderation.policy.ts';
import * as repo from './moderation.repo.ts';
import type { ActionBody } from './moderation.schemas.ts';
import * as standingRepo from './standing.repo.ts';
import { demote } from './trust.ts';

const HOUR_MS = 3600_000;

/** What the author is told after each decision (a notice kind), if anything. */
const AUTHOR_NOTICE: Record<ActionBody['action'], string | null> = {
  dismiss: null,
  hide: 'content_removed',
  ask_edit: 'edit_requested',
  warn: 'warning',
  mute: 'muted',
  suspend: 'suspended',
  ban: 'banned',
};

/** Applies a person's restriction in the decision's transaction; suspended and banned people are signed out. */
export async function applyRestriction(tx: DbOrTx, subject: { orgId: string; userId: string }, action: string, expiresAt: Date | null, at: Date) {
  await standingRepo.ensureStanding(tx, subject.orgId, subject.userId);
  if (action === 'mute') await standingRepo.updateStanding(tx, subject.userId, { mutedUntil: expiresAt });
  if (action === 'suspend') await standingRepo.updateStanding(tx, subject.userId, { suspendedUntil: expiresAt });
  if (action === 'ban') await standingRepo.updateStanding(tx, subject.userId, { bannedAt: at });
  if (action === 'suspend' || action === 'ban') await standingRepo.revokeAuthSessions(tx, subject.userId, at);
}

/** A moderator's decision on a queue item: dismiss, hide, ask to edit, warn, timed mute, suspend or ban. */
export function createReviewActions(ctx: ModerationContext) {
  const { db, now } = ctx;

  return {
    /**
     * Decides an open item. Everything happens in one transaction with its modlog row: the flags are upheld or
     * dismissed, the author's standing changes (an upheld decision demotes one trust level), the author is told
     * why, kindly, and each reporter learns the outcome. The content is hidden or shown again after commit.
     */
    async actOnItem(actor: Actor, itemId: string, body: ActionBody) {
      const found = await repo.findItem(db, itemId);
      if (!found || !canReviewItem(actor, found)) throw ModerationErrors.itemNotFound();
      if (!canActOn(actor, found.authorId)) throw ModerationErrors.cannotActOnSelf();
      if ((body.action === 'mute' || body.action === 'suspend') && !body.durationHours) throw ModerationErrors.durationNeeded();
      const at = now();
      const upheld = body.action !== 'dismiss';
      const expiresAt = body.durationHours && (body.action === 'mute' || body.action === 'suspend') ? new Date(at.getTime() + body.durationHours * HOUR_MS) : null;

      const outcome = await db.transaction(async (tx) => {
        const item = await repo.lockOrCreateItem(tx, { orgId: found.orgId, targetKind: found.targetKind, targetId: found.targetId });
        if (item.status !== 'open') throw ModerationErrors.alreadyResolved();
        const decided = await repo.decidePendingFlags(tx, item.id, upheld ? 'upheld' : 'dismissed', at);
        const approving = body.action === 'dismiss' && item.hiddenReason === 'premoderation';
        const action = await repo.insertAction(tx, {
          orgId: item.orgId, itemId: item.id, subjectId: item.authorId, moderatorId: actor.userId, action: approving ? 'approve' : body.action,
          reason: body.reason, template: body.action === 'warn' ? (body.template ?? null) : null, groupId: item.groupId, strike: upheld, expiresAt,
          data: { flags: decided.length, ...(body.durationHours ? { durationHours: body.durationHours } : {}) },
        });
        const hide = upheld && item.targetKind !== 'profile';
        await repo.updateItem(tx, item.id, {
          status: 'resolved', resolvedAt: at, resolution: action.action,
          hidden: hide, hiddenReason: hide ? (body.action === 'ask_edit' ? 'ask_edit' : 'moderator') : null,
        });
        if (item.authorId) {
          const standing = await standingRepo.ensureStanding(tx, item.orgId, item.authorId);
          if (upheld) await standingRepo.updateStanding(tx, item.authorId, { upheldFlags: standing.upheldFlags + 1, trustLevel: demote(standing.trustLevel) });
          if (approving) await standingRepo.bumpPostsDelivered(tx, item.authorId);
          await applyRestriction(tx, { orgId: item.orgId, userId: item.authorId }, body.action, expiresAt, at);
          const kind = AUTHOR_NOTICE[body.action] ?? (item.hidden ? 'restored' : null);
          if (kind) await ctx.tell(tx, { orgId: item.orgId, userId: item.authorId, kind, itemId: item.id, actionId: action.id, params: { action: action.action } });
        }
        // Reports must visibly lead somewhere: every reporter hears the outcome.
        for (const reporterId of new Set(decided.map((d) => d.reporterId).filter((r): r is string => r !== null))) {
          await ctx.tell(tx, { orgId: item.orgId, userId: reporterId, kind: 'flag_outcome', itemId: item.id, actionId: action.id, params: { outcome: upheld ? 'upheld' : 'dismissed' } });
        }
        await writeAudit(tx, {
          orgId: item.orgId, actorId: actor.userId, action: `moderation.${action.action}`, entityType: 'moderation_item', entityId: item.id,
          data: { actionId: action.id, flags: decided.length },
        });
        return { item, action, hide };
      });
      if (outcome.item.targetKind !== 'profile' && outcome.hide !== outcome.item.hidden) {
        await ctx.setHidden({ kind: outcome.item.targetKind, id: outcome.item.targetId }, outcome.hide, actor.userId);
      } else if (outcome.hide) {
        // Hidden by flags already, but make sure the content itself is hidden (e.g. an item created from a profile flag).
        await ctx.setHidden({ kind: outcome.item.targetKind, id: outcome.item.targetId }, true, actor.userId);
      }
      await ctx.announceQueue(outcome.item.orgId);
      // Suspended and banned people were signed out in the transaction: their open sockets close now, on every node.
      if ((body.action === 'suspend' || body.action === 'ban') && outcome.item.authorId) {
        await ctx.hub.revoke({ userId: outcome.item.authorId, allSessions: true, reason: body.action === 'ban' ? 'banned' : 'suspended' }).catch(() => {});
      }
      return { actionId: outcome.action.id, action: outcome.action.action, itemId: outcome.item.id };
    },
  };
}
