import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { groupsPolicy } from '../groups/index.ts';
import * as repo from './sessions.repo.ts';
import { createSessionsContext, type SessionsDeps } from './sessions.context.ts';
import { presentSession } from './sessions.presenter.ts';
import type { ListSessionsQuery, RsvpBody, Session } from './sessions.schemas.ts';
import { SessionErrors } from './sessions.errors.ts';
import { isLiveRoomOpen } from './sessions.policy.ts';
import { MAX_AHEAD_MS } from './materialize.ts';
import { createScheduleUseCases } from './schedules.ts';
import { createSessionChangeUseCases } from './session-changes.ts';
import { createAttendanceUseCases } from './attendance.ts';
import { createCalendarUseCases } from './calendar.ts';
import { createPrivateSessionUseCases, isPrivateReminderStillDue } from './private-sessions.ts';
import { createMyPrivateSessionUseCases } from './my-private-sessions.ts';
import { cancelReminders, isReminderStillDue, scheduleReminders } from './session-reminders.ts';
import type { NotificationInput } from '../../platform/notify.ts';

export { LIVE_ROOM_OPENS_BEFORE_MS } from './sessions.policy.ts';

export type SessionsService = ReturnType<typeof createSessionsService>;

const DEFAULT_RANGE_MS = 28 * 86_400_000;
const HORIZON_TIMER_MS = 6 * 60 * 60_000;

/** Meetings: schedules, occurrences, RSVPs, attendance and calendar feeds. */
export function createSessionsService(deps: SessionsDeps) {
  const ctx = createSessionsContext(deps);
  const { db, now, groups, materializer } = ctx;

  return {
    findSession: (id: string) => repo.findSession(db, id),
    /** Sessions a person attended and on which days: an activity source for their private rewards journey. */
    countAttendedSessions: (userId: string) => repo.listAttendedDays(db, userId),
    /** A session's live room is open from 15 minutes before the start to the end, unless cancelled. */
    isLiveRoomOpen(session: { startsAt: Date; endsAt: Date; status: string }, at = now()) {
      return isLiveRoomOpen(session, at);
    },

    ...createScheduleUseCases(ctx),
    ...createSessionChangeUseCases(ctx),
    ...createAttendanceUseCases(ctx),
    ...createCalendarUseCases(ctx),
    ...createPrivateSessionUseCases(ctx),
    ...createMyPrivateSessionUseCases(ctx),

    getSession: (actor: Actor, sessionId: string, tz?: string) => ctx.viewSession(actor, sessionId, tz),

    /** A group's sessions between two instants (default: the next four weeks), extending the horizon if needed. */
    async listGroupSessions(actor: Actor, groupId: string, query: ListSessionsQuery): Promise<Session[]> {
      await groups.getVisibleGroup(actor, groupId);
      const at = now();
      const from = query.from ? new Date(query.from) : at;
      const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_RANGE_MS);
      if (to <= from || to.getTime() > at.getTime() + MAX_AHEAD_MS) throw SessionErrors.badRange();
      await materializer.ensureHorizon([groupId], to);
      const views = await repo.listSessionViews(db, { viewerId: actor.userId, where: repo.where.groupBetween(groupId, from, to), limit: 500 });
      return views.map((v) => presentSession(v, actor, query.tz ?? actor.timezone, at));
    },

    /** Sessions of my groups that have not ended yet, soonest first, in my time zone. */
    async listUpcomingSessions(actor: Actor, opts: { tz?: string; limit: number }): Promise<Session[]> {
      const groupIds = await groups.listActiveGroupIds(actor.userId);
      await materializer.ensureHorizon(groupIds);
      const at = now();
      const views = await repo.listSessionViews(db, {
        viewerId: actor.userId,
        where: repo.where.groupsBetween(groupIds, at, new Date(at.getTime() + MAX_AHEAD_MS)),
        limit: opts.limit,
      });
      return views.map((v) => presentSession(v, actor, opts.tz ?? actor.timezone, at));
    },

    /** Members answer going or not going; "going" respects the group's capacity. */
    async setRsvp(actor: Actor, sessionId: string, body: RsvpBody): Promise<Session> {
      const { view, membership } = await ctx.loadReadable(actor, sessionId);
      if (!groupsPolicy.isActive(membership) || view.group.archivedAt) throw SessionErrors.membersOnly();
      await db.transaction(async (tx) => {
        const session = (await repo.lockSession(tx, sessionId))!;
        if (session.status === 'cancelled') throw SessionErrors.cancelled();
        if (session.endsAt <= now()) throw SessionErrors.ended();
        const current = await repo.findRsvp(tx, sessionId, actor.userId);
        if (current?.status === body.status) return;
        const capacity = view.group.capacity;
        if (body.status === 'going' && capacity !== null && (await repo.countGoing(tx, sessionId)) >= capacity) throw SessionErrors.full();
        await repo.upsertRsvp(tx, sessionId, actor.userId, body.status);
        if (ctx.notifier && body.status === 'going') await scheduleReminders(ctx.notifier, tx, session, view.group, actor.userId, now());
        if (ctx.notifier && body.status === 'not_going') await cancelReminders(ctx.notifier, tx, sessionId, actor.userId);
        await writeAudit(tx, { orgId: view.group.orgId, actorId: actor.userId, action: 'session.rsvp_set', entityType: 'session', entityId: sessionId, data: { status: body.status } });
      });
      ctx.invalidate(view.group.id);
      return ctx.viewSession(actor, sessionId);
    },

    /** Whether a session reminder that just came due still applies (the notifications module asks; wired in main.ts). */
    async isReminderStillDue(input: NotificationInput): Promise<boolean> {
      if (input.params?.privateSessionId !== undefined) return isPrivateReminderStillDue(db, input);
      const session = await repo.findSession(db, String(input.params?.sessionId ?? ''));
      return Boolean(session) && (await isReminderStillDue(db, input)) && (await groups.isActiveMember(session!.groupId, input.userId));
    },

    /** Extends every live schedule to the horizon (idempotent); run by the timer and callable by a job. */
    extendHorizons: () => materializer.extendAll(),

    /** Keeps the horizon rolling while the server runs; returns a stop function. Failures wait for the next tick. */
    startHorizonTimer(onError: (err: unknown) => void = () => {}) {
      const tick = () => void materializer.extendAll().catch(onError);
      tick();
      const timer = setInterval(tick, HORIZON_TIMER_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
