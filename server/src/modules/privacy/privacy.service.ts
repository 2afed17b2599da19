import type { Db, Tx } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { PersonalDataRegistry } from '../../platform/personal-data.ts';
import type { RevokeLive } from '../../platform/realtime/live-access.ts';
import * as repo from './privacy.repo.ts';
import { flattenToTables, zipTables } from './privacy.csv.ts';

/** What privacy needs from accounts: the password check, and the last step that removes the person's row. */
export type AccountsForPrivacy = {
  verifyPassword(userId: string, password: string): Promise<boolean>;
  deleteUserRow(tx: Tx, userId: string): Promise<{ pseudonym: string; email: string | null } | null>;
};

export type PrivacyService = ReturnType<typeof createPrivacyService>;

const README = `Your data from Hearth

This archive holds everything Hearth stores about you, one CSV file per kind of record.
Private messages, check-ins and safety plans are stored encrypted and were decrypted for this download only.
Keep this file somewhere safe: it is personal.
`;

/** "Export my data" and "delete my account", across every module that registered its personal data. */
export function createPrivacyService(deps: { db: Db; registry: PersonalDataRegistry; accounts: AccountsForPrivacy; now?: () => Date; revokeLive?: RevokeLive }) {
  const { db, registry, accounts } = deps;
  const now = deps.now ?? (() => new Date());

  async function collect(userId: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const contributor of registry.list()) out[contributor.name] = await contributor.export(userId);
    return out;
  }

  return {
    /** Everything about the person as one JSON document, with when and what it covers. */
    async exportJson(actor: Actor) {
      const data = await collect(actor.userId);
      await db.transaction((tx) => writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'privacy.exported', entityType: 'user', entityId: actor.userId, data: { format: 'json' } }));
      return { exportedAt: now().toISOString(), format: 'hearth-personal-data/1', data };
    },

    /** The same data as a zip of CSV tables, for spreadsheets. */
    async exportCsvZip(actor: Actor): Promise<Uint8Array> {
      const data = await collect(actor.userId);
      await db.transaction((tx) => writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'privacy.exported', entityType: 'user', entityId: actor.userId, data: { format: 'csv' } }));
      return zipTables(flattenToTables(data), README);
    },

    /** How many records each section holds, so the page can say what a download or a deletion covers. */
    async summarize(actor: Actor) {
      const data = await collect(actor.userId);
      return {
        sections: Object.entries(data).map(([name, value]) => ({ name, records: countRecords(value) })),
      };
    },

    /**
     * Deletes the account and everything about the person in one transaction. The audit log keeps a
     * de-identified trace (that an account was deleted, not whose).
     */
    async deleteAccount(actor: Actor, password: string): Promise<boolean> {
      if (!(await accounts.verifyPassword(actor.userId, password))) return false;
      await db.transaction(async (tx) => {
        for (const contributor of [...registry.list()].reverse()) await contributor.erase(tx, actor.userId);
        await repo.cancelJobsMentioning(tx, actor.userId);
        const removed = await accounts.deleteUserRow(tx, actor.userId);
        await repo.deidentifyAudit(tx, actor.userId, [removed?.pseudonym ?? '', removed?.email ?? ''].filter(Boolean));
        await writeAudit(tx, { orgId: actor.orgId, actorId: null, action: 'privacy.account_deleted', entityType: 'user', entityId: null });
      });
      // After commit: every open socket of the person closes on every node.
      await deps.revokeLive?.({ userId: actor.userId, allSessions: true, reason: 'account_deleted' }).catch(() => {});
      return true;
    },
  };
}

/** A section is an object of lists (each item one record) and single records (an object, or null when absent). */
function countRecords(section: unknown): number {
  if (Array.isArray(section)) return section.length;
  if (!section || typeof section !== 'object') return section === null || section === undefined ? 0 : 1;
  return Object.values(section).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : v === null || v === undefined ? 0 : 1), 0);
}
