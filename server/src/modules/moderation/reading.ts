import type { ModerationContext } from './moderation.context.ts';
import { promoteIfEarned } from './promotion.ts';
import * as standingRepo from './standing.repo.ts';

/** A chat room or a forum thread someone was shown posts in. */
export type ReadPlace = { kind: 'room' | 'thread'; id: string };
/** A post as delivered to the reader (its author and when it was written). */
export type ReadItem = { authorId: string | null; createdAt: string | Date; hidden?: boolean; deleted?: boolean };

/**
 * "Posts read", counted by the server from what chat and forums actually delivered to a reader (history pages and
 * thread pages), rather than reported by the app. Each post counts once: a read mark per place moves forward only,
 * so reloading a page or paging back to older posts adds nothing. The reader's own posts, hidden posts and deleted
 * ones do not count.
 */
export function createReadingUseCases(ctx: ModerationContext) {
  const { db } = ctx;

  return {
    /** Called by chat and forums (wired in main.ts) after a member was shown a page of posts. Returns the posts counted. */
    async recordReading(reader: { userId: string; orgId: string }, place: ReadPlace, items: ReadItem[]): Promise<number> {
      if (items.length === 0) return 0;
      const times = items.map((i) => ({ ...i, at: new Date(i.createdAt) }));
      const newest = new Date(Math.max(...times.map((i) => i.at.getTime())));
      const counted = await db.transaction(async (tx) => {
        const mark = await standingRepo.lockReadMark(tx, reader.userId, place.kind, place.id);
        const fresh = times.filter((i) => (mark === null || i.at > mark) && i.authorId !== null && i.authorId !== reader.userId && !i.hidden && !i.deleted).length;
        if (mark === null || newest > mark) await standingRepo.advanceReadMark(tx, { orgId: reader.orgId, userId: reader.userId, placeKind: place.kind, placeId: place.id, readUpTo: newest });
        if (fresh > 0) {
          await standingRepo.ensureStanding(tx, reader.orgId, reader.userId);
          await standingRepo.addPostsRead(tx, reader.userId, fresh);
        }
        return fresh;
      });
      if (counted > 0) await promoteIfEarned(ctx, reader);
      return counted;
    },
  };
}
