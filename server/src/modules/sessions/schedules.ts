import { writeAudit } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import * as repo from './sessions.repo.ts';
import type { SessionsContext } from './sessions.context.ts';
import type { CreateScheduleBody, Schedule, UpdateScheduleBody } from './sessions.schemas.ts';
import { presentSchedule } from './sessions.presenter.ts';
import { SessionErrors } from './sessions.errors.ts';
import { expandOccurrences, normalizeRrule } from './recurrence.ts';
import { HORIZON_MS, MAX_AHEAD_MS } from './materialize.ts';

/** Recurring schedules: a rule in the group's time zone, materialized into sessions for a rolling horizon. */
export function createScheduleUseCases(ctx: SessionsContext) {
  const { db, now, materializer } = ctx;

  /** A rule with no start in the next year would silently do nothing; tell the facilitator instead. */
  function assertHasUpcoming(rec: { rrule: string; startLocal: string; timezone: string; durationMinutes: number }) {
    const at = now();
    if (expandOccurrences(rec, at, new Date(at.getTime() + MAX_AHEAD_MS)).length === 0) throw SessionErrors.noOccurrences();
  }

  async function getManagedSchedule(actor: Actor, scheduleId: string) {
    const schedule = await repo.findSchedule(db, scheduleId);
    if (!schedule || schedule.archivedAt) throw CommonErrors.notFound('That schedule');
    const { group } = await ctx.requireManager(actor, schedule.groupId);
    return { schedule, group };
  }

  return {
    async createSchedule(actor: Actor, groupId: string, body: CreateScheduleBody): Promise<Schedule> {
      const { group } = await ctx.requireManager(actor, groupId);
      const values = {
        groupId,
        title: body.title ?? null,
        rrule: normalizeRrule(body.rrule)!,
        startLocal: body.startLocal,
        timezone: body.timezone ?? group.timezone,
        durationMinutes: body.durationMinutes,
      };
      assertHasUpcoming(values);
      const schedule = await db.transaction(async (tx) => {
        const schedule = await repo.insertSchedule(tx, values);
        const created = await materializer.materializeSchedule(tx, schedule, new Date(now().getTime() + HORIZON_MS));
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'schedule.created', entityType: 'schedule', entityId: schedule.id, data: { groupId, rrule: schedule.rrule, sessionsCreated: created } });
        return schedule;
      });
      materializer.forget(groupId);
      ctx.invalidate(groupId);
      return presentSchedule(schedule);
    },

    async listSchedules(actor: Actor, groupId: string): Promise<Schedule[]> {
      await ctx.groups.getVisibleGroup(actor, groupId);
      return (await repo.listSchedules(db, groupId)).map(presentSchedule);
    },

    /** Changes apply to future occurrences nobody changed by hand; past and detached ones stay as they were. */
    async updateSchedule(actor: Actor, scheduleId: string, body: UpdateScheduleBody): Promise<Schedule> {
      const { schedule, group } = await getManagedSchedule(actor, scheduleId);
      const values = {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.rrule !== undefined ? { rrule: normalizeRrule(body.rrule)! } : {}),
        ...(body.startLocal !== undefined ? { startLocal: body.startLocal } : {}),
        ...(body.timezone !== undefined ? { timezone: body.timezone } : {}),
        ...(body.durationMinutes !== undefined ? { durationMinutes: body.durationMinutes } : {}),
      };
      assertHasUpcoming({ ...schedule, ...values });
      const updated = await db.transaction(async (tx) => {
        const updated = await repo.updateSchedule(tx, scheduleId, values);
        await materializer.resyncSchedule(tx, updated);
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'schedule.updated', entityType: 'schedule', entityId: scheduleId, data: { fields: Object.keys(body) } });
        return updated;
      });
      ctx.invalidate(group.id);
      return presentSchedule(updated);
    },

    /** Ends a series: its future sessions are cancelled (so calendars show the cancellation), past ones kept. */
    async deleteSchedule(actor: Actor, scheduleId: string): Promise<void> {
      const { group } = await getManagedSchedule(actor, scheduleId);
      await db.transaction(async (tx) => {
        await repo.updateSchedule(tx, scheduleId, { archivedAt: now() });
        const cancelled = await repo.cancelFutureOccurrences(tx, scheduleId, now());
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'schedule.ended', entityType: 'schedule', entityId: scheduleId, data: { sessionsCancelled: cancelled } });
      });
      materializer.forget(group.id);
      ctx.invalidate(group.id);
    },
  };
}
