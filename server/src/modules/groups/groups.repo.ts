import { and, eq } from 'drizzle-orm';
import { groupMembers, groups } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type GroupRow = typeof groups.$inferSelect;
export type GroupMemberRow = typeof groupMembers.$inferSelect;

export async function findGroup(db: DbOrTx, id: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id));
  return row ?? null;
}

export async function findMembership(db: DbOrTx, groupId: string, userId: string): Promise<GroupMemberRow | null> {
  const [row] = await db.select().from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return row ?? null;
}
