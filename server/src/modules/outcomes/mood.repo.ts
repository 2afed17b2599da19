import { and, asc, gte, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { messageMoods } from '../../db/schema/index.ts';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';

export type NewMessageMood = { orgId: string; messageId: string; roomId: string; userId: string; compound: number; emotion: string; emotionConfidence: number; createdAt: Date };

/**
 * Stores many message moods in one statement (arrays unnested server-side, so the SQL text is the same for any
 * batch size). A message already analysed (a retry, or another node) is skipped. Returns how many rows were new.
 */
export async function insertMessageMoods(db: DbOrTx, rows: NewMessageMood[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewMessageMood>(key: K) => sql.param(rows.map((r) => r[key]));
  const result = await db.execute(sql`
    insert into message_moods (id, org_id, message_id, room_id, user_id, compound, emotion, emotion_confidence, created_at, updated_at)
    select v.id, v.org_id, v.message_id, v.room_id, v.user_id, v.compound, v.emotion, v.emotion_confidence, v.created_at, v.created_at
    from unnest(${sql.param(rows.map(() => uuidv7()))}::uuid[], ${col('orgId')}::uuid[], ${col('messageId')}::uuid[], ${col('roomId')}::uuid[],
                ${col('userId')}::uuid[], ${col('compound')}::real[], ${col('emotion')}::text[], ${col('emotionConfidence')}::real[],
                ${col('createdAt')}::timestamptz[])
      as v(id, org_id, message_id, room_id, user_id, compound, emotion, emotion_confidence, created_at)
    on conflict (message_id) do nothing`);
  return result.rowCount ?? 0;
}

/** Message sentiment of several people since a date, oldest first (one statement for a whole batch's authors). */
export async function listMessageMoodsOf(db: DbOrTx, userIds: string[], since: Date) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: messageMoods.userId, compound: messageMoods.compound, at: messageMoods.createdAt })
    .from(messageMoods)
    .where(and(inArray(messageMoods.userId, userIds), gte(messageMoods.createdAt, since)))
    .orderBy(asc(messageMoods.createdAt));
}

/**
 * Serializes nudge decisions about one person until the transaction ends, so two nodes that see the same decline at
 * the same moment cannot both nudge.
 */
export async function lockNudgesOf(tx: Tx, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'mood_nudge:' + userId}, 0))`);
}
