import { DateTime } from 'luxon';
import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { APPEALABLE, canActOn, isModerator, isNewMember } from './moderation.policy.ts';
import { noticeMessage } from './moderation.presenter.ts';
import * as repo from './moderation.repo.ts';
import type { SettingsBody, TrustBody } from './moderation.schemas.ts';
import * as standingRepo from './standing.repo.ts';
import { promoteIfEarned } from './promotion.ts';
import { TRUST_LEVELS, type TrustLevel } from './trust.ts';

/** Trust levels, a person's own standing and notices, and the organization's moderation settings. */
export function createStandingUseCases(ctx: ModerationContext) {
  const { db, now, forums } = ctx;

  async function describe(actor: Actor) {
    const [standing, settings, reactions] = await Promise.all([
      standingRepo.ensureStanding(db, actor.orgId, actor.userId),
      ctx.loadSettings(actor.orgId),
      forums.countReactionsReceived(actor.userId),
    ]);
    const level = standing.trustLevel as TrustLevel;
    const nextLevel = TRUST_LEVELS[TRUST_LEVELS.indexOf(level) + 1] as Exclude<TrustLevel, 'new'> | undefined;
    const at = now();
    const newMember = isNewMember(actor.role, level);
    return {
      standing,
      reactions,
      view: {
        trustLevel: level,
        progress: { daysVisited: standing.daysVisited, postsRead: standing.postsRead, reactionsReceived: reactions },
        next: nextLevel ? { level: nextLevel, ...settings.trustThresholds[nextLevel] } : null,
        restrictions: { mutedUntil: standing.mutedUntil && standing.mutedUntil > at ? standing.mutedUntil.toISOString() : null, noLinks: newMember, slowerPosting: newMember },
        isModerator: isModerator(actor),
      },
      settings,
    };
  }

  return {
    /** My trust level, progress to the next and any restriction, in plain terms. */
    async getMyStanding(actor: Actor) {
      return (await describe(actor)).view;
    },

    /**
     * Counts today's visit (in the person's own time zone; once a day however often the app asks), then promotes when
     * the organization's thresholds are met. Posts read are counted by the server as chat and forums deliver them
     * (see reading.ts). Promotion only moves up; upheld flags demote (see review actions).
     */
    async recordVisit(actor: Actor) {
      const day = DateTime.fromJSDate(now(), { zone: actor.timezone || 'UTC' }).toISODate() ?? now().toISOString().slice(0, 10);
      await standingRepo.ensureStanding(db, actor.orgId, actor.userId);
      await standingRepo.recordVisitDay(db, actor.userId, day);
      await promoteIfEarned(ctx, actor);
      return (await describe(actor)).view;
    },

    /** A moderator sets someone's trust level by hand (recorded in the modlog with the reason). */
    async setTrustLevel(actor: Actor, userId: string, body: TrustBody) {
      const person = await ctx.accounts.findUser(userId);
      if (!isModerator(actor) || !person || person.orgId !== actor.orgId) throw ModerationErrors.personNotFound();
      if (!canActOn(actor, userId)) throw ModerationErrors.cannotActOnSelf();
      await db.transaction(async (tx) => {
        await standingRepo.ensureStanding(tx, actor.orgId, userId);
        await standingRepo.updateStanding(tx, userId, { trustLevel: body.level });
        await repo.insertAction(tx, { orgId: actor.orgId, subjectId: userId, moderatorId: actor.userId, action: 'trust_set', reason: body.reason, data: { level: body.level } });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'moderation.trust_set', entityType: 'user', entityId: userId, data: { level: body.level } });
      });
      return { ok: true as const };
    },

    /**
     * What moderation told me: why my content was hidden (with my words, so I can edit them), warnings, and the
     * outcome of my reports. Each says what I can do next (edit, appeal once).
     */
    async listMyNotices(actor: Actor) {
      const rows = await repo.listNotices(db, actor.userId);
      const notices = await Promise.all(
        rows.map(async (row) => {
          const action = row.actionId ? await repo.findAction(db, row.actionId) : null;
          const item = row.itemId ? await repo.findItem(db, row.itemId) : null;
          const mine = item && item.authorId === actor.userId;
          const target = mine && item.targetKind !== 'profile' ? await ctx.loadTarget(item.targetKind, item.targetId) : null;
          const aboutMe = action?.subjectId === actor.userId;
          const appeal = aboutMe ? await repo.findAppealByAction(db, action!.id) : null;
          return {
            id: row.id,
            kind: row.kind,
            message: noticeMessage(row, action),
            params: row.params,
            content: target && !target.deleted
              ? {
                kind: target.kind, id: target.id, body: target.body, roomId: target.roomId, threadId: target.threadId, hidden: target.hidden,
                roomKind: target.roomKind, groupId: target.groupId, sessionId: target.sessionId,
              }
              : null,
            action: aboutMe && action
              ? { id: action.id, action: action.action, reason: action.reason, expiresAt: action.expiresAt?.toISOString() ?? null, appeal: appeal ? { status: appeal.status } : null }
              : null,
            abilities: { appeal: aboutMe && !appeal && (APPEALABLE as readonly string[]).includes(action!.action), edit: !!target && target.hidden && !target.deleted },
            createdAt: row.createdAt.toISOString(),
            read: row.readAt !== null,
          };
        }),
      );
      return { notices };
    },

    async markNoticesRead(actor: Actor) {
      await repo.markNoticesRead(db, actor.userId, now());
      return { ok: true as const };
    },

    async getSettings(actor: Actor) {
      if (!isModerator(actor)) throw ModerationErrors.actionNotFound();
      return ctx.loadSettings(actor.orgId);
    },

    /** Thresholds, what happens to personal information and strong language, pre-moderation, trust thresholds. */
    async updateSettings(actor: Actor, body: SettingsBody) {
      if (!isModerator(actor)) throw ModerationErrors.actionNotFound();
      await db.transaction(async (tx) => {
        await standingRepo.upsertSettings(tx, actor.orgId, body);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'moderation.settings_changed', entityType: 'org', entityId: actor.orgId, data: { fields: Object.keys(body) } });
      });
      ctx.forgetRules(actor.orgId);
      return ctx.loadSettings(actor.orgId);
    },

    /** A group asks (or stops asking) for new members' first posts to be approved. Its facilitators or moderators. */
    async setGroupPremoderation(actor: Actor, groupId: string, premoderateNewMembers: boolean) {
      const [group, membership] = await Promise.all([ctx.groups.findGroup(groupId), ctx.groups.findMembership(groupId, actor.userId)]);
      if (!group || group.orgId !== actor.orgId) throw ModerationErrors.contentNotFound();
      const facilitates = membership?.status === 'active' && membership.role !== 'member';
      if (!facilitates && !isModerator(actor)) throw ModerationErrors.contentNotFound();
      await db.transaction(async (tx) => {
        await standingRepo.upsertGroupSettings(tx, group.orgId, groupId, premoderateNewMembers);
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'moderation.group_premoderation', entityType: 'group', entityId: groupId, data: { premoderateNewMembers } });
      });
      return { premoderateNewMembers };
    },
  };
}
