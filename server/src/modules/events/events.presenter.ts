import type { EventCounts, EventRow, RegistrationRow } from './events.repo.ts';
import type { OrgEvent } from './events.schemas.ts';

/** An event as one person sees it: counts, never who else registered. */
export function presentEvent(row: EventRow, counts: EventCounts, mine: RegistrationRow | null, abilities: OrgEvent['abilities'], now: Date): OrgEvent {
  const myRegistration = mine && mine.status !== 'cancelled' ? mine.status : null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    host: row.host,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timezone: row.timezone,
    location: row.location,
    joinUrl: myRegistration === 'registered' || abilities.edit ? row.joinUrl : null,
    language: row.language,
    capacity: row.capacity,
    registeredCount: counts.registered,
    spotsLeft: row.capacity === null ? null : Math.max(0, row.capacity - counts.registered),
    waitlist: row.waitlist,
    waitlistCount: counts.waitlisted,
    recordingUrl: row.recordingUrl,
    status: row.status,
    past: row.endsAt <= now,
    myRegistration,
    calendarUrl: `/api/events/${row.id}/calendar.ics`,
    abilities,
  };
}
