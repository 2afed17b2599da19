import type { Db } from '../../platform/db/index.ts';
import { runPrepared, type PreparedStatement } from '../../platform/db/prepared.ts';

// The chat post path's read of on-demand rooms (on-demand-room-facts.ts): one prepared statement per batch of posts.

const ROOM_FACTS: PreparedStatement = {
  name: 'matching_on_demand_room_facts_v1',
  text: `
    select p.room_id, p.user_id, r.topic, r.status, (m.id is not null) as participant
    from jsonb_to_recordset($1::jsonb) as p(room_id uuid, user_id uuid)
    join on_demand_rooms r on r.room_id = p.room_id
    left join on_demand_members m on m.on_demand_room_id = r.id and m.user_id = p.user_id and m.left_at is null`,
};

/** An on-demand room's topic and status, and whether the person is present in it, keyed `chatRoom:user`. */
export async function listOnDemandRoomFacts(db: Db, pairs: Array<{ roomId: string; userId: string }>) {
  const input = pairs.map((p) => ({ room_id: p.roomId, user_id: p.userId }));
  const result = await runPrepared<{ room_id: string; user_id: string; topic: string; status: string; participant: boolean }>(db, ROOM_FACTS, [JSON.stringify(input)]);
  return new Map(result.rows.map((r) => [`${r.room_id}:${r.user_id}`, { topic: r.topic, status: r.status, participant: r.participant }]));
}
