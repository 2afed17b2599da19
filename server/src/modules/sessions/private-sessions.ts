import type { Db, DbOrTx, Tx } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { IcsEvent } from './ics.ts';
import * as repo from './private-sessions.repo.ts';
import { SessionErrors } from './sessions.errors.ts';

const MAX_LENGTH_MS = 12 * 60 * 60_000;

/** Reminders for a private session: a day before and an hour before, for every participant. */
export const PRIVATE_REMINDER_SLOTS = [
  { slot: '24h', beforeMs: 24 * 60 * 60_000 },
  { slot: '1h', beforeMs: 60 * 60_000 },
] as const;

/** What the owning module asks for: who, when, and a neutral title (never notes or names). */
export type SchedulePrivateSession = {
  orgId: string;
  /** The host who arranges it (e.g. the supervisor); also a participant. */
  organizerId: string;
  guestIds: string[];
  /** The module it serves; also the in-app page reminders and calendars link to (`/<purpose>`). */
  purpose: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
};

export type PrivateSession = { id: string; purpose: string; title: string; startsAt: Date; endsAt: Date; status: 'scheduled' | 'cancelled'; hostIds: string[]; guestIds: string[] };

const keyPrefix = (id: string) => `private-session:${id}:`;
const pathOf = (purpose: string) => `/${purpose}`;

/**
 * Private sessions: meetings between named participants that belong to no group (supervision). They live in the
 * sessions module so they share its reminders (durable notifier jobs), change notices and personal calendar feed.
 * The owning module decides who may arrange, move or cancel them and calls these inside its own transaction.
 */
export function createPrivateSessionUseCases(ctx: { db: Db; now: () => Date; notifier?: Notifier }) {
  const { db, now, notifier } = ctx;

  function checkTimes(startsAt: Date, endsAt: Date) {
    if (startsAt <= now()) throw SessionErrors.inThePast('startsAt');
    if (endsAt <= startsAt) throw SessionErrors.endsBeforeStart();
    if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) throw SessionErrors.tooLong();
  }

  async function scheduleReminders(tx: DbOrTx, session: repo.PrivateSessionRow, userIds: string[]) {
    if (!notifier) return;
    for (const userId of userIds) {
      for (const { slot, beforeMs } of PRIVATE_REMINDER_SLOTS) {
        const at = new Date(session.startsAt.getTime() - beforeMs);
        if (at <= now()) continue;
        await notifier.schedule(
          tx,
          {
            userId,
            kind: `session.private_reminder_${slot}`,
            url: pathOf(session.purpose),
            params: { privateSessionId: session.id, startsAt: session.startsAt.toISOString(), title: session.title },
            dedupeKey: `${keyPrefix(session.id)}${slot}:${session.startsAt.getTime()}`,
          },
          at,
        );
      }
    }
  }

  /** Tells the other participants what changed, after the caller's transaction commits. */
  async function tellOthers(tx: DbOrTx, session: repo.PrivateSessionRow, userIds: string[], byUserId: string, change: 'scheduled' | 'moved' | 'cancelled') {
    for (const userId of userIds.filter((u) => u !== byUserId)) {
      await notifier?.notify(
        { userId, kind: `session.private_${change}`, url: pathOf(session.purpose), params: { privateSessionId: session.id, startsAt: session.startsAt.toISOString(), title: session.title }, dedupeKey: `${keyPrefix(session.id)}${change}:${session.startsAt.getTime()}:${session.updatedAt.getTime()}` },
        tx,
      );
    }
  }

  async function lockOpen(tx: Tx, sessionId: string) {
    const session = await repo.lockPrivateSession(tx, sessionId);
    if (!session) throw CommonErrors.notFound('That meeting');
    if (session.status === 'cancelled') throw SessionErrors.privateCancelled();
    if (session.endsAt <= now()) throw SessionErrors.privateEnded();
    const people = await repo.listParticipants(tx, [sessionId]);
    return { session, userIds: people.map((p) => p.userId) };
  }

  return {
    /** Arranges a private session in the caller's transaction: participants, reminders for each, and a notice to the guests. */
    async schedulePrivateSession(tx: Tx, input: SchedulePrivateSession): Promise<PrivateSession> {
      const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
      checkTimes(input.startsAt, endsAt);
      const session = await repo.insertPrivateSession(tx, { orgId: input.orgId, organizerId: input.organizerId, purpose: input.purpose, title: input.title, startsAt: input.startsAt, endsAt });
      const guestIds = [...new Set(input.guestIds.filter((g) => g !== input.organizerId))];
      await repo.insertParticipants(tx, session.id, [{ userId: input.organizerId, role: 'host' }, ...guestIds.map((userId) => ({ userId, role: 'guest' as const }))]);
      const everyone = [input.organizerId, ...guestIds];
      await scheduleReminders(tx, session, everyone);
      await tellOthers(tx, session, everyone, input.organizerId, 'scheduled');
      await writeAudit(tx, { orgId: input.orgId, actorId: input.organizerId, action: 'private_session.created', entityType: 'private_session', entityId: session.id, data: { purpose: input.purpose } });
      return present(session, [{ userId: input.organizerId, role: 'host' }, ...guestIds.map((userId) => ({ userId, role: 'guest' }))]);
    },

    /** Moves a private session: reminders follow the new time and the other participants are told. */
    async reschedulePrivateSession(tx: Tx, sessionId: string, change: { startsAt: Date; durationMinutes?: number }, byUserId: string): Promise<PrivateSession> {
      const { session, userIds } = await lockOpen(tx, sessionId);
      const length = change.durationMinutes !== undefined ? change.durationMinutes * 60_000 : session.endsAt.getTime() - session.startsAt.getTime();
      const endsAt = new Date(change.startsAt.getTime() + length);
      checkTimes(change.startsAt, endsAt);
      const moved = await repo.updatePrivateSession(tx, sessionId, { startsAt: change.startsAt, endsAt });
      await notifier?.cancel(tx, { dedupeKeyPrefix: keyPrefix(sessionId) });
      await scheduleReminders(tx, moved, userIds);
      await tellOthers(tx, moved, userIds, byUserId, 'moved');
      await writeAudit(tx, { orgId: session.orgId, actorId: byUserId, action: 'private_session.moved', entityType: 'private_session', entityId: sessionId, data: { from: session.startsAt.toISOString(), to: moved.startsAt.toISOString() } });
      return present(moved, await repo.listParticipants(tx, [sessionId]));
    },

    /** Cancels a private session: the row stays (calendars show it cancelled), reminders stop, the others are told. */
    async cancelPrivateSession(tx: Tx, sessionId: string, byUserId: string): Promise<PrivateSession> {
      const { session, userIds } = await lockOpen(tx, sessionId);
      const cancelled = await repo.updatePrivateSession(tx, sessionId, { status: 'cancelled' });
      await notifier?.cancel(tx, { dedupeKeyPrefix: keyPrefix(sessionId) });
      await tellOthers(tx, cancelled, userIds, byUserId, 'cancelled');
      await writeAudit(tx, { orgId: session.orgId, actorId: byUserId, action: 'private_session.cancelled', entityType: 'private_session', entityId: sessionId });
      return present(cancelled, await repo.listParticipants(tx, [sessionId]));
    },

    /** Private sessions by id, with their participants (the owning module joins its own records to these). */
    async listPrivateSessions(ids: string[]): Promise<PrivateSession[]> {
      const rows = await repo.listPrivateSessionsByIds(db, ids);
      const people = await repo.listParticipants(db, ids);
      return rows.map((r) => present(r, people.filter((p) => p.sessionId === r.id)));
    },
  };
}

function present(row: repo.PrivateSessionRow, people: Array<{ userId: string; role: string }>): PrivateSession {
  return {
    id: row.id, purpose: row.purpose, title: row.title, startsAt: row.startsAt, endsAt: row.endsAt, status: row.status,
    hostIds: people.filter((p) => p.role === 'host').map((p) => p.userId),
    guestIds: people.filter((p) => p.role === 'guest').map((p) => p.userId),
  };
}

/** A private session as a calendar entry: the neutral title and time only, never who else takes part. */
export function privateSessionEvent(row: repo.PrivateSessionRow, origin: string): IcsEvent {
  const url = `${origin}${pathOf(row.purpose)}`;
  return { uid: `${row.id}@hearth`, startsAt: row.startsAt, endsAt: row.endsAt, summary: row.title, description: `Open in Hearth: ${url}`, url, cancelled: row.status === 'cancelled', updatedAt: row.updatedAt };
}

/** Whether a private-session reminder that just came due still applies: same time, not cancelled, person still in it. */
export async function isPrivateReminderStillDue(db: DbOrTx, input: { userId: string; params?: Record<string, string | number> }): Promise<boolean> {
  const id = input.params?.privateSessionId;
  if (typeof id !== 'string') return false;
  const session = await repo.findPrivateSession(db, id);
  if (!session || session.status === 'cancelled' || session.startsAt.toISOString() !== input.params?.startsAt) return false;
  return (await repo.findParticipant(db, id, input.userId)) !== null;
}
