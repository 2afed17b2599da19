import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { connectLive } from '../../test/factories/chat.ts';

// A clock the test moves by hand; it starts at the real time so rows the database stamps itself line up with it.
let clock = new Date();
let t: TestServer;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestServer({ now: () => clock });
  baseUrl = await t.listen();
});
afterAll(async () => t.close());

describe('on-demand rooms: the idle close ends live access', () => {
  it('tells an open socket at once that a small group closed for quiet, and lets nobody back into its room', async () => {
    const person = await t.createUser();
    const placed = (await t.client(person).post('/api/matching/small-groups', { text: 'I feel so anxious before every exam', language: 'fi' })).json().room;
    const room = `room:${placed.roomId}`;
    const live = await connectLive(baseUrl, person);
    try {
      expect((await live.subscribe(room)).type).toBe('subscribed');
      clock = new Date(clock.getTime() + 21 * 60_000);
      await t.jobs.runDueJobs();
      // The periodic re-check (10 s) has not run: only the job's revoke can end it now, and it says why.
      await live.waitFor((e) => e.type === 'revoked');
      expect(live.events.find((e) => e.type === 'revoked')).toEqual({ type: 'revoked', room, reason: 'closed' });
      expect(await live.subscribe(room)).toMatchObject({ type: 'error', code: 'not_found' });
      const audit = await t.database.pool.query(`select data from audit_log where entity_id = $1 and action = 'on_demand.closed'`, [placed.id]);
      expect(audit.rows[0].data).toMatchObject({ reason: 'idle' });
    } finally {
      await live.close();
    }
  });
});
