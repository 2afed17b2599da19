import { describe, expect, it } from 'vitest';
import { canJoin, canRequestToJoin, canViewGroup, canEditGroup, canArchiveGroup, canRemoveMember, groupAbilities } from './groups.policy.ts';

const org = 'org-1';
const member = { userId: 'u', orgId: org, role: 'member' as const };
const admin = { ...member, role: 'admin' as const };
const group = (visibility: 'open' | 'request' | 'invite', archived = false) => ({ orgId: org, visibility, archivedAt: archived ? new Date() : null });
const m = (status: 'active' | 'requested' | 'invited' | 'declined' | 'left', role: 'member' | 'co_facilitator' | 'facilitator' = 'member') => ({ status, role });

describe('who may see a group', () => {
  it('hides invite-only groups from everyone but members, invitees and admins', () => {
    expect(canViewGroup(member, group('invite'), null)).toBe(false);
    expect(canViewGroup(member, group('invite'), m('left'))).toBe(false);
    expect(canViewGroup(member, group('invite'), m('invited'))).toBe(true);
    expect(canViewGroup(member, group('invite'), m('active'))).toBe(true);
    expect(canViewGroup(admin, group('invite'), null)).toBe(true);
  });

  it('hides archived groups from everyone but their members and admins', () => {
    expect(canViewGroup(member, group('open', true), null)).toBe(false);
    expect(canViewGroup(member, group('open', true), m('active'))).toBe(true);
  });

  it('never shows another organization\'s groups, even to admins', () => {
    expect(canViewGroup({ ...admin, orgId: 'other' }, group('open'), null)).toBe(false);
  });
});

describe('joining', () => {
  it('joins open groups at once, turns request groups into a request, and lets only invitees into invite-only groups', () => {
    expect(canJoin(group('open'), null)).toBe(true);
    expect(canJoin(group('request'), null)).toBe(false);
    expect(canRequestToJoin(group('request'), null)).toBe(true);
    expect(canRequestToJoin(group('request'), m('requested'))).toBe(false);
    expect(canRequestToJoin(group('request'), m('declined'))).toBe(true);
    expect(canJoin(group('invite'), null)).toBe(false);
    expect(canJoin(group('invite'), m('invited'))).toBe(true);
    expect(canJoin(group('open', true), null)).toBe(false);
  });
});

describe('leading a group', () => {
  it('lets facilitators and co-facilitators edit, but only facilitators archive', () => {
    expect(canEditGroup(member, group('open'), m('active', 'co_facilitator'))).toBe(true);
    expect(canEditGroup(member, group('open'), m('active'))).toBe(false);
    expect(canArchiveGroup(member, group('open'), m('active', 'co_facilitator'))).toBe(false);
    expect(canArchiveGroup(member, group('open'), m('active', 'facilitator'))).toBe(true);
    expect(canEditGroup(member, group('open'), m('left', 'facilitator'))).toBe(false);
  });

  it('summarizes abilities for a plain member', () => {
    expect(groupAbilities(member, group('open'), m('active'))).toEqual({
      join: false, requestToJoin: false, leave: true, edit: false, archive: false, viewMembers: true, manageMembers: false, changeRoles: false, manageSessions: false,
    });
  });
});

describe('a full group', () => {
  it('offers no join to a newcomer, but still lets an open group be seen', () => {
    const actor = { userId: 'u', orgId: 'o', role: 'member' as const };
    const open = { orgId: 'o', visibility: 'open' as const, archivedAt: null };
    expect(groupAbilities(actor, open, null, 0).join).toBe(false);
    expect(groupAbilities(actor, open, null, 1).join).toBe(true);
    expect(groupAbilities(actor, open, null, null).join).toBe(true);
  });
});

describe('removing someone', () => {
  const target = (role: 'member' | 'co_facilitator' | 'facilitator' = 'member', status: 'active' | 'left' = 'active') => ({ userId: 'other', role, status });
  const moderator = { ...member, role: 'moderator' as const };

  it('lets leaders remove members, and only the facilitator (or an admin) remove a leader', () => {
    expect(canRemoveMember(member, group('open'), m('active', 'co_facilitator'), target())).toBe(true);
    expect(canRemoveMember(member, group('open'), m('active', 'co_facilitator'), target('co_facilitator'))).toBe(false);
    expect(canRemoveMember(member, group('open'), m('active', 'co_facilitator'), target('facilitator'))).toBe(false);
    expect(canRemoveMember(member, group('open'), m('active', 'facilitator'), target('co_facilitator'))).toBe(true);
    expect(canRemoveMember(admin, group('invite'), null, target('facilitator'))).toBe(true);
  });

  it('never lets members, moderators or anyone in an archived group remove people, nor anyone remove themselves', () => {
    expect(canRemoveMember(member, group('open'), m('active'), target())).toBe(false);
    expect(canRemoveMember(moderator, group('open'), null, target())).toBe(false);
    expect(canRemoveMember(member, group('open', true), m('active', 'facilitator'), target())).toBe(false);
    expect(canRemoveMember(member, group('open'), m('active', 'facilitator'), { ...target('facilitator'), userId: 'u' })).toBe(false);
    expect(canRemoveMember(member, group('open'), m('active', 'facilitator'), target('member', 'left'))).toBe(false);
  });
});
