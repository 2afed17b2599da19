import type { Db } from '../../platform/db/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { GroupsService } from '../groups/index.ts';
import * as repo from './sessions.repo.ts';

export type SessionsService = ReturnType<typeof createSessionsService>;

/** The live room opens this long before a session starts. */
export const LIVE_ROOM_OPENS_BEFORE_MS = 15 * 60_000;

/** Meetings: schedules, occurrences, RSVPs, attendance and calendar feeds. */
export function createSessionsService(deps: { db: Db; hub: RealtimeHub; groups: GroupsService; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    findSession: (id: string) => repo.findSession(db, id),
    /** A session's live room is open from 15 minutes before the start to the end, unless cancelled. */
    isLiveRoomOpen(session: { startsAt: Date; endsAt: Date; status: string }, at = now()) {
      return session.status !== 'cancelled' && at.getTime() >= session.startsAt.getTime() - LIVE_ROOM_OPENS_BEFORE_MS && at < session.endsAt;
    },
  };
}
