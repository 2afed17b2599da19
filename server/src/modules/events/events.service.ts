import type { Db } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { NotificationInput, Notifier } from '../../platform/notify.ts';
import { EventErrors } from './events.errors.ts';
import * as policy from './events.policy.ts';
import type { EventsActor } from './events.policy.ts';
import { presentEvent } from './events.presenter.ts';
import * as repo from './events.repo.ts';
import type { CreateEventBody, OrgEvent, UpdateEventBody } from './events.schemas.ts';
import { cancelEventReminders, isEventReminderStillDue, scheduleEventReminders } from './event-reminders.ts';

/** One calendar entry; the sessions module's iCalendar writer takes this shape (wired in main.ts). */
export type CalendarEntry = { uid: string; startsAt: Date; endsAt: Date; summary: string; description?: string; location?: string; url?: string; cancelled: boolean; updatedAt: Date };
export type CalendarWriter = (input: { name: string; events: CalendarEntry[]; now: Date }) => string;

export type EventsDeps = { db: Db; notifier?: Notifier; calendar?: CalendarWriter; publicUrl?: string; now?: () => Date };
export type EventsService = ReturnType<typeof createEventsService>;

const MAX_EVENT_MS = 24 * 60 * 60_000;

/** Webinars, workshops and open days: registration with capacity and waitlist, reminders, calendar entries, recordings. */
export function createEventsService(deps: EventsDeps) {
  const { db, notifier } = deps;
  const now = deps.now ?? (() => new Date());

  async function present(actor: EventsActor, rows: repo.EventRow[]): Promise<OrgEvent[]> {
    const ids = rows.map((r) => r.id);
    const [counts, mine] = await Promise.all([repo.countRegistrations(db, ids), repo.listMyRegistrations(db, actor.userId, ids)]);
    const at = now();
    return rows.map((row) => {
      const my = mine.get(row.id) ?? null;
      const holding = my !== null && my.status !== 'cancelled';
      return presentEvent(row, counts.get(row.id) ?? { registered: 0, waitlisted: 0 }, my, {
        register: policy.canRegister(row, at, holding),
        cancelRegistration: holding && row.endsAt > at,
        edit: policy.canOrganize(actor) && row.orgId === actor.orgId,
      }, at);
    });
  }

  async function loadReadable(actor: EventsActor, id: string) {
    const row = await repo.findEvent(db, id);
    if (!row || !policy.canReadEvent(actor, row)) throw EventErrors.notFound();
    return row;
  }

  const getOne = async (actor: EventsActor, id: string) => (await present(actor, [await loadReadable(actor, id)]))[0]!;

  function checkTimes(startsAt: Date, endsAt: Date) {
    if (endsAt <= startsAt) throw EventErrors.endsBeforeStart();
    if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_MS) throw EventErrors.endsBeforeStart();
  }

  return {
    async listEvents(actor: EventsActor, when: 'upcoming' | 'past') {
      const rows = await repo.listEvents(db, actor.orgId, when, now());
      return { events: await present(actor, rows), abilities: { create: policy.canOrganize(actor) } };
    },

    getEvent: getOne,

    async createEvent(actor: EventsActor, body: CreateEventBody): Promise<OrgEvent> {
      if (!policy.canOrganize(actor)) throw EventErrors.cannotOrganize();
      const startsAt = new Date(body.startsAt);
      const endsAt = new Date(body.endsAt);
      checkTimes(startsAt, endsAt);
      if (startsAt <= now()) throw EventErrors.inThePast();
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertEvent(tx, { ...body, startsAt, endsAt, orgId: actor.orgId, createdBy: actor.userId });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'event.created', entityType: 'event', entityId: created.id, data: { kind: body.kind } });
        return created;
      });
      return getOne(actor, row.id);
    },

    /** Organizers change details, move or cancel an event, or add the recording link afterwards. */
    async updateEvent(actor: EventsActor, id: string, body: UpdateEventBody): Promise<OrgEvent> {
      const existing = await loadReadable(actor, id);
      if (!policy.canOrganize(actor)) throw EventErrors.cannotOrganize();
      const startsAt = body.startsAt ? new Date(body.startsAt) : existing.startsAt;
      const endsAt = body.endsAt ? new Date(body.endsAt) : existing.endsAt;
      checkTimes(startsAt, endsAt);
      const moved = startsAt.getTime() !== existing.startsAt.getTime();
      if (moved && startsAt <= now()) throw EventErrors.inThePast();
      const cancelling = body.status === 'cancelled' && existing.status !== 'cancelled';
      const notices: NotificationInput[] = [];
      await db.transaction(async (tx) => {
        const updated = await repo.updateEvent(tx, id, { ...body, startsAt, endsAt });
        if (notifier && (moved || cancelling)) {
          await cancelEventReminders(notifier, tx, id);
          const people = await repo.listRegisteredUserIds(tx, id);
          for (const userId of people) {
            if (cancelling) notices.push({ userId, kind: 'event.cancelled', url: `/events/${id}`, params: { eventId: id, title: updated.title }, dedupeKey: `event:${id}:cancelled` });
            else if (updated.status === 'scheduled') await scheduleEventReminders(notifier, tx, updated, userId, now());
          }
        }
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: cancelling ? 'event.cancelled' : 'event.updated', entityType: 'event', entityId: id, data: { fields: Object.keys(body) } });
        for (const notice of notices) await notifier!.notify(notice, tx);
      });
      return getOne(actor, id);
    },

    /** Takes a place, or a waitlist spot when full (or refuses kindly when the event has no waitlist). Idempotent. */
    async register(actor: EventsActor, id: string): Promise<OrgEvent> {
      await loadReadable(actor, id);
      await db.transaction(async (tx) => {
        const event = (await repo.lockEvent(tx, id))!;
        const existing = await repo.findRegistration(tx, id, actor.userId);
        if (existing && existing.status !== 'cancelled') return;
        if (!policy.canRegister(event, now(), false)) throw EventErrors.closed();
        const counts = (await repo.countRegistrations(tx, [id])).get(id) ?? { registered: 0, waitlisted: 0 };
        const decision = policy.decideRegistration(event, counts.registered);
        if (decision === 'full') throw EventErrors.full();
        await repo.upsertRegistration(tx, id, actor.userId, decision);
        if (decision === 'registered' && notifier) await scheduleEventReminders(notifier, tx, event, actor.userId, now());
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: `event.${decision}`, entityType: 'event', entityId: id });
      });
      return getOne(actor, id);
    },

    /** Gives the place back; the longest-waiting person on the waitlist gets it and is told. */
    async cancelRegistration(actor: EventsActor, id: string): Promise<OrgEvent> {
      await loadReadable(actor, id);
      await db.transaction(async (tx) => {
        const event = (await repo.lockEvent(tx, id))!;
        const existing = await repo.findRegistration(tx, id, actor.userId);
        if (!existing || existing.status === 'cancelled') throw EventErrors.notRegistered();
        await repo.upsertRegistration(tx, id, actor.userId, 'cancelled');
        if (notifier) await cancelEventReminders(notifier, tx, id, actor.userId);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'event.registration_cancelled', entityType: 'event', entityId: id });
        if (existing.status === 'registered' && event.status === 'scheduled' && event.startsAt > now()) {
          const next = await repo.findFirstWaitlisted(tx, id);
          if (next) {
            await repo.upsertRegistration(tx, id, next.userId, 'registered');
            await writeAudit(tx, { orgId: actor.orgId, actorId: null, action: 'event.waitlist_promoted', entityType: 'event', entityId: id, data: { userId: next.userId } });
            if (notifier) {
              await scheduleEventReminders(notifier, tx, event, next.userId, now());
              await notifier.notify({ userId: next.userId, kind: 'event.place_confirmed', url: `/events/${id}`, params: { eventId: id, title: event.title }, dedupeKey: `event:${id}:promoted:${event.startsAt.getTime()}` }, tx);
            }
          }
        }
      });
      return getOne(actor, id);
    },

    /** The event as an iCalendar file (times in UTC; calendars show them in the reader's own zone). */
    async buildCalendarFile(actor: EventsActor, id: string): Promise<string | null> {
      const event = await loadReadable(actor, id);
      if (!deps.calendar) return null;
      const base = (deps.publicUrl ?? '').replace(/\/$/, '');
      return deps.calendar({
        name: event.title,
        now: now(),
        events: [{
          uid: `event-${event.id}@hearth`,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          summary: event.title,
          description: [event.host && `Hosted by ${event.host}`, event.description].filter(Boolean).join('\n\n') || undefined,
          location: event.location ?? undefined,
          url: `${base}/events/${event.id}`,
          cancelled: event.status === 'cancelled',
          updatedAt: event.updatedAt,
        }],
      });
    },

    /** For the notifications module (wired in main.ts): should this event reminder still go out? */
    isReminderStillDue: (input: NotificationInput) => isEventReminderStillDue(db, input),

    /** Events a person registered for and that have ended (an activity source for rewards). */
    countEventsAttended: async (userId: string) => {
      const rows = await repo.listRegistrationsOf(db, userId);
      const past = rows.filter((r) => r.status === 'registered' && r.startsAt <= now());
      return { count: past.length, moments: past.map((r) => r.startsAt) };
    },
  };
}
