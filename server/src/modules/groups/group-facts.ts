import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './groups.repo.ts';

/**
 * Read-only facts about groups and memberships for other modules (analytics, outcomes), so they never read the
 * groups tables themselves. main.ts creates it and passes it in; callers depend on the `GroupFacts` type only.
 */
export function createGroupFacts({ db }: { db: DbOrTx }) {
  return {
    /** The organization's groups (archived ones too), by name. */
    listOrgGroups: (orgId: string) => repo.listOrgGroups(db, orgId),
    /** Groups the person leads (facilitator or co-facilitator, active). */
    listLedGroupIds: (userId: string) => repo.listLedGroupIds(db, userId),
    /** Members who joined (active or since left) and when; leaders are not counted as members. */
    listMemberJoins: (groupIds: string[]) => repo.listMemberJoins(db, groupIds),
    /** The group's organization and the person's membership status there (null status: not a member). */
    findMembership: (groupId: string, userId: string) => repo.findMembershipFacts(db, groupId, userId),
  };
}

export type GroupFacts = ReturnType<typeof createGroupFacts>;
