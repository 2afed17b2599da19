import { describe, expect, it } from 'vitest';
import { canActOn, canControlLiveSession, canDecideAppeal, canHelperHide, isNewMember, postsPerMinute } from './moderation.policy.ts';

const mod = { userId: 'm1', orgId: 'o', role: 'moderator' };

describe('moderation policy', () => {
  it('has a different moderator decide an appeal, never the appellant', () => {
    expect(canDecideAppeal(mod, { orgId: 'o', appellantId: 'p' }, { moderatorId: 'm2' })).toBe(true);
    expect(canDecideAppeal(mod, { orgId: 'o', appellantId: 'p' }, { moderatorId: 'm1' })).toBe(false);
    expect(canDecideAppeal(mod, { orgId: 'x', appellantId: 'p' }, { moderatorId: 'm2' })).toBe(false);
    expect(canDecideAppeal({ ...mod, role: 'member' }, { orgId: 'o', appellantId: 'p' }, { moderatorId: 'm2' })).toBe(false);
  });

  it('lets helpers hide only spam, only from new members', () => {
    const author = { role: 'member', trustLevel: 'new' as const };
    expect(canHelperHide({ role: 'member', trustLevel: 'helper' }, 'spam', author)).toBe(true);
    expect(canHelperHide({ role: 'member', trustLevel: 'helper' }, 'harassment', author)).toBe(false);
    expect(canHelperHide({ role: 'member', trustLevel: 'helper' }, 'spam', { ...author, trustLevel: 'member' })).toBe(false);
    expect(canHelperHide({ role: 'member', trustLevel: 'trusted' }, 'spam', author)).toBe(false);
  });

  it('restricts new members only, and gives staff no rate limit', () => {
    expect(isNewMember('member', 'new')).toBe(true);
    expect(isNewMember('peer_supporter', 'new')).toBe(false);
    expect(postsPerMinute('member', 'new')).toBeLessThan(postsPerMinute('member', 'member')!);
    expect(postsPerMinute('facilitator', 'new')).toBeNull();
  });

  it('never lets anyone moderate themselves; facilitators hold their own group\u2019s sessions', () => {
    expect(canActOn(mod, 'm1')).toBe(false);
    expect(canActOn(mod, null)).toBe(true);
    const member = { userId: 'u', orgId: 'o', role: 'member' };
    expect(canControlLiveSession(member, { role: 'facilitator', status: 'active' }, { orgId: 'o' })).toBe(true);
    expect(canControlLiveSession(member, { role: 'member', status: 'active' }, { orgId: 'o' })).toBe(false);
    expect(canControlLiveSession(mod, null, { orgId: 'other' })).toBe(false);
  });
});
