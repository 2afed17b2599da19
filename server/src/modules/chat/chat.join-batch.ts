import type { Actor } from '../../platform/http/actor.ts';
import { canReadRoom, type MembershipFacts, type RoomFacts } from './chat.policy.ts';
import * as repo from './chat.repo.ts';
import type { ChatDeps, RoomAccess } from './chat.rooms.ts';

/** On-demand rooms' facts read at the same time by one batch, when matching offers no batch read. */
const PER_PERSON_CONCURRENCY = 4;

/** What the re-check needs of a session: its group, its times and whether it was cancelled. */
type SessionRow = { groupId: string; startsAt: Date; endsAt: Date; status: 'scheduled' | 'cancelled' };

/**
 * `canJoinRoom` for many people and rooms at once, with the same answers: the websocket's periodic re-check asks it
 * for every subscription on a node. One statement per kind of fact: the group facts (group and session rooms), the
 * sessions (the sessions module's `findSessions`), the direct rooms' conversations, and the on-demand rooms (the
 * matching module's `listRoomFacts`). Room rows come from the node's copy (they never change). Without the on-demand
 * port (a test wiring) on-demand rooms are read per person, as joining does.
 */
export function createJoinBatch(deps: ChatDeps, access: RoomAccess) {
  const { db, sessions, now } = deps;

  /** Sessions by id: one statement through the sessions module's read port. */
  async function readSessions(ids: string[]): Promise<Map<string, SessionRow | null>> {
    if (ids.length === 0) return new Map();
    return deps.sessionFacts.findSessions(ids);
  }

  return async function canJoinRooms(checks: Array<{ actor: Actor; roomId: string }>): Promise<boolean[]> {
    if (checks.length === 0) return [];
    const roomIds = [...new Set(checks.map((c) => c.roomId))];
    const rooms = new Map(await Promise.all(roomIds.map(async (id) => [id, await access.findKnownRoom(id)] as const)));

    const sessionIds = [...new Set([...rooms.values()].flatMap((r) => (r?.kind === 'session' && r.sessionId ? [r.sessionId] : [])))];
    const sessionRows = await readSessions(sessionIds);
    const groupOf = (room: repo.RoomRow) => (room.kind === 'group' ? room.groupId : room.kind === 'session' && room.sessionId ? (sessionRows.get(room.sessionId)?.groupId ?? null) : null);

    const factPairs = checks.flatMap((c) => {
      const room = rooms.get(c.roomId);
      const groupId = room && groupOf(room);
      return groupId ? [{ groupId, userId: c.actor.userId }] : [];
    });
    const directIds = roomIds.filter((id) => rooms.get(id)?.kind === 'direct');
    const listOnDemand = deps.onDemand?.listRoomFacts;
    const onDemandPairs = listOnDemand ? checks.filter((c) => rooms.get(c.roomId)?.kind === 'on_demand').map((c) => ({ roomId: c.roomId, userId: c.actor.userId })) : [];
    const [facts, conversations, onDemandFacts] = await Promise.all([
      factPairs.length ? repo.listGroupPostingFacts(db, factPairs) : new Map<string, repo.GroupPostingFacts>(),
      directIds.length ? repo.listConversationsByRooms(db, directIds) : new Map<string, repo.ConversationWithPeople>(),
      listOnDemand && onDemandPairs.length ? listOnDemand(onDemandPairs) : null,
    ]);
    const at = now();

    async function factsOf(actor: Actor, room: repo.RoomRow): Promise<RoomFacts | null> {
      if (room.kind === 'group' && room.groupId) {
        const found = facts.get(`${room.groupId}:${actor.userId}`);
        return found ? { kind: 'group', membership: found.membership as MembershipFacts, groupArchived: found.archivedAt !== null } : null;
      }
      if (room.kind === 'session' && room.sessionId) {
        const session = sessionRows.get(room.sessionId);
        const found = session && facts.get(`${session.groupId}:${actor.userId}`);
        if (!session || !found) return null;
        return {
          kind: 'session',
          membership: found.membership as MembershipFacts,
          groupArchived: found.archivedAt !== null,
          open: sessions.isLiveRoomOpen(session, at),
          ended: at >= session.endsAt,
          cancelled: session.status === 'cancelled',
        };
      }
      if (room.kind === 'direct') return { kind: 'direct', conversation: conversations.get(room.id) ?? null };
      if (room.kind === 'on_demand' && deps.onDemand) {
        const found = onDemandFacts ? onDemandFacts.get(`${room.id}:${actor.userId}`) : await deps.onDemand.findRoomFacts(room.id, actor.userId);
        return found ? { kind: 'on_demand', participant: found.participant, open: found.open } : null;
      }
      return null;
    }

    // At most a few at a time: on-demand rooms read per person when matching offers no batch read, and they must not take every connection.
    const answers = new Array<boolean>(checks.length).fill(false);
    let next = 0;
    const worker = async () => {
      while (next < checks.length) {
        const i = next++;
        const c = checks[i]!;
        const room = rooms.get(c.roomId);
        const roomFacts = room ? await factsOf(c.actor, room) : null;
        answers[i] = roomFacts !== null && canReadRoom(c.actor, roomFacts);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PER_PERSON_CONCURRENCY, checks.length) }, worker));
    return answers;
  };
}
