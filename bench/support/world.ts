/**
 * Builds a bench world straight in the database: an organization, groups with their chat rooms, members and signed-in
 * sessions. Inserting sessions directly skips argon2 (thousands of sign-ins would measure password hashing, not chat).
 */
import { authSessions, groupMembers, groups, orgs, rooms, users } from '../../server/src/db/schema/index.ts';
import type { Db } from '../../server/src/platform/db/index.ts';
import { createToken, hashToken } from '../../server/src/platform/crypto/index.ts';

export type BenchMember = { userId: string; cookie: string; csrfToken: string };
export type BenchRoom = { roomId: string; members: BenchMember[] };

export async function createChatWorld(db: Db, options: { rooms: number; membersPerRoom: number; tag?: string; role?: 'member' | 'peer_supporter' }): Promise<BenchRoom[]> {
  const tag = options.tag ?? `b${Date.now().toString(36)}`;
  const [org] = await db.insert(orgs).values({ name: `Bench ${tag}`, slug: `bench-${tag}` }).returning();
  const result: BenchRoom[] = [];
  for (let r = 0; r < options.rooms; r++) {
    const [group] = await db.insert(groups).values({ orgId: org!.id, name: `Bench group ${r}` }).returning();
    const [room] = await db.insert(rooms).values({ orgId: org!.id, kind: 'group', groupId: group!.id }).returning();
    const people = await db
      .insert(users)
      .values(Array.from({ length: options.membersPerRoom }, (_, m) => ({
        orgId: org!.id,
        pseudonym: `${tag}r${r}m${m}`,
        passwordHash: 'bench: no password sign-in',
        displayName: `Bench ${r}.${m}`,
        role: options.role ?? 'member',
        onboardedAt: new Date(),
      })))
      .returning();
    await db.insert(groupMembers).values(people.map((p) => ({ groupId: group!.id, userId: p.id, status: 'active' as const, joinedAt: new Date() })));
    const members = people.map((p) => ({ userId: p.id, cookie: createToken(), csrfToken: createToken(24) }));
    await db.insert(authSessions).values(members.map((m) => ({ userId: m.userId, tokenHash: hashToken(m.cookie), csrfToken: m.csrfToken, expiresAt: new Date(Date.now() + 86_400_000) })));
    result.push({ roomId: room!.id, members });
  }
  return result;
}
