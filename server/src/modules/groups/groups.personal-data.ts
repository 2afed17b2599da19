import { eq } from 'drizzle-orm';
import { groupMembers, groups } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';

/** The groups part of "export my data" and "delete my account" (the module's personal-data repo). */
export function createGroupsPersonalData(deps: { db: Db }): PersonalDataContributor {
  const { db } = deps;
  return {
    name: 'groups',
    async export(userId) {
      const memberships = await db
        .select({ groupId: groupMembers.groupId, group: groups.name, role: groupMembers.role, status: groupMembers.status, joinedAt: groupMembers.joinedAt, agreementsAcceptedAt: groupMembers.agreementsAcceptedAt })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(eq(groupMembers.userId, userId));
      const created = await db.select({ id: groups.id, name: groups.name, createdAt: groups.createdAt }).from(groups).where(eq(groups.createdBy, userId));
      return { memberships, groupsYouCreated: created };
    },
    async erase(tx: Tx, userId) {
      // A group the person started belongs to its members too; it stays, without its creator.
      await tx.update(groups).set({ createdBy: null }).where(eq(groups.createdBy, userId));
      await tx.delete(groupMembers).where(eq(groupMembers.userId, userId));
    },
  };
}
