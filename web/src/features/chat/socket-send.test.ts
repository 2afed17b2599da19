import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientEvent, ServerEvent } from '@hearth/contracts';
import { ApiError } from '../../lib/api-client.ts';
import { SocketSender } from './socket-send.ts';

type Sent = Extract<ServerEvent, { type: 'sent' }>;
const room = 'room:7b0e3f3e-4a4b-4c8e-9a55-0f5d1e2a3b4c';
const message = (clientId: string) =>
  ({ id: 'm1', roomId: room.slice(5), seq: 3, clientId, body: 'hello', author: null, createdAt: '2026-11-22T05:00:00.000Z', editedAt: null, deletedAt: null, hidden: false }) as unknown as Sent['message'];

function setup(open = true) {
  const written: ClientEvent[] = [];
  const sender = new SocketSender((event) => {
    if (!open) return false;
    written.push(event);
    return true;
  }, 1000);
  return { sender, written };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sending over the live socket', () => {
  it('waits for the room to be joined; until then the caller sends over HTTP', async () => {
    const { sender, written } = setup();
    await expect(sender.send(room, 'c1', 'hello')).resolves.toEqual({ kind: 'fallback', reason: 'not_joined' });
    expect(written).toEqual([]);
  });

  it('settles with the stored message when the server acknowledges it', async () => {
    const { sender, written } = setup();
    sender.setJoined(true);
    const result = sender.send(room, 'c1', 'hello');
    expect(written).toEqual([{ type: 'send', room, clientId: 'c1', body: 'hello' }]);
    sender.handle({ type: 'sent', room, clientId: 'c1', seq: 3, message: { ...message('c1'), safety: { card: 'urgent' } } });
    await expect(result).resolves.toMatchObject({ kind: 'sent', message: { clientId: 'c1', safety: { card: 'urgent' } } });
  });

  it('falls back when the socket closes before the answer, when it stays silent, and when it cannot be written', async () => {
    const { sender } = setup();
    sender.setJoined(true);
    const closing = sender.send(room, 'c1', 'one');
    sender.setJoined(false);
    await expect(closing).resolves.toEqual({ kind: 'fallback', reason: 'closed' });

    sender.setJoined(true);
    const silent = sender.send(room, 'c2', 'two');
    vi.advanceTimersByTime(1000);
    await expect(silent).resolves.toEqual({ kind: 'fallback', reason: 'timeout' });
    // A late acknowledgement for a send that already went over HTTP changes nothing.
    sender.handle({ type: 'sent', room, clientId: 'c2', seq: 4, message: message('c2') });

    const closed = setup(false);
    closed.sender.setJoined(true);
    await expect(closed.sender.send(room, 'c3', 'three')).resolves.toEqual({ kind: 'fallback', reason: 'closed' });
  });

  it('falls back on a busy server and gives a refusal HTTP would repeat back as an error', async () => {
    const { sender } = setup();
    sender.setJoined(true);
    const busy = sender.send(room, 'c1', 'one');
    sender.handle({ type: 'send_failed', room, clientId: 'c1', code: 'unavailable', status: 503, message: 'Please try again.' });
    await expect(busy).resolves.toEqual({ kind: 'fallback', reason: 'retryable' });

    const invalid = sender.send(room, 'c2', '');
    sender.handle({ type: 'send_failed', room, clientId: 'c2', code: 'validation_failed', status: 422, message: 'Please write something first.' });
    const result = await invalid;
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.error).toBeInstanceOf(ApiError);
    expect(result.kind === 'refused' && [result.error.status, result.error.message]).toEqual([422, 'Please write something first.']);
  });
});
