import { describe, expect, it } from 'vitest';
import { DEFAULT_TRUST_THRESHOLDS, demote, earnedTrustLevel, flagScore, promote } from './trust.ts';

describe('trust levels', () => {
  it('are earned by days visited, posts read and supportive reactions received', () => {
    const t = DEFAULT_TRUST_THRESHOLDS;
    expect(earnedTrustLevel({ daysVisited: 0, postsRead: 0, reactionsReceived: 0, upheldFlags: 0 }, t)).toBe('new');
    expect(earnedTrustLevel({ daysVisited: 2, postsRead: 20, reactionsReceived: 0, upheldFlags: 0 }, t)).toBe('member');
    expect(earnedTrustLevel({ daysVisited: 15, postsRead: 150, reactionsReceived: 4, upheldFlags: 0 }, t)).toBe('member');
    expect(earnedTrustLevel({ daysVisited: 15, postsRead: 150, reactionsReceived: 5, upheldFlags: 0 }, t)).toBe('trusted');
    expect(earnedTrustLevel({ daysVisited: 99, postsRead: 999, reactionsReceived: 99, upheldFlags: 0 }, t)).toBe('helper');
  });

  it('are not earned with an upheld flag, and an upheld flag costs a level', () => {
    expect(earnedTrustLevel({ daysVisited: 99, postsRead: 999, reactionsReceived: 99, upheldFlags: 1 }, DEFAULT_TRUST_THRESHOLDS)).toBe('new');
    expect(demote('trusted')).toBe('member');
    expect(demote('new')).toBe('new');
    expect(promote('trusted', 'member')).toBe('trusted');
  });
});

describe('flag score', () => {
  it('adds the reporter trust level and accuracy to a base', () => {
    const member = { trustLevel: 'member' as const, isStaff: false, upheld: 0, dismissed: 0 };
    expect(flagScore(member)).toBe(3);
    expect(flagScore({ ...member, trustLevel: 'new' })).toBe(2);
    expect(flagScore({ ...member, trustLevel: 'helper' })).toBe(5);
    expect(flagScore({ ...member, upheld: 10, dismissed: 0 })).toBe(5);
    expect(flagScore({ ...member, upheld: 0, dismissed: 10 })).toBe(1);
    expect(flagScore({ ...member, upheld: 1, dismissed: 1 })).toBe(3);
    expect(flagScore({ ...member, isStaff: true })).toBe(6);
  });
});
