import type { Db, Tx } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Notify } from '../../platform/notify.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import * as repo from './groups.repo.ts';
import * as policy from './groups.policy.ts';
import { GroupErrors } from './groups.errors.ts';
import { presentGroupDetail, presentGroupSummary, type NextSession } from './groups.presenter.ts';
import type { CreateGroupBody, GroupDetail, ListGroupsQuery, UpdateGroupBody, Venue } from './groups.schemas.ts';
import { createMembershipUseCases } from './group-membership.ts';
import { registerGroupsRealtime } from './groups.realtime.ts';

export type GroupsService = ReturnType<typeof createGroupsService>;

/** Realtime room for a group's invalidations. */
export const groupRoom = (groupId: string) => `group:${groupId}`;

function venueColumns(venue: Venue | null | undefined) {
  if (venue === undefined) return {};
  return { venueName: venue?.name ?? null, venueAddress: venue?.address ?? null, venueLat: venue?.lat ?? null, venueLng: venue?.lng ?? null };
}

/** Groups and their memberships. */
/** Whether a person may lead groups (certified facilitators; training decides, wired in main.ts). */
export type CanLeadGroups = (who: { userId: string; orgId: string }) => Promise<boolean>;
/** Each group's next scheduled session that has not ended by `at` (the sessions module's port; wired in main.ts). */
export type ListNextSessions = (groupIds: string[], at: Date) => Promise<Map<string, NextSession>>;

export function createGroupsService(deps: { db: Db; hub: RealtimeHub; now?: () => Date; canLeadGroups?: CanLeadGroups; listNextSessions: ListNextSessions; notify?: Notify }) {
  const { db, hub } = deps;
  const now = deps.now ?? (() => new Date());
  // Chat reads the group and the membership for every message: these two are prepared once.
  const hot = repo.prepareHotReads(db);

  /** Tells open group pages to refetch; after commit, and never fatal. */
  const invalidate = (groupId: string, keys: string[]) => {
    void Promise.resolve(hub.publish(groupRoom(groupId), { type: 'invalidate', keys })).catch(() => {});
  };

  /** The group and the caller's membership, or a 404 when the caller may not see it. */
  async function getVisibleGroup(actor: Actor, groupId: string) {
    const group = await hot.findGroup(groupId);
    const membership = group ? await hot.findMembership(groupId, actor.userId) : null;
    if (!group || !policy.canViewGroup(actor, group, membership)) throw CommonErrors.notFound('That group');
    return { group, membership };
  }

  /** Adds each group's next session (one query for the whole page). */
  async function withNextSessions<T extends { group: { id: string } }>(rows: T[]) {
    const next = await deps.listNextSessions(rows.map((r) => r.group.id), now());
    return rows.map((r) => ({ ...r, next: next.get(r.group.id) ?? null }));
  }

  async function getGroupDetail(actor: Actor, groupId: string, viewerTz = actor.timezone): Promise<GroupDetail> {
    await getVisibleGroup(actor, groupId);
    const row = await repo.findGroupWithStats(db, groupId, { viewerId: actor.userId });
    if (!row) throw CommonErrors.notFound('That group');
    const [card] = await withNextSessions([row]);
    return presentGroupDetail(card!, actor, viewerTz, await repo.countRequests(db, groupId));
  }

  const membership = createMembershipUseCases({ db, now, getVisibleGroup, invalidate, canLeadGroups: deps.canLeadGroups, revokeLive: (r) => hub.revoke(r), notify: deps.notify });

  const service = {
    findGroup: hot.findGroup,
    /** The person's membership row (any status), or null. */
    findMembership: hot.findMembership,
    /** True when the person is an active member (any group role) of the group. */
    async isActiveMember(groupId: string, userId: string) {
      return (await hot.findMembership(groupId, userId))?.status === 'active';
    },
    /** Ids of the (not archived) groups a person actively belongs to. */
    listActiveGroupIds: (userId: string) => repo.listActiveGroupIds(db, userId),
    getVisibleGroup,
    /** Whether each person may see each group (the same rule as `getVisibleGroup`), in one statement: the websocket re-check. */
    async canViewGroups(checks: Array<{ actor: Actor; groupId: string }>): Promise<boolean[]> {
      const found = await repo.listGroupsWithMemberships(db, checks.map((c) => ({ groupId: c.groupId, userId: c.actor.userId })));
      return checks.map((c) => {
        const row = found.get(`${c.groupId}:${c.actor.userId}`);
        return !!row && policy.canViewGroup(c.actor, row.group, row.membership);
      });
    },
    getGroupDetail,
    groupRoom,
    invalidate,

    /**
     * Enrols people as active members on behalf of another module (cohort assignment by staff), in the caller's
     * transaction. The caller planned the numbers; people already active are left as they are.
     */
    async enrolMembers(tx: Tx, input: { orgId: string; groupId: string; userIds: string[]; actorId: string }): Promise<number> {
      let added = 0;
      for (const userId of input.userIds) {
        if ((await repo.findMembership(tx, input.groupId, userId))?.status === 'active') continue;
        await repo.upsertMembership(tx, { groupId: input.groupId, userId, role: 'member', status: 'active', joinedAt: now() });
        await writeAudit(tx, { orgId: input.orgId, actorId: input.actorId, action: 'group.member_enrolled', entityType: 'group', entityId: input.groupId, data: { userId } });
        added++;
      }
      return added;
    },

    /** Discovery: open and request-to-join groups, filtered, with distance when searching near a point. */
    async listGroups(actor: Actor, query: ListGroupsQuery) {
      const rows = await withNextSessions(await repo.listDiscoverableGroups(db, { ...query, orgId: actor.orgId }, { viewerId: actor.userId }));
      return rows.map((r) => presentGroupSummary(r, actor, query.tz ?? actor.timezone));
    },

    /** Groups I belong to, have asked to join, or am invited to. */
    async listMyGroups(actor: Actor, viewerTz = actor.timezone) {
      const rows = await withNextSessions((await repo.listMyGroups(db, { viewerId: actor.userId })).filter((r) => r.group.orgId === actor.orgId));
      return rows.map((r) => presentGroupSummary(r, actor, viewerTz));
    },

    /** A facilitator starts a group and becomes its facilitator member. */
    async createGroup(actor: Actor, body: CreateGroupBody): Promise<GroupDetail> {
      if (!policy.canCreateGroup(actor)) throw CommonErrors.forbidden();
      // Starting a group makes you its facilitator, so it needs the facilitator certificate (unless switched off).
      if (deps.canLeadGroups && !(await deps.canLeadGroups(actor))) throw GroupErrors.certificateRequired();
      const { venue, ...fields } = body;
      const group = await db.transaction(async (tx) => {
        const group = await repo.insertGroup(tx, { ...fields, ...venueColumns(fields.format === 'online' ? null : venue), orgId: actor.orgId, createdBy: actor.userId });
        await repo.upsertMembership(tx, { groupId: group.id, userId: actor.userId, role: 'facilitator', status: 'active', joinedAt: now(), agreementsAcceptedAt: now() });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'group.created', entityType: 'group', entityId: group.id, data: { visibility: group.visibility, format: group.format } });
        return group;
      });
      return getGroupDetail(actor, group.id);
    },

    async updateGroup(actor: Actor, groupId: string, body: UpdateGroupBody): Promise<GroupDetail> {
      await db.transaction(async (tx) => {
        const group = await repo.lockGroup(tx, groupId);
        const m = group ? await repo.findMembership(tx, groupId, actor.userId) : null;
        if (!group || !policy.canViewGroup(actor, group, m)) throw CommonErrors.notFound('That group');
        if (group.archivedAt) throw GroupErrors.archived();
        if (!policy.canEditGroup(actor, group, m)) throw CommonErrors.forbidden();
        const { venue, ...fields } = body;
        const format = fields.format ?? group.format;
        const hasVenue = venue !== undefined ? venue !== null : group.venueName !== null;
        if (format !== 'online' && !hasVenue) throw GroupErrors.venueRequired();
        await repo.updateGroup(tx, groupId, { ...fields, ...venueColumns(format === 'online' ? null : venue) });
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'group.updated', entityType: 'group', entityId: groupId, data: { fields: Object.keys(body) } });
      });
      invalidate(groupId, ['group']);
      return getGroupDetail(actor, groupId);
    },

    /** Archiving hides the group from discovery and stops changes; members keep read access to its history. */
    async archiveGroup(actor: Actor, groupId: string): Promise<GroupDetail> {
      await db.transaction(async (tx) => {
        const group = await repo.lockGroup(tx, groupId);
        const m = group ? await repo.findMembership(tx, groupId, actor.userId) : null;
        if (!group || !policy.canViewGroup(actor, group, m)) throw CommonErrors.notFound('That group');
        if (group.archivedAt) throw GroupErrors.archived();
        if (!policy.canArchiveGroup(actor, group, m)) throw CommonErrors.forbidden();
        await repo.updateGroup(tx, groupId, { archivedAt: now() });
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'group.archived', entityType: 'group', entityId: groupId });
      });
      invalidate(groupId, ['group']);
      return getGroupDetail(actor, groupId);
    },

    ...membership,
  };
  registerGroupsRealtime(hub, service);
  return service;
}
