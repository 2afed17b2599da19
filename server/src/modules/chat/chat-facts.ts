import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './chat-facts.repo.ts';

/**
 * Read-only facts about chat rooms and one-to-one conversations for other modules (outcomes), so they never read the
 * chat tables themselves. main.ts creates it and passes it in; callers depend on the `ChatFacts` type only.
 */
export function createChatFacts({ db }: { db: DbOrTx }) {
  return {
    /** Peer supporters the member has an accepted (or since closed) one-to-one conversation with, and its status. */
    listSupportersOf: (memberId: string) => repo.listSupportersOf(db, memberId),
    /** Ids of the group's own room and of its sessions' rooms; `sessionIds` are the group's sessions (the sessions module's). */
    listGroupRoomIds: (groupId: string, sessionIds: string[]) => repo.listGroupRoomIds(db, groupId, sessionIds),
  };
}

export type ChatFacts = ReturnType<typeof createChatFacts>;
