import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildServer, type BuiltServer } from '../../main.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { SESSION_COOKIE } from '../../platform/http/index.ts';
import { createLocalBus } from '../../platform/realtime/index.ts';
import { createGroupRoom, sendMessage } from '../../test/factories/chat.ts';
import { daysAgo, insertCheckinAt } from '../../test/factories/outcomes.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

// A long window, so nothing is stored until the test (or the shutdown) flushes.
let t: TestServer;
let logLines: Array<{ level: number; msg: string; item?: string }> = [];
let alice: TestUser;
let bo: TestUser;
let roomId: string;
let closed = false;
/** A second node on the same database, with its own queue (as a second machine would have). */
let nodeB: BuiltServer;

beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  t = await createTestServer({ env: { MOOD_BATCH_MS: '60000' }, logger });
  alice = await t.createUser('member');
  bo = await t.createUser('member');
  ({ roomId } = await createGroupRoom(t, [alice, bo]));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: '/tmp/hearth-test-data', MOOD_BATCH_MS: '60000' });
  nodeB = await buildServer({ config, logger: pino({ level: 'silent' }), database: t.database, bus: createLocalBus(), cipher: createFieldCipher('0'.repeat(64)) });
  await nodeB.app.ready();
});
afterAll(async () => {
  await nodeB.app.close();
  if (closed) await t.database.drop();
  else await t.close();
});

const moodsOf = async (ids: string[]) =>
  (await t.database.pool.query<{ message_id: string; user_id: string; compound: number; created_at: Date }>('select message_id, user_id, compound, created_at from message_moods where message_id = any($1)', [ids])).rows;

/** Counts the statements that write message moods while `run` runs. */
async function countMoodInserts(run: () => Promise<void>) {
  const pool = t.database.pool;
  const original = pool.query.bind(pool);
  let n = 0;
  pool.query = ((...args: Parameters<typeof original>) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
    if (text?.includes('insert into message_moods')) n++;
    return original(...args);
  }) as typeof pool.query;
  try {
    await run();
  } finally {
    pool.query = original;
  }
  return n;
}

describe('batched message moods', () => {
  it('stores the moods of several messages in one statement when the batch is flushed, at the time each was sent', async () => {
    const sentAfter = new Date();
    const sent = [
      await sendMessage(t, alice, roomId, 'Thank you, I feel so much better today!'),
      await sendMessage(t, bo, roomId, 'This week was awful and I am exhausted.'),
      await sendMessage(t, alice, roomId, 'See you all next Tuesday.'),
    ];
    const ids = sent.map((m) => m.id);
    expect(await moodsOf(ids)).toEqual([]);
    const sentBefore = new Date();

    expect(await countMoodInserts(() => t.services.outcomes.flushMessageMoods())).toBe(1);
    const rows = await moodsOf(ids);
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((r) => [r.message_id, r]));
    expect(byId.get(ids[0]!)!.compound).toBeGreaterThan(0.3);
    expect(byId.get(ids[1]!)!.compound).toBeLessThan(-0.3);
    expect(byId.get(ids[1]!)!.user_id).toBe(bo.id);
    for (const r of rows) {
      expect(r.created_at.getTime()).toBeGreaterThanOrEqual(sentAfter.getTime() - 5);
      expect(r.created_at.getTime()).toBeLessThanOrEqual(sentBefore.getTime() + 5);
    }
  });

  it('stores the others when one message was deleted before its mood was stored', async () => {
    const kept = await sendMessage(t, alice, roomId, 'Glad to be here.');
    const gone = await sendMessage(t, bo, roomId, 'Please delete this.');
    await t.database.pool.query('delete from messages where id = $1', [gone.id]);
    logLines = [];
    await t.services.outcomes.flushMessageMoods();
    expect((await moodsOf([kept.id, gone.id])).map((r) => r.message_id)).toEqual([kept.id]);
    expect(logLines.some((l) => l.msg.includes('no longer exists'))).toBe(true);
  });

  it('tries a failed batch again and loses nothing once the database takes writes again', async () => {
    const message = await sendMessage(t, alice, roomId, 'A quiet, good evening.');
    logLines = [];
    await t.database.pool.query('alter table message_moods rename to message_moods_away');
    let renamedBack = false;
    try {
      const flushing = t.services.outcomes.flushMessageMoods();
      for (let i = 0; i < 200 && !logLines.some((l) => l.msg.includes('tried again')); i++) await new Promise((r) => setTimeout(r, 10));
      expect(logLines.some((l) => l.msg.includes('tried again'))).toBe(true);
      await t.database.pool.query('alter table message_moods_away rename to message_moods');
      renamedBack = true;
      await flushing;
    } finally {
      if (!renamedBack) await t.database.pool.query('alter table message_moods_away rename to message_moods');
    }
    expect(await moodsOf([message.id])).toHaveLength(1);
    expect(logLines.some((l) => l.level >= 50)).toBe(false);
  });

  it('names each message it gave up on after repeated failures, without its words', async () => {
    const message = await sendMessage(t, bo, roomId, 'My secret words stay private.');
    logLines = [];
    await t.database.pool.query('alter table message_moods rename to message_moods_away');
    try {
      await t.services.outcomes.flushMessageMoods();
    } finally {
      await t.database.pool.query('alter table message_moods_away rename to message_moods');
    }
    const gaveUp = logLines.filter((l) => l.level >= 50);
    expect(gaveUp.map((l) => l.item)).toEqual([`message ${message.id}`]);
    expect(JSON.stringify(logLines)).not.toContain('secret');
    expect(await moodsOf([message.id])).toEqual([]);
  });

  it('nudges a declining person once when two nodes store their moods at the same moment', async () => {
    const person = await t.createUser('member');
    const { roomId: theirRoom } = await createGroupRoom(t, [person]);
    for (let d = 8; d <= 20; d += 2) await insertCheckinAt(t, person, 8, daysAgo(d));
    for (const d of [1, 2, 3]) await insertCheckinAt(t, person, 2, daysAgo(d));
    await sendMessage(t, person, theirRoom, 'Everything feels hopeless and heavy lately.');
    const onB = await nodeB.app.inject({
      method: 'POST',
      url: `/api/rooms/${theirRoom}/messages`,
      headers: { cookie: `${SESSION_COOKIE}=${person.cookie}`, 'x-csrf-token': person.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ clientId: 'from-node-b', body: 'I am so tired and sad, nothing helps.' }),
    });
    expect(onB.statusCode).toBe(201);
    await Promise.all([t.services.outcomes.flushMessageMoods(), nodeB.services.outcomes.flushMessageMoods()]);
    const nudges = await t.database.pool.query('select id from mood_nudges where user_id = $1', [person.id]);
    expect(nudges.rowCount).toBe(1);
  });

  it('stores what is still queued when the node shuts down', async () => {
    const message = await sendMessage(t, alice, roomId, 'Goodnight everyone, thank you.');
    expect(await moodsOf([message.id])).toEqual([]);
    await t.app.close();
    closed = true;
    expect(await moodsOf([message.id])).toHaveLength(1);
  });
});
