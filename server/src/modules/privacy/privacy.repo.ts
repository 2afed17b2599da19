import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';

/**
 * The audit log must outlive an account (who changed what, for safety and accountability), so it is
 * de-identified rather than deleted: the person's id disappears from actor, entity and data.
 */
export async function deidentifyAudit(tx: Tx, userId: string, replacements: string[]): Promise<void> {
  await tx.execute(sql`update audit_log set actor_id = null where actor_id = ${userId}`);
  await tx.execute(sql`update audit_log set entity_id = null where entity_id = ${userId}`);
  for (const value of [userId, ...replacements]) {
    if (!value) continue;
    await tx.execute(sql`
      update audit_log set data = replace(data::text, ${JSON.stringify(value).slice(1, -1)}, 'erased')::jsonb
      where data::text like ${'%' + escapeLike(JSON.stringify(value).slice(1, -1)) + '%'}`);
  }
}

/** Work queued about the person (reminders, escalations) must not fire after they are gone, and finished jobs must not keep their id. */
export async function cancelJobsMentioning(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`delete from jobs where payload::text like ${'%' + userId + '%'}`);
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
