import { presentLocalTimes } from '../groups/index.ts';
import type { SessionView } from './sessions.repo.ts';
import type { Schedule, Session } from './sessions.schemas.ts';
import { isLiveRoomOpen, LIVE_ROOM_OPENS_BEFORE_MS, meetsOnline, sessionAbilities } from './sessions.policy.ts';
import type { ScheduleRow } from './sessions.repo.ts';
import { describeRrule } from './recurrence.ts';

type Viewer = { userId: string; orgId: string; role: Parameters<typeof sessionAbilities>[0]['role'] };

/** A session as the viewer sees it: times in their own zone, their RSVP, and what they may do next. */
export function presentSession(view: SessionView, viewer: Viewer, viewerTz: string, at: Date): Session {
  const { session: s, group: g } = view;
  const membership = view.membership?.status ? view.membership : null;
  const placesLeft = g.capacity === null ? null : Math.max(0, g.capacity - view.goingCount);
  return {
    id: s.id,
    groupId: g.id,
    groupName: g.name,
    scheduleId: s.scheduleId,
    title: s.title ?? g.name,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status,
    detached: s.detached === 1,
    format: g.format,
    venue:
      g.format !== 'online' && g.venueName && g.venueAddress && g.venueLat !== null && g.venueLng !== null
        ? { name: g.venueName, address: g.venueAddress, lat: g.venueLat, lng: g.venueLng }
        : null,
    local: presentLocalTimes(s.startsAt, s.endsAt, viewerTz),
    groupLocal: presentLocalTimes(s.startsAt, s.endsAt, g.timezone),
    myRsvp: view.myRsvp,
    myCheckedIn: view.myCheckedIn,
    goingCount: view.goingCount,
    capacity: g.capacity,
    placesLeft,
    liveRoom: meetsOnline(g) ? { opensAt: new Date(s.startsAt.getTime() - LIVE_ROOM_OPENS_BEFORE_MS).toISOString(), open: isLiveRoomOpen(s, at) } : null,
    abilities: sessionAbilities(viewer, g, membership, s, at, { checkedIn: view.myCheckedIn }),
  };
}

export function presentSchedule(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    rrule: row.rrule,
    description: describeRrule(row.rrule),
    startLocal: row.startLocal,
    timezone: row.timezone,
    durationMinutes: row.durationMinutes,
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}
