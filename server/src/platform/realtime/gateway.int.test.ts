import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
let base: string;
beforeAll(async () => {
  t = await createTestServer();
  base = (await t.listen()).replace('http', 'ws');
});
afterAll(async () => t.close());

function open(cookie?: string) {
  const ws = new WebSocket(`${base}/ws`, cookie ? { headers: { cookie: `hearth_sid=${cookie}` } } : {});
  const events: unknown[] = [];
  ws.on('message', (d) => events.push(JSON.parse(d.toString())));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return { ws, events, closed };
}

describe('realtime gateway', () => {
  it('refuses a socket without a session, saying why', async () => {
    const { events, closed } = open();
    expect(await closed).toBe(4401);
    expect(events).toEqual([expect.objectContaining({ type: 'error', code: 'unauthenticated' })]);
  });

  it('answers ping and rejects malformed events kindly', async () => {
    const user = await t.createUser();
    const { ws, events } = open(user.cookie);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'ping' }));
    ws.send('not json');
    await expect.poll(() => events.length).toBe(2);
    expect(events).toEqual([{ type: 'pong' }, expect.objectContaining({ type: 'error', code: 'bad_event' })]);
    ws.close();
  });

  it('tells connected clients to reconnect when the server shuts down', async () => {
    const own = await createTestServer();
    const url = (await own.listen()).replace('http', 'ws');
    const user = await own.createUser();
    const ws = new WebSocket(`${url}/ws`, { headers: { cookie: `hearth_sid=${user.cookie}` } });
    const events: Array<{ type: string }> = [];
    ws.on('message', (d) => events.push(JSON.parse(d.toString())));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((r) => ws.once('open', r));
    await own.close();
    expect(await closed).toBe(1012);
    expect(events.at(-1)).toMatchObject({ type: 'reconnect', retryAfterMs: expect.any(Number) });
  });
});
