import type { Db } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { presentLocalTimes } from '../groups/index.ts';
import { MAX_AHEAD_MS } from './materialize.ts';
import * as repo from './private-sessions.repo.ts';
import type { MyPrivateSession, MyPrivateSessionsQuery } from './private-sessions.schemas.ts';

/** The participant's view: neutral title and time in their zone; the other participants stay out of it. */
function presentMine(row: repo.PrivateSessionRow, myRole: 'host' | 'guest', tz: string): MyPrivateSession {
  return {
    id: row.id,
    purpose: row.purpose,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    local: presentLocalTimes(row.startsAt, row.endsAt, tz),
    myRole,
    path: `/${row.purpose}`,
  };
}

/**
 * A person's own private sessions (supervision meetings) for their session lists and calendar page. Only
 * participants ever see one: to anyone else it does not exist (404), so its existence stays private.
 */
export function createMyPrivateSessionUseCases(ctx: { db: Db; now: () => Date }) {
  const { db, now } = ctx;

  return {
    /** My private sessions that have not ended yet (cancelled ones included, marked), soonest first, in my zone. */
    async listMyPrivateSessions(actor: Actor, query: MyPrivateSessionsQuery): Promise<MyPrivateSession[]> {
      const at = now();
      const rows = await repo.listPrivateSessionsOf(db, actor.userId, at, new Date(at.getTime() + MAX_AHEAD_MS), query.limit);
      const roles = new Map((await repo.listParticipants(db, rows.map((r) => r.id))).filter((p) => p.userId === actor.userId).map((p) => [p.sessionId, p.role]));
      return rows.map((row) => presentMine(row, roles.get(row.id) ?? 'guest', query.tz ?? actor.timezone));
    },

    /** One of my private sessions; 404 when I do not take part in it. */
    async getMyPrivateSession(actor: Actor, id: string, tz?: string): Promise<MyPrivateSession> {
      const [session, me] = await Promise.all([repo.findPrivateSession(db, id), repo.findParticipant(db, id, actor.userId)]);
      if (!session || !me) throw CommonErrors.notFound('That meeting');
      return presentMine(session, me.role, tz ?? actor.timezone);
    },
  };
}
