import { writeAudit, type Tx } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import * as repo from './sessions.repo.ts';
import type { SessionsContext } from './sessions.context.ts';
import type { CreateSessionBody, Session, UpdateSessionBody } from './sessions.schemas.ts';
import { SessionErrors } from './sessions.errors.ts';
import { localToInstant } from './recurrence.ts';
import { cancelReminders, rescheduleReminders } from './session-reminders.ts';

const MAX_LENGTH_MS = 12 * 60 * 60_000;

/** One-off sessions, and moving, renaming or cancelling a single session. */
export function createSessionChangeUseCases(ctx: SessionsContext) {
  const { db, now } = ctx;

  /** Loads a session the actor may manage, locked for the change. */
  async function lockManaged(tx: Tx, actor: Actor, sessionId: string) {
    const session = await repo.lockSession(tx, sessionId);
    if (!session) throw CommonErrors.notFound('That session');
    const { group } = await ctx.requireManager(actor, session.groupId);
    return { session, group };
  }

  return {
    async createOneOffSession(actor: Actor, groupId: string, body: CreateSessionBody): Promise<Session> {
      const { group } = await ctx.requireManager(actor, groupId);
      const startsAt = localToInstant(body.startLocal, body.timezone ?? group.timezone);
      if (startsAt <= now()) throw SessionErrors.inThePast('startLocal');
      const session = await db.transaction(async (tx) => {
        const session = await repo.insertSession(tx, { groupId, title: body.title ?? null, startsAt, endsAt: new Date(startsAt.getTime() + body.durationMinutes * 60_000) });
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'session.created', entityType: 'session', entityId: session.id, data: { groupId } });
        return session;
      });
      ctx.invalidate(groupId);
      return ctx.viewSession(actor, session.id);
    },

    /** Moving or renaming one occurrence detaches it, so regenerating its schedule leaves it where it was put. */
    async updateSession(actor: Actor, sessionId: string, body: UpdateSessionBody): Promise<Session> {
      await ctx.loadReadable(actor, sessionId);
      const groupId = await db.transaction(async (tx) => {
        const { session, group } = await lockManaged(tx, actor, sessionId);
        if (session.status === 'cancelled') throw SessionErrors.cancelled();
        if (session.endsAt <= now()) throw SessionErrors.ended();
        const startsAt = body.startsAt ? new Date(body.startsAt) : session.startsAt;
        const endsAt = body.endsAt ? new Date(body.endsAt) : body.startsAt ? new Date(startsAt.getTime() + (session.endsAt.getTime() - session.startsAt.getTime())) : session.endsAt;
        if (endsAt <= startsAt) throw SessionErrors.endsBeforeStart();
        if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) throw SessionErrors.tooLong();
        if (body.startsAt && startsAt <= now()) throw SessionErrors.inThePast();
        await repo.updateSession(tx, sessionId, { startsAt, endsAt, ...(body.title !== undefined ? { title: body.title } : {}), detached: 1 });
        if (ctx.notifier && startsAt.getTime() !== session.startsAt.getTime()) await rescheduleReminders(ctx.notifier, tx, { id: sessionId, groupId: group.id, startsAt }, group, now());
        await writeAudit(tx, {
          orgId: group.orgId,
          actorId: actor.userId,
          action: body.startsAt || body.endsAt ? 'session.moved' : 'session.renamed',
          entityType: 'session',
          entityId: sessionId,
          data: { from: session.startsAt.toISOString(), to: startsAt.toISOString() },
        });
        return group.id;
      });
      ctx.invalidate(groupId);
      return ctx.viewSession(actor, sessionId);
    },

    /**
     * A facilitator ends a live session now: its end moves to this moment, so its live room closes for everyone.
     * Only while it is under way (or about to start); the room and its history stay readable to the group.
     */
    async endSessionNow(actor: Actor, sessionId: string): Promise<Session> {
      await ctx.loadReadable(actor, sessionId);
      const groupId = await db.transaction(async (tx) => {
        const { session, group } = await lockManaged(tx, actor, sessionId);
        if (session.status === 'cancelled') throw SessionErrors.cancelled();
        const at = now();
        if (session.endsAt <= at) throw SessionErrors.ended();
        await repo.updateSession(tx, sessionId, { endsAt: at, ...(session.startsAt > at ? { startsAt: at } : {}), detached: 1 });
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'session.ended_early', entityType: 'session', entityId: sessionId, data: { plannedEnd: session.endsAt.toISOString() } });
        return group.id;
      });
      ctx.invalidate(groupId);
      return ctx.viewSession(actor, sessionId);
    },

    /** Cancelling keeps the row (status cancelled) so RSVPs, calendars and the group page can say so. */
    async cancelSession(actor: Actor, sessionId: string): Promise<Session> {
      await ctx.loadReadable(actor, sessionId);
      const groupId = await db.transaction(async (tx) => {
        const { session, group } = await lockManaged(tx, actor, sessionId);
        if (session.status === 'cancelled') return group.id;
        if (session.endsAt <= now()) throw SessionErrors.ended();
        await repo.updateSession(tx, sessionId, { status: 'cancelled', detached: 1 });
        if (ctx.notifier) await cancelReminders(ctx.notifier, tx, sessionId);
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'session.cancelled', entityType: 'session', entityId: sessionId });
        return group.id;
      });
      ctx.invalidate(groupId);
      return ctx.viewSession(actor, sessionId);
    },
  };
}
