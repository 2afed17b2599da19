import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@hearth/contracts';
import { initialRoomState, maxSeq, mergeMessages, minSeq, reconcilePending, resumeSeq, roomReducer, type PendingMessage } from './merge.ts';

const ME = 'user-me';
function msg(seq: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    roomId: 'r1',
    seq,
    clientId: `c${seq}`,
    author: { id: 'user-other', displayName: 'Robin' },
    body: `message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}
const pending = (clientId: string, status: PendingMessage['status'] = 'sending'): PendingMessage => ({ clientId, body: 'hi', status, createdAt: '2026-01-01T00:00:00Z' });

describe('mergeMessages', () => {
  it('keeps one message per seq when history and live events overlap', () => {
    const merged = mergeMessages([msg(1), msg(2), msg(3)], [msg(3), msg(4), msg(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('orders by seq even when events arrive out of order', () => {
    expect(mergeMessages([msg(5)], [msg(3), msg(9), msg(1)]).map((m) => m.seq)).toEqual([1, 3, 5, 9]);
  });

  it('keeps the edited version over a stale copy from history', () => {
    const edited = msg(2, { body: 'edited', editedAt: '2026-01-01T13:00:00Z' });
    expect(mergeMessages([edited], [msg(2)])[0]?.body).toBe('edited');
    expect(mergeMessages([msg(2)], [edited])[0]?.body).toBe('edited');
  });

  it('returns the same array when nothing changed, so React can skip a render', () => {
    const existing = [msg(1), msg(2)];
    expect(mergeMessages(existing, [])).toBe(existing);
  });
});

describe('cursors', () => {
  it('finds the highest and lowest seq', () => {
    expect(maxSeq([msg(4), msg(2), msg(7)])).toBe(7);
    expect(maxSeq([], 3)).toBe(3);
    expect(minSeq([msg(4), msg(2)])).toBe(2);
    expect(minSeq([])).toBeNull();
  });
});

describe('pending messages', () => {
  it('drops a pending message once my confirmed copy arrives with the same clientId', () => {
    const confirmed = msg(8, { clientId: 'abc', author: { id: ME, displayName: 'Me' } });
    expect(reconcilePending([pending('abc'), pending('def')], [confirmed], ME).map((p) => p.clientId)).toEqual(['def']);
  });

  it("does not drop mine when someone else's message happens to share the clientId", () => {
    expect(reconcilePending([pending('abc')], [msg(8, { clientId: 'abc' })], ME)).toHaveLength(1);
  });

  it('keeps a failed message, with its text, until it is resent and confirmed', () => {
    let state = roomReducer(initialRoomState(), { type: 'pending.add', pending: pending('abc') });
    state = roomReducer(state, { type: 'pending.status', clientId: 'abc', status: 'failed', error: 'offline' });
    expect(state.pending[0]).toMatchObject({ status: 'failed', body: 'hi' });
    state = roomReducer(state, { type: 'sent', message: msg(3, { clientId: 'abc', author: { id: ME, displayName: 'Me' } }) });
    expect(state.pending).toHaveLength(0);
    expect(state.messages.map((m) => m.seq)).toEqual([3]);
  });
});

describe('roomReducer live events', () => {
  it('announces new messages from others but not my own or duplicates', () => {
    let state = roomReducer(initialRoomState(), { type: 'history', messages: [msg(1)], hasOlder: false, me: ME });
    state = roomReducer(state, { type: 'live', message: msg(1), me: ME });
    expect(state.announce).toBeNull();
    state = roomReducer(state, { type: 'live', message: msg(2, { author: { id: ME, displayName: 'Me' } }), me: ME });
    expect(state.announce).toBeNull();
    state = roomReducer(state, { type: 'live', message: msg(3), me: ME });
    expect(state.announce?.seq).toBe(3);
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('applies an update to an existing message in place', () => {
    let state = roomReducer(initialRoomState(), { type: 'history', messages: [msg(1), msg(2)], me: ME });
    state = roomReducer(state, { type: 'updated', message: msg(2, { body: '', deletedAt: '2026-01-02T00:00:00Z' }) });
    expect(state.messages[1]?.deletedAt).not.toBeNull();
    expect(state.messages).toHaveLength(2);
  });
});

describe('resumeSeq', () => {
  it('resumes from the newest seq when nothing recent is missing', () => {
    expect(resumeSeq([])).toBe(0);
    expect(resumeSeq([msg(41), msg(42), msg(43)])).toBe(43);
  });

  it('resumes from below a message still in flight when my own newer one was acknowledged first', () => {
    // Seq 5 (someone else's) was on its way over the socket when my message got seq 6 over HTTP and the socket dropped.
    let state = initialRoomState();
    state = roomReducer(state, { type: 'history', messages: [msg(3), msg(4)], me: ME });
    state = roomReducer(state, { type: 'sent', message: msg(6, { author: { id: ME, displayName: 'Me' } }) });
    expect(maxSeq(state.messages)).toBe(6);
    expect(resumeSeq(state.messages)).toBe(4);
    // The catch-up brings 5 and 6 again: each is shown once, in order.
    state = roomReducer(state, { type: 'live', message: msg(5), me: ME });
    state = roomReducer(state, { type: 'live', message: msg(6, { author: { id: ME, displayName: 'Me' } }), me: ME });
    expect(state.messages.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(resumeSeq(state.messages)).toBe(6);
  });

  it('ignores gaps far back in the history (removed messages), so a reconnect does not refetch everything', () => {
    const messages = [msg(1), ...Array.from({ length: 100 }, (_, i) => msg(i + 3))];
    expect(resumeSeq(messages)).toBe(102);
    expect(resumeSeq(messages, 200)).toBe(1);
  });
});
