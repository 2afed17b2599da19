import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../platform/db/index.ts';
import { runPrepared, type PreparedStatement } from '../../platform/db/prepared.ts';

export type NewMessageMood = { orgId: string; messageId: string; roomId: string; userId: string; compound: number; emotion: string; emotionConfidence: number; createdAt: Date };

const INSERT_MOODS: PreparedStatement = {
  name: 'outcomes_insert_message_moods_v1',
  text: `
    insert into message_moods (id, org_id, message_id, room_id, user_id, compound, emotion, emotion_confidence, created_at, updated_at)
    select v.id, v.org_id, v.message_id, v.room_id, v.user_id, v.compound, v.emotion, v.emotion_confidence, v.created_at, v.created_at
    from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::real[], $7::text[], $8::real[], $9::timestamptz[])
      as v(id, org_id, message_id, room_id, user_id, compound, emotion, emotion_confidence, created_at)
    on conflict (message_id) do nothing`,
};

const MOODS_OF: PreparedStatement = {
  name: 'outcomes_message_moods_of_v1',
  text: `
    select user_id as "userId", compound, created_at as "at"
    from message_moods
    where user_id = any($1::uuid[]) and created_at >= $2
    order by created_at asc`,
};

/**
 * Stores many message moods in one prepared statement (arrays unnested server-side, so the SQL text is the same for
 * any batch size and nothing is built per batch). A message already analysed (a retry, or another node) is skipped.
 * Returns how many rows were new.
 */
export async function insertMessageMoods(db: Db, rows: NewMessageMood[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewMessageMood>(key: K) => rows.map((r) => r[key]);
  const result = await runPrepared(db, INSERT_MOODS, [
    rows.map(() => uuidv7()), col('orgId'), col('messageId'), col('roomId'), col('userId'), col('compound'), col('emotion'), col('emotionConfidence'),
    rows.map((r) => r.createdAt.toISOString()),
  ]);
  return result.rowCount ?? 0;
}

/** Message sentiment of several people since a date, oldest first (one prepared statement for a whole batch's authors). */
export async function listMessageMoodsOf(db: Db, userIds: string[], since: Date): Promise<Array<{ userId: string; compound: number; at: Date }>> {
  if (userIds.length === 0) return [];
  const result = await runPrepared<{ userId: string; compound: number; at: Date }>(db, MOODS_OF, [userIds, since.toISOString()]);
  return result.rows;
}

/**
 * Serializes nudge decisions about one person until the transaction ends, so two nodes that see the same decline at
 * the same moment cannot both nudge.
 */
export async function lockNudgesOf(tx: Tx, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'mood_nudge:' + userId}, 0))`);
}
