import type { Db, DbOrTx } from '../../platform/db/index.ts';
import * as repo from './sessions.repo.ts';
import { expandOccurrences } from './recurrence.ts';

/** Occurrences of a schedule exist as session rows this far ahead. */
export const HORIZON_MS = 12 * 7 * 86_400_000;
/** The furthest ahead anyone can list (and so materialize). */
export const MAX_AHEAD_MS = 366 * 86_400_000;
/** How long a group's horizon counts as fresh before a listing extends it again. */
const FRESH_MS = 60 * 60_000;

/**
 * Keeps schedules materialized into session rows for a rolling horizon. Inserting is idempotent (unique
 * schedule_id + occurrence_local, ON CONFLICT DO NOTHING), and detached occurrences (moved or cancelled by hand)
 * are never touched again.
 */
export function createMaterializer(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;
  const fresh = new Map<string, { at: number; until: number }>();

  /** Inserts the schedule's missing occurrences between now (or its start) and `until`. */
  async function materializeSchedule(tx: DbOrTx, schedule: repo.ScheduleRow, until: Date): Promise<number> {
    const occurrences = expandOccurrences(schedule, now(), until);
    return repo.insertOccurrences(
      tx,
      occurrences.map((o) => ({ groupId: schedule.groupId, scheduleId: schedule.id, occurrenceLocal: o.occurrenceLocal, title: schedule.title, startsAt: o.startsAt, endsAt: o.endsAt })),
    );
  }

  /**
   * After a schedule changes: future untouched occurrences that still fit the rule get the new times and title,
   * the ones that no longer fit are removed, and the missing ones are added.
   */
  async function resyncSchedule(tx: DbOrTx, schedule: repo.ScheduleRow): Promise<void> {
    const until = new Date(now().getTime() + HORIZON_MS);
    const wanted = new Map(expandOccurrences(schedule, now(), until).map((o) => [o.occurrenceLocal, o]));
    const existing = await repo.listRegenerableOccurrences(tx, schedule.id, now());
    const stale: string[] = [];
    for (const row of existing) {
      const o = row.occurrenceLocal ? wanted.get(row.occurrenceLocal) : undefined;
      if (!o) stale.push(row.id);
      else if (o.startsAt.getTime() !== row.startsAt.getTime() || o.endsAt.getTime() !== row.endsAt.getTime() || row.title !== schedule.title) {
        await repo.updateSession(tx, row.id, { startsAt: o.startsAt, endsAt: o.endsAt, title: schedule.title });
      }
    }
    await repo.deleteSessions(tx, stale);
    // A moved or cancelled occurrence still stands for its day: re-key it to the new rule's start on that day,
    // so a new time of day does not bring back a meeting that was cancelled, or double one that was moved.
    const byDate = new Map([...wanted.keys()].map((key) => [key.slice(0, 10), key]));
    for (const row of await repo.listDetachedOccurrences(tx, schedule.id, now())) {
      const key = row.occurrenceLocal ? byDate.get(row.occurrenceLocal.slice(0, 10)) : undefined;
      if (key && key !== row.occurrenceLocal) await repo.updateSession(tx, row.id, { occurrenceLocal: key });
    }
    await materializeSchedule(tx, schedule, until);
    fresh.delete(schedule.groupId);
  }

  /** Makes sure the groups' schedules are materialized at least up to `until` (capped a year ahead). */
  async function ensureHorizon(groupIds: string[], until = new Date(now().getTime() + HORIZON_MS)): Promise<void> {
    const at = now().getTime();
    const target = Math.min(Math.max(until.getTime(), at + HORIZON_MS), at + MAX_AHEAD_MS);
    const stale = groupIds.filter((id) => {
      const f = fresh.get(id);
      return !f || at - f.at > FRESH_MS || f.until < target || f.at > at;
    });
    if (stale.length === 0) return;
    for (const schedule of await repo.listLiveSchedules(db, stale)) await materializeSchedule(db, schedule, new Date(target));
    for (const id of stale) fresh.set(id, { at, until: target });
  }

  /** The timer's job: extend every live schedule to the horizon. */
  async function extendAll(): Promise<number> {
    const until = new Date(now().getTime() + HORIZON_MS);
    let inserted = 0;
    for (const schedule of await repo.listLiveSchedules(db)) inserted += await materializeSchedule(db, schedule, until);
    return inserted;
  }

  return { materializeSchedule, resyncSchedule, ensureHorizon, extendAll, forget: (groupId: string) => fresh.delete(groupId) };
}

export type Materializer = ReturnType<typeof createMaterializer>;
