import type { Db, Tx } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Notify } from '../../platform/notify.ts';
import type { RevokeLive } from '../../platform/realtime/live-access.ts';
import * as repo from './groups.repo.ts';
import * as policy from './groups.policy.ts';
import { GroupErrors } from './groups.errors.ts';
import { presentMember } from './groups.presenter.ts';
import type { JoinGroupBody, Member } from './groups.schemas.ts';

type Deps = {
  db: Db;
  now: () => Date;
  getVisibleGroup: (actor: Actor, groupId: string) => Promise<{ group: repo.GroupRow; membership: repo.GroupMemberRow | null }>;
  invalidate: (groupId: string, keys: string[]) => void;
  canLeadGroups?: (who: { userId: string; orgId: string }) => Promise<boolean>;
  /** After commit: the person's live subscriptions are authorized again on every node (the hub's `revoke`). */
  revokeLive?: RevokeLive;
  /** Tells a person they were removed from a group (the notifications module's port; wired in main.ts). */
  notify?: Notify;
};

/** Joining, leaving, requests, invitations and group roles. */
export function createMembershipUseCases({ db, now, getVisibleGroup, invalidate, canLeadGroups, revokeLive, notify }: Deps) {
  /** Locks the group, re-reads the caller's membership and hides groups the caller may not see. */
  async function lockVisible(tx: Tx, actor: Actor, groupId: string) {
    const group = await repo.lockGroup(tx, groupId);
    const membership = group ? await repo.findMembership(tx, groupId, actor.userId) : null;
    if (!group || !policy.canViewGroup(actor, group, membership)) throw CommonErrors.notFound('That group');
    return { group, membership };
  }

  async function ensureRoom(tx: Tx, group: repo.GroupRow) {
    if (group.capacity !== null && (await repo.countActiveMembers(tx, group.id)) >= group.capacity) throw GroupErrors.groupFull();
  }

  const audit = (tx: Tx, actor: Actor, group: repo.GroupRow, action: string, userId: string, data: Record<string, unknown> = {}) =>
    writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action, entityType: 'group', entityId: group.id, data: { userId, ...data } });

  /** Loads a target person's membership for a leader's action, with the leader's permission checked first. */
  async function lockForLeader(tx: Tx, actor: Actor, groupId: string, userId: string, can: typeof policy.canManageMembers) {
    const { group, membership } = await lockVisible(tx, actor, groupId);
    if (group.archivedAt) throw GroupErrors.archived();
    if (!can(actor, group, membership)) throw CommonErrors.forbidden();
    return { group, membership, target: await repo.findMembership(tx, groupId, userId) };
  }

  /** A member row as this leader sees it after their change (with what they may do next). */
  async function presentFor(actor: Actor, group: repo.GroupRow, userId: string): Promise<Member> {
    const membership = await repo.findMembership(db, group.id, actor.userId);
    return presentMember((await repo.findMember(db, group.id, userId))!, { actor, group, membership });
  }

  return {
    /**
     * Open groups: join at once. Request-to-join groups: a pending request. Invite-only: accepts the invitation.
     * Agreements must be accepted whenever the group has any.
     */
    async joinGroup(actor: Actor, groupId: string, body: JoinGroupBody) {
      const result = await db.transaction(async (tx) => {
        const { group, membership } = await lockVisible(tx, actor, groupId);
        if (group.archivedAt) throw GroupErrors.archived();
        if (membership?.status === 'active') throw GroupErrors.alreadyMember();
        if (membership?.status === 'requested') return membership;
        if (!policy.canJoin(group, membership) && !policy.canRequestToJoin(group, membership)) throw CommonErrors.notFound('That group');
        if (group.agreements.length > 0 && body.acceptAgreements !== true) throw GroupErrors.agreementsRequired();
        const joinNow = policy.canJoin(group, membership);
        if (joinNow) await ensureRoom(tx, group);
        const row = await repo.upsertMembership(tx, {
          groupId,
          userId: actor.userId,
          role: membership?.status === 'invited' ? membership.role : 'member',
          status: joinNow ? 'active' : 'requested',
          agreementsAcceptedAt: now(),
          joinedAt: joinNow ? now() : null,
        });
        await audit(tx, actor, group, joinNow ? 'group.member_joined' : 'group.join_requested', actor.userId);
        return row;
      });
      invalidate(groupId, ['group', 'members']);
      return { status: result.status };
    },

    /** Leaving also withdraws a pending request or turns down an invitation. */
    async leaveGroup(actor: Actor, groupId: string) {
      await db.transaction(async (tx) => {
        const { group, membership } = await lockVisible(tx, actor, groupId);
        if (!membership || !policy.canLeave(membership)) throw GroupErrors.notMember();
        if (membership.status === 'active' && membership.role === 'facilitator' && (await repo.countActiveMembers(tx, groupId, 'facilitator')) <= 1) {
          throw GroupErrors.lastFacilitator();
        }
        await repo.upsertMembership(tx, { groupId, userId: actor.userId, role: 'member', status: 'left' });
        await audit(tx, actor, group, 'group.member_left', actor.userId, { from: membership.status });
      });
      invalidate(groupId, ['group', 'members']);
      // The group's rooms stop at once on every open socket of the person, on every node.
      await revokeLive?.({ userId: actor.userId, reason: 'left' }).catch(() => {});
      return { status: 'left' as const };
    },

    /** Active members see each other; those who manage members also see requests and invitations. */
    async listMembers(actor: Actor, groupId: string): Promise<Member[]> {
      const { group, membership } = await getVisibleGroup(actor, groupId);
      if (!policy.canViewMembers(actor, group, membership)) throw CommonErrors.notFound('That group');
      const manage = policy.canManageMembers(actor, group, membership);
      const rows = await repo.listMembers(db, groupId, manage ? ['active', 'requested', 'invited'] : ['active']);
      return rows.map((row) => presentMember(row, { actor, group, membership }));
    },

    /** A group leader answers a join request; approving respects the group's capacity. */
    async decideRequest(actor: Actor, groupId: string, userId: string, decision: 'approve' | 'decline'): Promise<Member> {
      const member = await db.transaction(async (tx) => {
        const { group, target } = await lockForLeader(tx, actor, groupId, userId, policy.canManageMembers);
        if (target?.status !== 'requested') throw GroupErrors.noRequest();
        if (decision === 'approve') await ensureRoom(tx, group);
        const row = await repo.upsertMembership(tx, {
          groupId,
          userId,
          role: 'member',
          status: decision === 'approve' ? 'active' : 'declined',
          joinedAt: decision === 'approve' ? now() : null,
        });
        await audit(tx, actor, group, decision === 'approve' ? 'group.request_approved' : 'group.request_declined', userId);
        return { group, row };
      });
      invalidate(groupId, ['group', 'members']);
      return presentFor(actor, member.group, member.row.userId);
    },

    /** Invites a person from the same organization; for invite-only groups this is the only way in. */
    async inviteMember(actor: Actor, groupId: string, userId: string): Promise<Member> {
      const member = await db.transaction(async (tx) => {
        const { group, target } = await lockForLeader(tx, actor, groupId, userId, policy.canManageMembers);
        const person = await repo.findUserOrg(tx, userId);
        if (!person || person.orgId !== group.orgId) throw CommonErrors.notFound('That person');
        if (target?.status === 'active') throw GroupErrors.alreadyActive();
        const row = await repo.upsertMembership(tx, { groupId, userId, role: 'member', status: 'invited', joinedAt: null });
        await audit(tx, actor, group, 'group.member_invited', userId);
        return { group, row };
      });
      invalidate(groupId, ['members']);
      return presentFor(actor, member.group, member.row.userId);
    },

    /**
     * A leader removes someone from the group (see `canRemoveMember`). Their membership becomes `left`, as if they had
     * left: they can come back only the usual way (join an open group, ask again, or be invited again), and a leader
     * who wants to keep the door shut can make the group request-to-join. They are told kindly, the removal is
     * audited, and the group's live rooms stop for them at once on every node.
     */
    async removeMember(actor: Actor, groupId: string, userId: string) {
      await db.transaction(async (tx) => {
        const { group, membership, target } = await lockForLeader(tx, actor, groupId, userId, policy.canManageMembers);
        if (userId === actor.userId) throw GroupErrors.cannotRemoveSelf();
        if (target?.status !== 'active') throw GroupErrors.notAMember();
        if (!policy.canRemoveMember(actor, group, membership, target)) throw CommonErrors.forbidden();
        if (target.role === 'facilitator' && (await repo.countActiveMembers(tx, groupId, 'facilitator')) <= 1) throw GroupErrors.lastFacilitator();
        await repo.upsertMembership(tx, { groupId, userId, role: 'member', status: 'left' });
        await audit(tx, actor, group, 'group.member_removed', userId, { role: target.role });
        // Sent once the removal commits (same transaction): no words about why, only where to find other groups.
        await notify?.({ userId, kind: 'group.member_removed', url: '/groups', params: { groupName: group.name }, dedupeKey: `group-removed:${groupId}:${userId}:${now().getTime()}` }, tx);
      });
      invalidate(groupId, ['group', 'members']);
      // The group's rooms stop at once on every open socket of the person, on every node.
      await revokeLive?.({ userId, reason: 'removed' }).catch(() => {});
      return { userId, status: 'left' as const };
    },

    /** The group's facilitator (or an admin) changes an active member's role; a group keeps one facilitator. */
    async changeRole(actor: Actor, groupId: string, userId: string, role: Member['role']): Promise<Member> {
      const member = await db.transaction(async (tx) => {
        const { group, target } = await lockForLeader(tx, actor, groupId, userId, policy.canChangeRoles);
        if (target?.status !== 'active') throw GroupErrors.notAMember();
        // Facilitators and co-facilitators lead the group, so they need the facilitator certificate (unless switched off).
        if (role !== 'member' && canLeadGroups && !(await canLeadGroups({ userId, orgId: group.orgId }))) throw GroupErrors.certificateRequired();
        if (target.role === 'facilitator' && role !== 'facilitator' && (await repo.countActiveMembers(tx, groupId, 'facilitator')) <= 1) {
          throw GroupErrors.lastFacilitator();
        }
        const row = await repo.upsertMembership(tx, { groupId, userId, role, status: 'active' });
        await audit(tx, actor, group, 'group.member_role_changed', userId, { from: target.role, to: role });
        return { group, row };
      });
      invalidate(groupId, ['group', 'members']);
      return presentFor(actor, member.group, member.row.userId);
    },
  };
}
