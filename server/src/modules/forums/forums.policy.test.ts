import { describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../../platform/http/actor.ts';
import { canCreatePublicBoard, canDeletePost, canEditPost, canPostInBoard, canReactToPost, canReadBoard } from './forums.policy.ts';

const actor = (role: UserRole = 'member', userId = 'u1', orgId = 'o1') => ({ role, userId, orgId });
const publicBoard = { orgId: 'o1', groupId: null };
const groupBoard = { orgId: 'o1', groupId: 'g1' };
const livePost = (authorId: string | null = 'u1') => ({ authorId, deletedAt: null });
const removedPost = { authorId: 'u1', deletedAt: new Date() };

describe('canCreatePublicBoard', () => {
  it('allows only moderators and admins', () => {
    const allowed = USER_ROLES.filter((role) => canCreatePublicBoard({ role }));
    expect(allowed).toEqual(['moderator', 'admin']);
  });
});

describe('canReadBoard', () => {
  it('opens public boards to everyone in the organization, whatever their role', () => {
    for (const role of USER_ROLES) expect(canReadBoard(actor(role), { board: publicBoard, isActiveGroupMember: false })).toBe(true);
  });

  it('hides every board of another organization', () => {
    expect(canReadBoard(actor('admin', 'u1', 'o2'), { board: publicBoard, isActiveGroupMember: false })).toBe(false);
    expect(canReadBoard(actor('member', 'u1', 'o2'), { board: groupBoard, isActiveGroupMember: true })).toBe(false);
  });

  it('opens a group board only to active members of the group, even for moderators and admins', () => {
    expect(canReadBoard(actor('member'), { board: groupBoard, isActiveGroupMember: true })).toBe(true);
    for (const role of USER_ROLES) expect(canReadBoard(actor(role), { board: groupBoard, isActiveGroupMember: false })).toBe(false);
  });

  it('lets everyone who can read a board post in it', () => {
    expect(canPostInBoard(actor(), { board: publicBoard, isActiveGroupMember: false })).toBe(true);
    expect(canPostInBoard(actor(), { board: groupBoard, isActiveGroupMember: false })).toBe(false);
  });
});

describe('canEditPost', () => {
  it('lets only the author edit a live post', () => {
    expect(canEditPost(actor(), livePost('u1'))).toBe(true);
    expect(canEditPost(actor('moderator'), livePost('u2'))).toBe(false);
    expect(canEditPost(actor('admin'), livePost('u2'))).toBe(false);
    expect(canEditPost(actor(), removedPost)).toBe(false);
  });

  it('lets nobody edit a post whose author account is gone', () => {
    expect(canEditPost(actor(), livePost(null))).toBe(false);
  });
});

describe('canDeletePost', () => {
  it('lets the author remove their own post', () => {
    expect(canDeletePost(actor(), livePost('u1'))).toBe(true);
  });

  it('does not let a member, peer supporter, facilitator or clinician remove someone else\'s post', () => {
    for (const role of ['member', 'peer_supporter', 'facilitator', 'clinician'] as const) {
      expect(canDeletePost(actor(role), livePost('u2'))).toBe(false);
    }
  });

  it('lets moderators and admins remove any live post, including one whose author is gone', () => {
    expect(canDeletePost(actor('moderator'), livePost('u2'))).toBe(true);
    expect(canDeletePost(actor('admin'), livePost(null))).toBe(true);
  });

  it('does not remove a post twice', () => {
    expect(canDeletePost(actor('admin'), removedPost)).toBe(false);
  });
});

describe('canReactToPost', () => {
  it('takes reactions on live posts the reader can see', () => {
    expect(canReactToPost(true, livePost())).toBe(true);
    expect(canReactToPost(false, livePost())).toBe(false);
    expect(canReactToPost(true, removedPost)).toBe(false);
  });
});
