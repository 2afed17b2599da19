import { describe, expect, it } from 'vitest';
import { rankSupporters, type SupporterCandidate } from './supporter-score.ts';

const now = new Date('2026-06-02T23:30:00Z'); // Tuesday 19:30 in New York
const base: SupporterCandidate = {
  userId: 'a', displayName: 'A', languages: ['en'], timezone: 'America/New_York', livedExperience: ['grief'], gender: null, ageRange: null,
  windows: [{ weekday: 2, start: '18:00', end: '22:00' }], acceptingRequests: true, certified: true, openConversations: 0, maxCaseload: 4, rating: null,
};
const wishes = { topics: new Map([['grief', 0.9]] as const), languages: ['en'] };

describe('supporter matching', () => {
  it('offers only certified, available-to-take supporters who share a language and have room', () => {
    const ranked = rankSupporters(wishes, [
      base,
      { ...base, userId: 'uncertified', certified: false },
      { ...base, userId: 'spanish', languages: ['es'] },
      { ...base, userId: 'full', openConversations: 4 },
      { ...base, userId: 'paused', acceptingRequests: false },
    ], now);
    expect(ranked.map((r) => r.userId)).toEqual(['a']);
  });

  it('ranks by lived experience, availability now, load and ratings', () => {
    const ranked = rankSupporters(wishes, [
      { ...base, userId: 'other-topic', livedExperience: ['adhd'] },
      { ...base, userId: 'busy', openConversations: 3 },
      { ...base, userId: 'asleep', windows: [{ weekday: 3, start: '09:00', end: '10:00' }] },
      { ...base, userId: 'best', rating: { mean: 5, count: 20 } },
    ], now);
    expect(ranked[0]!.userId).toBe('best');
    expect(ranked.at(-1)!.userId).toBe('other-topic');
    expect(ranked[0]!.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['lived_experience', 'available_now', 'certified']));
  });

  it('honours the member\'s preferences', () => {
    const ranked = rankSupporters({ ...wishes, preferredGender: 'woman' }, [{ ...base, userId: 'man', gender: 'man' }, { ...base, userId: 'woman', gender: 'woman' }], now);
    expect(ranked[0]!.userId).toBe('woman');
  });
});
