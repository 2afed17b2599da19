import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './session-facts.repo.ts';
import { listSessionPostingFacts } from './session-posting-facts.repo.ts';

/**
 * Read-only facts about sessions and attendance for other modules (analytics, outcomes, matching), so they never read
 * the sessions tables themselves. main.ts creates it and passes it in; callers depend on the `SessionFacts` type only.
 */
export function createSessionFacts({ db }: { db: DbOrTx }) {
  return {
    /** Scheduled sessions of these groups starting in the window, with how many different people attended each. */
    listSessionAttendance: (groupIds: string[], since: Date, until: Date) => repo.listSessionAttendance(db, groupIds, since, until),
    /** Who attended which group's session and when it started (retention, active members). */
    listGroupAttendance: (groupIds: string[]) => repo.listGroupAttendance(db, groupIds),
    /** A session's group and times with whether the person attended it; null when there is no such session. */
    findSessionWithAttendance: (sessionId: string, userId: string) => repo.findSessionWithAttendance(db, sessionId, userId),
    /** The latest session the person attended that ended between `since` and `until`. */
    findLatestAttendedSession: (userId: string, since: Date, until: Date) => repo.findLatestAttendedSession(db, userId, since, until),
    /** Start times of the sessions the person attended, oldest first. */
    listAttendedSessionStarts: (userId: string) => repo.listAttendedSessionStarts(db, userId),
    /** Many sessions' group, times and status by id, read together (chat's live-access re-check); missing ids are absent. */
    async findSessions(sessionIds: string[]): Promise<Map<string, SessionBrief>> {
      return new Map((await repo.listSessionsByIds(db, [...new Set(sessionIds)])).map((s) => [s.id, s]));
    },
    /** Chat's post path: each (session, person) pair's session, group and membership, fresh, in one statement per batch. */
    listPostingFacts: (pairs: Array<{ sessionId: string; userId: string }>) => listSessionPostingFacts(db, pairs),
    /** Ids of every session of these groups, to key other modules' per-session data (feedback, session rooms). */
    listGroupSessionIds: (groupIds: string[]) => repo.listGroupSessionIds(db, groupIds),
    /** Each group's next scheduled session that has not ended by `at` (group cards); groups without one are absent. */
    async listNextSessions(groupIds: string[], at: Date): Promise<Map<string, { id: string; startsAt: Date; endsAt: Date }>> {
      return new Map((await repo.listNextSessions(db, groupIds, at)).map(({ groupId, ...next }) => [groupId, next]));
    },
    /** Each group's next scheduled starts in the window (at most `perGroup`), soonest first; groups without any are absent. */
    async listUpcomingStarts(groupIds: string[], from: Date, until: Date, perGroup = 4): Promise<Map<string, Date[]>> {
      const out = new Map<string, Date[]>();
      for (const r of await repo.listUpcomingStarts(db, groupIds, from, until, perGroup)) out.set(r.groupId, [...(out.get(r.groupId) ?? []), r.startsAt]);
      return out;
    },
  };
}

export type SessionFacts = ReturnType<typeof createSessionFacts>;

/** A session's group, times and status: what decides whether its live room is open. */
export type SessionBrief = { id: string; groupId: string; startsAt: Date; endsAt: Date; status: 'scheduled' | 'cancelled' };
