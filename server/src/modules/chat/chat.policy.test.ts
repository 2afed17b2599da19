import { describe, expect, it } from 'vitest';
import {
  canChangeMessage,
  canCloseConversation,
  canPostInRoom,
  canReadRoom,
  canRequestConversation,
  canRespondToConversation,
  canSeeRoom,
  type ConversationFacts,
  type MembershipFacts,
  type RoomFacts,
} from './chat.policy.ts';

const me = { userId: 'me', orgId: 'org' };
const member: MembershipFacts = { role: 'member', status: 'active' };
const facilitator: MembershipFacts = { role: 'facilitator', status: 'active' };
const coFacilitator: MembershipFacts = { role: 'co_facilitator', status: 'active' };

const group = (membership: MembershipFacts, groupArchived = false): RoomFacts => ({ kind: 'group', membership, groupArchived });
const session = (membership: MembershipFacts, when: 'before' | 'open' | 'ended' | 'cancelled'): RoomFacts => ({
  kind: 'session',
  membership,
  groupArchived: false,
  open: when === 'open',
  ended: when === 'ended',
  cancelled: when === 'cancelled',
});
const conversation = (status: ConversationFacts['status'], side: 'member' | 'supporter' | 'neither' = 'member'): ConversationFacts => ({
  memberId: side === 'member' ? 'me' : 'someone',
  supporterId: side === 'supporter' ? 'me' : 'helper',
  status,
});
const direct = (c: ConversationFacts | null): RoomFacts => ({ kind: 'direct', conversation: c });

describe('group rooms', () => {
  it('lets active members see, read and post', () => {
    expect([canSeeRoom(me, group(member)), canReadRoom(me, group(member)), canPostInRoom(me, group(member))]).toEqual([true, true, true]);
  });

  it('keeps out people who are not active members', () => {
    for (const status of ['requested', 'invited', 'declined', 'left']) {
      const room = group({ role: 'member', status });
      expect([canSeeRoom(me, room), canReadRoom(me, room), canPostInRoom(me, room)]).toEqual([false, false, false]);
    }
    expect(canReadRoom(me, group(null))).toBe(false);
  });

  it('makes an archived group\'s room read-only', () => {
    expect(canReadRoom(me, group(member, true))).toBe(true);
    expect(canPostInRoom(me, group(member, true))).toBe(false);
  });
});

describe('session live rooms', () => {
  it('lets members in only while the room is open', () => {
    expect(canReadRoom(me, session(member, 'open'))).toBe(true);
    expect(canPostInRoom(me, session(member, 'open'))).toBe(true);
    for (const when of ['before', 'ended', 'cancelled'] as const) {
      expect(canSeeRoom(me, session(member, when))).toBe(true);
      expect(canReadRoom(me, session(member, when))).toBe(false);
      expect(canPostInRoom(me, session(member, when))).toBe(false);
    }
  });

  it('lets group facilitators and co-facilitators in early, but not after the end or when cancelled', () => {
    for (const m of [facilitator, coFacilitator]) {
      expect(canReadRoom(me, session(m, 'before'))).toBe(true);
      expect(canPostInRoom(me, session(m, 'before'))).toBe(true);
      expect(canReadRoom(me, session(m, 'ended'))).toBe(false);
      expect(canReadRoom(me, session(m, 'cancelled'))).toBe(false);
    }
  });

  it('does not let a facilitator who left the group in early', () => {
    expect(canReadRoom(me, session({ role: 'facilitator', status: 'left' }, 'before'))).toBe(false);
  });

  it('hides the room from people outside the group even while open', () => {
    expect(canSeeRoom(me, session(null, 'open'))).toBe(false);
    expect(canReadRoom(me, session(null, 'open'))).toBe(false);
  });
});

describe('one-to-one rooms', () => {
  it('lets both participants of an accepted conversation read and post', () => {
    for (const side of ['member', 'supporter'] as const) {
      const room = direct(conversation('accepted', side));
      expect([canSeeRoom(me, room), canReadRoom(me, room), canPostInRoom(me, room)]).toEqual([true, true, true]);
    }
  });

  it('keeps a closed conversation readable by its participants but closed to new messages', () => {
    const room = direct(conversation('closed'));
    expect(canReadRoom(me, room)).toBe(true);
    expect(canPostInRoom(me, room)).toBe(false);
  });

  it('keeps everyone else out, and everyone out of pending or declined conversations', () => {
    expect(canSeeRoom(me, direct(conversation('accepted', 'neither')))).toBe(false);
    expect(canSeeRoom(me, direct(conversation('pending')))).toBe(false);
    expect(canSeeRoom(me, direct(conversation('declined')))).toBe(false);
    expect(canReadRoom(me, direct(null))).toBe(false);
  });
});

describe('messages', () => {
  it('lets only the author change a message, and not once it is deleted', () => {
    expect(canChangeMessage(me, { authorId: 'me', deletedAt: null })).toBe(true);
    expect(canChangeMessage(me, { authorId: 'you', deletedAt: null })).toBe(false);
    expect(canChangeMessage(me, { authorId: null, deletedAt: null })).toBe(false);
    expect(canChangeMessage(me, { authorId: 'me', deletedAt: new Date() })).toBe(false);
  });
});

describe('conversation requests', () => {
  it('lets a person ask a peer supporter in their organization, never themselves or other roles', () => {
    expect(canRequestConversation(me, { id: 'helper', orgId: 'org', role: 'peer_supporter' })).toBe(true);
    expect(canRequestConversation(me, { id: 'helper', orgId: 'other', role: 'peer_supporter' })).toBe(false);
    expect(canRequestConversation(me, { id: 'helper', orgId: 'org', role: 'member' })).toBe(false);
    expect(canRequestConversation(me, { id: 'me', orgId: 'org', role: 'peer_supporter' })).toBe(false);
  });

  it('lets only the requested supporter answer, and only while pending', () => {
    expect(canRespondToConversation(me, conversation('pending', 'supporter'))).toBe(true);
    expect(canRespondToConversation(me, conversation('pending', 'member'))).toBe(false);
    expect(canRespondToConversation(me, conversation('accepted', 'supporter'))).toBe(false);
  });

  it('lets either person close a waiting or ongoing conversation, once', () => {
    expect(canCloseConversation(me, conversation('pending', 'member'))).toBe(true);
    expect(canCloseConversation(me, conversation('accepted', 'supporter'))).toBe(true);
    expect(canCloseConversation(me, conversation('closed', 'member'))).toBe(false);
    expect(canCloseConversation(me, conversation('declined', 'member'))).toBe(false);
    expect(canCloseConversation(me, conversation('accepted', 'neither'))).toBe(false);
  });
});
