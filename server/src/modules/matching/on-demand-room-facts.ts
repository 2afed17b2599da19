import type { Db } from '../../platform/db/index.ts';
import * as repo from './on-demand-room-facts.repo.ts';
import { TOPIC_LABELS, type Topic } from './text-model/index.ts';

/** What chat needs to know about an on-demand room for one person: the same answer as the service's `findRoomFacts`. */
export type OnDemandRoomFactsRow = { participant: boolean; open: boolean; title: string };

/**
 * `findRoomFacts` for many (chat room, person) pairs in one statement, read fresh every time (the chat post path asks
 * once per batch of posts, so a room closing or a member leaving stops the very next message). Keyed `chatRoom:user`;
 * a chat room that is not an on-demand room is missing.
 */
export function createOnDemandRoomFacts({ db }: { db: Db }) {
  return {
    async listRoomFacts(pairs: Array<{ roomId: string; userId: string }>): Promise<Map<string, OnDemandRoomFactsRow>> {
      const found = await repo.listOnDemandRoomFacts(db, pairs);
      return new Map([...found].map(([key, r]) => [key, {
        participant: r.participant,
        open: r.status === 'open',
        title: `Small group · ${TOPIC_LABELS[r.topic as Topic] ?? r.topic}`,
      }]));
    },
  };
}
