import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../platform/db/index.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';
import { createDirectRoom } from '../../test/factories/chat.ts';
import { findConversationByRoom } from './chat.repo.ts';

/**
 * Every message in a one-to-one room looks up its conversation by room (access checks, the on-call case context),
 * so that lookup must stay an index probe as conversations pile up. This reads the plan of the repo's own query.
 */

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };

function flattenPlan(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flattenPlan)];
}

const CONVERSATIONS = 5_000;

let t: TestServer;
let recorder: Database;
const recorded: { text: string; values: unknown[] }[] = [];

beforeAll(async () => {
  t = await createTestServer();
  // A second pool on the harness database whose queries are recorded, so the test explains exactly what the repo sends.
  recorder = connectDatabase(t.database.url, 1);
  const query = recorder.pool.query.bind(recorder.pool) as (...args: unknown[]) => Promise<unknown>;
  (recorder.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const [config, values] = args as [{ text: string; values?: unknown[] } | string, unknown[] | undefined];
    if (typeof config === 'string') recorded.push({ text: config, values: values ?? [] });
    else recorded.push({ text: config.text, values: config.values ?? values ?? [] });
    return query(...args);
  };
});
afterAll(async () => {
  await recorder?.close();
  await t?.close();
});

describe('direct_conversations.room_id lookup', () => {
  it('finds a conversation by its room through direct_room_idx, not by reading the whole table', async () => {
    const member = await t.createUser();
    const supporter = await t.createUser('peer_supporter');
    const { conversationId, roomId } = await createDirectRoom(t, member, supporter);

    // Many other conversations, each with its own room, like an organization after months of one-to-ones.
    await t.database.pool.query(
      `WITH r AS (
         INSERT INTO rooms (id, org_id, kind)
         SELECT gen_random_uuid(), $1, 'direct' FROM generate_series(1, $2::int)
         RETURNING id
       )
       INSERT INTO direct_conversations (id, member_id, supporter_id, status, room_id)
       SELECT gen_random_uuid(), $3, $4, 'accepted', r.id FROM r`,
      [member.orgId, CONVERSATIONS, member.id, supporter.id],
    );
    await t.database.pool.query('ANALYZE rooms, direct_conversations, users');

    recorded.length = 0;
    const found = await findConversationByRoom(recorder.db, roomId);
    expect(found?.id).toBe(conversationId);
    const lookup = recorded.find((q) => /from "direct_conversations"/i.test(q.text));
    expect(lookup, 'the repo query was recorded').toBeDefined();

    const explained = await t.database.pool.query(`EXPLAIN (FORMAT JSON) ${lookup!.text}`, lookup!.values);
    const plan = (explained.rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan;
    const nodes = flattenPlan(plan);
    const onConversations = nodes.filter((n) => n['Relation Name'] === 'direct_conversations' || n['Index Name'] === 'direct_room_idx');
    expect(nodes.some((n) => /^(Index Scan|Index Only Scan|Bitmap Index Scan)$/.test(n['Node Type']) && n['Index Name'] === 'direct_room_idx')).toBe(true);
    expect(onConversations.map((n) => n['Node Type'])).not.toContain('Seq Scan');
  });
});
