import { describe, expect, it } from 'vitest';
import { describePerson, embedGroup, rankGroups, scoreGroup, type MatchGroup } from './recommend.ts';

const tuesday19 = new Date('2026-06-02T23:00:00Z'); // Tuesday 19:00 in New York
const saturday9 = new Date('2026-06-06T13:00:00Z');
const person = (over: Partial<Parameters<typeof describePerson>[0]> = {}) =>
  describePerson({
    text: "my dad died last month and I can't stop crying at work", challenges: [], communities: [], languages: ['en'], timezone: 'America/New_York',
    windows: [{ weekday: 2, start: '18:00', end: '21:00' }], format: 'any', place: null, acute: false, ...over,
  });
const group = (over: Partial<MatchGroup> = {}): MatchGroup => ({
  id: over.id ?? 'g', name: 'Grief circle', description: 'For people grieving a death.', topics: ['grief'], communities: [], language: 'en', format: 'online',
  venue: null, capacity: 10, activeMembers: 7, acuteMembers: 0, upcomingStarts: [tuesday19], ...over,
});
const score = (p = person(), g = group()) => scoreGroup(p, g, embedGroup(g));

describe('group scoring', () => {
  it('explains a match in plain words', () => {
    expect(score().summary).toBe('grief · English · Tuesdays 19:00 your time · 3 places left · online');
  });

  it('prefers my topic, my language and my free time', () => {
    const base = score().score;
    expect(score(person(), group({ topics: ['anxiety'], name: 'Calm', description: 'Worry and panic.' })).score).toBeLessThan(base);
    expect(score(person(), group({ language: 'es' })).score).toBeLessThan(base);
    expect(score(person(), group({ upcomingStarts: [saturday9] })).score).toBeLessThan(base);
  });

  it('counts distance for in-person groups and says how far', () => {
    const near = group({ format: 'in_person', venue: { lat: 44.48, lng: -73.21 } });
    const far = group({ format: 'in_person', venue: { lat: 40.71, lng: -74.01 } });
    const p = person({ place: { lat: 44.47, lng: -73.17 } });
    expect(score(p, near).reasons.find((r) => r.kind === 'distance')!.text).toBe('3 km away');
    expect(score(p, near).score).toBeGreaterThan(score(p, far).score);
  });

  it('keeps people in acute distress from filling one group (balance)', () => {
    const acute = person({ acute: true });
    expect(score(acute, group({ acuteMembers: 3 })).score).toBeLessThan(score(acute, group({ acuteMembers: 0 })).score);
  });

  it('leaves full groups out', () => {
    const full = group({ id: 'full', activeMembers: 10 });
    const open = group({ id: 'open' });
    expect(rankGroups(person(), [full, open].map((g) => ({ group: g, vector: embedGroup(g) }))).map((m) => m.groupId)).toEqual(['open']);
  });
});
