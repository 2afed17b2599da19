import { groupMembers, groups } from '../../db/schema/index.ts';
import type { TestServer, TestUser } from '../server.ts';

let counter = 0;

/** Inserts a group directly (the forum tests do not depend on the groups module's API). */
export async function createGroupRow(t: TestServer, overrides: Partial<typeof groups.$inferInsert> = {}) {
  const [row] = await t.database.db
    .insert(groups)
    .values({ orgId: t.org.id, name: `Forum test group ${++counter}`, ...overrides })
    .returning();
  return row!;
}

/** Inserts a membership directly; `status` defaults to active. */
export async function addMemberRow(t: TestServer, groupId: string, user: TestUser, status: 'active' | 'requested' | 'invited' | 'declined' | 'left' = 'active') {
  const [row] = await t.database.db
    .insert(groupMembers)
    .values({ groupId, userId: user.id, status, joinedAt: status === 'active' ? new Date() : null })
    .returning();
  return row!;
}

/** A group with an active member and its (lazily created) board. */
export async function createGroupWithBoard(t: TestServer, member: TestUser) {
  const group = await createGroupRow(t);
  await addMemberRow(t, group.id, member);
  const res = await t.client(member).get(`/api/groups/${group.id}/board`);
  if (res.statusCode !== 200) throw new Error(`group board factory failed: ${res.body}`);
  return { group, board: res.json() as { id: string } };
}

/** A public board created by a fresh moderator. */
export async function createPublicBoard(t: TestServer, name = `Board ${++counter}`) {
  const moderator = await t.createUser('moderator');
  const res = await t.client(moderator).post('/api/forums/boards', { name, slug: `board-${Date.now()}-${++counter}` });
  if (res.statusCode !== 201) throw new Error(`board factory failed: ${res.body}`);
  return { moderator, board: res.json() as { id: string } };
}
