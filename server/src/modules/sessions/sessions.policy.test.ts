import { describe, expect, it } from 'vitest';
import { isCheckInOpen, isLiveRoomOpen, sessionAbilities } from './sessions.policy.ts';

const session = { status: 'scheduled' as const, startsAt: new Date('2026-03-10T19:00:00Z'), endsAt: new Date('2026-03-10T20:30:00Z') };
const at = (iso: string) => new Date(iso);
const actor = { userId: 'u', orgId: 'o', role: 'member' as const };
const group = (format: 'online' | 'in_person' | 'hybrid') => ({ orgId: 'o', visibility: 'open' as const, archivedAt: null, format });
const active = { status: 'active' as const, role: 'member' as const };

describe('session windows', () => {
  it('opens the live room 15 minutes before the start until the end, never when cancelled', () => {
    expect(isLiveRoomOpen(session, at('2026-03-10T18:44:59Z'))).toBe(false);
    expect(isLiveRoomOpen(session, at('2026-03-10T18:45:00Z'))).toBe(true);
    expect(isLiveRoomOpen(session, at('2026-03-10T20:30:00Z'))).toBe(false);
    expect(isLiveRoomOpen({ ...session, status: 'cancelled' }, at('2026-03-10T19:00:00Z'))).toBe(false);
  });

  it('opens venue check-in 30 minutes before the start until the end', () => {
    expect(isCheckInOpen(session, at('2026-03-10T18:29:00Z'))).toBe(false);
    expect(isCheckInOpen(session, at('2026-03-10T18:30:00Z'))).toBe(true);
    expect(isCheckInOpen(session, at('2026-03-10T20:31:00Z'))).toBe(false);
  });
});

describe('session abilities', () => {
  it('offers members the live room for online groups and check-in for in-person groups', () => {
    const now = at('2026-03-10T18:50:00Z');
    expect(sessionAbilities(actor, group('online'), active, session, now, { checkedIn: false })).toMatchObject({ joinLiveRoom: true, checkIn: false, rsvp: true, edit: false });
    expect(sessionAbilities(actor, group('in_person'), active, session, now, { checkedIn: false })).toMatchObject({ joinLiveRoom: false, checkIn: true });
    expect(sessionAbilities(actor, group('hybrid'), active, session, now, { checkedIn: true })).toMatchObject({ joinLiveRoom: true, checkIn: false });
  });

  it('gives non-members nothing to do, and leaders edit, cancel and attendance', () => {
    const now = at('2026-03-10T12:00:00Z');
    expect(Object.values(sessionAbilities(actor, group('hybrid'), null, session, now, { checkedIn: false })).some(Boolean)).toBe(false);
    expect(sessionAbilities(actor, group('hybrid'), { status: 'active', role: 'co_facilitator' }, session, now, { checkedIn: false })).toMatchObject({ edit: true, cancel: true, manageAttendance: true });
    expect(sessionAbilities(actor, group('hybrid'), { status: 'active', role: 'facilitator' }, { ...session, status: 'cancelled' }, now, { checkedIn: false })).toMatchObject({ edit: false, cancel: false, rsvp: false, manageAttendance: true });
  });
});
