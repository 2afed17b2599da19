import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}
