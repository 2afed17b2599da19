import type { Db } from '../../platform/db/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import * as repo from './groups.repo.ts';

export type GroupsService = ReturnType<typeof createGroupsService>;

/** Groups and their memberships. */
export function createGroupsService(deps: { db: Db; hub: RealtimeHub }) {
  const { db } = deps;
  return {
    findGroup: (id: string) => repo.findGroup(db, id),
    /** The person's membership row (any status), or null. */
    findMembership: (groupId: string, userId: string) => repo.findMembership(db, groupId, userId),
    /** True when the person is an active member (any group role) of the group. */
    async isActiveMember(groupId: string, userId: string) {
      return (await repo.findMembership(db, groupId, userId))?.status === 'active';
    },
  };
}
