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
