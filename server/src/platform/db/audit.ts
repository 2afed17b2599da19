import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import type { DbOrTx } from './client.ts';

export type AuditEntry = {
  orgId?: string | null;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
};

/** Writes the audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}

/** How many audit rows of each action the organization wrote since a date (counts only, for aggregate reports). */
export async function countAuditActions(db: DbOrTx, orgId: string, actions: string[], since: Date): Promise<Record<string, number>> {
  const rows = await db
    .select({ action: auditLog.action, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), inArray(auditLog.action, actions), gte(auditLog.createdAt, since)))
    .groupBy(auditLog.action);
  return Object.fromEntries(actions.map((a) => [a, Number(rows.find((r) => r.action === a)?.n ?? 0)]));
}
