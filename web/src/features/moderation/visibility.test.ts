import { describe, expect, it } from 'vitest';
import type { BlockEntry } from './api.ts';
import { collapseReason, contentLink, localDay } from './visibility.ts';

const entry = (userId: string, kind: 'block' | 'mute'): BlockEntry => ({ userId, kind, displayName: userId, createdAt: '2026-01-01T00:00:00Z' });

describe('collapseReason', () => {
  it('collapses words from someone I blocked or muted, a block winning over a mute', () => {
    const blocks = [entry('a', 'mute'), entry('a', 'block'), entry('b', 'mute')];
    expect(collapseReason(blocks, 'a')).toBe('block');
    expect(collapseReason(blocks, 'b')).toBe('mute');
  });
  it('shows everyone else, and former members, as usual', () => {
    expect(collapseReason([entry('a', 'block')], 'c')).toBeNull();
    expect(collapseReason([entry('a', 'block')], null)).toBeNull();
    expect(collapseReason(undefined, 'a')).toBeNull();
  });
});

describe('localDay', () => {
  it('uses the person\u2019s own day, not the server\u2019s', () => {
    const at = new Date('2026-03-10T02:30:00Z');
    expect(localDay(at, 'UTC')).toBe('2026-03-10');
    expect(localDay(at, 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDay(at, 'Not/AZone')).toBe('2026-03-10');
  });
});

describe('contentLink', () => {
  const base = { threadId: null, roomId: 'r', roomKind: null, groupId: null, sessionId: null };
  it('links chat messages to the room they were posted in', () => {
    expect(contentLink({ ...base, roomKind: 'group', groupId: 'g' })).toBe('/groups/g/chat');
    expect(contentLink({ ...base, roomKind: 'session', sessionId: 's', groupId: 'g' })).toBe('/sessions/s/room');
    expect(contentLink({ ...base, roomKind: 'direct' })).toBe('/support');
  });
  it('links forum posts to their thread, and has no link for unknown places', () => {
    expect(contentLink({ ...base, roomId: null, threadId: 't' })).toBe('/forums/threads/t');
    expect(contentLink({ ...base, roomKind: 'on_demand' })).toBeNull();
    expect(contentLink(null)).toBeNull();
  });
});
