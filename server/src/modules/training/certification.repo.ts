import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { certificates, orgs, trainingSettings } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateKind = CertificateRow['kind'];
export type TrainingSettingsRow = {
  requireCertificates: boolean;
  practiceHoursRequired: number;
  validityMonths: number;
  renewalCeHours: number;
  warningDays: number;
};

export const DEFAULT_TRAINING_SETTINGS: TrainingSettingsRow = { requireCertificates: true, practiceHoursRequired: 20, validityMonths: 24, renewalCeHours: 6, warningDays: 30 };

export async function findSettings(db: DbOrTx, orgId: string): Promise<TrainingSettingsRow> {
  const [row] = await db
    .select({
      requireCertificates: trainingSettings.requireCertificates,
      practiceHoursRequired: trainingSettings.practiceHoursRequired,
      validityMonths: trainingSettings.validityMonths,
      renewalCeHours: trainingSettings.renewalCeHours,
      warningDays: trainingSettings.warningDays,
    })
    .from(trainingSettings)
    .where(eq(trainingSettings.orgId, orgId));
  return row ?? DEFAULT_TRAINING_SETTINGS;
}

export async function upsertSettings(db: DbOrTx, orgId: string, values: TrainingSettingsRow) {
  await db.insert(trainingSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: trainingSettings.orgId, set: { ...values, updatedAt: new Date() } });
  return values;
}

export async function insertCertificate(db: DbOrTx, values: typeof certificates.$inferInsert) {
  const [row] = await db.insert(certificates).values(values).returning();
  return row!;
}

export async function updateCertificate(db: DbOrTx, id: string, values: Partial<typeof certificates.$inferInsert>) {
  const [row] = await db.update(certificates).set(values).where(eq(certificates.id, id)).returning();
  return row!;
}

export async function findCertificate(db: DbOrTx, id: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  return row ?? null;
}

export async function lockCertificate(db: DbOrTx, id: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id)).for('update');
  return row ?? null;
}

/** The certificate and its organization's name, for the public verification page. */
export async function findByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ certificate: certificates, orgName: orgs.name }).from(certificates).innerJoin(orgs, eq(orgs.id, certificates.orgId)).where(eq(certificates.code, code));
  return row ?? null;
}

export async function listForUser(db: DbOrTx, userId: string) {
  return db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt));
}

export async function listForOrg(db: DbOrTx, orgId: string) {
  return db.select().from(certificates).where(eq(certificates.orgId, orgId)).orderBy(desc(certificates.issuedAt)).limit(500);
}

/** An unrevoked certificate of this kind that has not expired at `at`. */
export async function findActive(db: DbOrTx, userId: string, kind: CertificateKind, at: Date) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.kind, kind), isNull(certificates.revokedAt), gt(certificates.expiresAt, at)))
    .orderBy(desc(certificates.expiresAt))
    .limit(1);
  return row ?? null;
}

/**
 * Account deletion: the certificate survives as a de-identified record, so a verification code someone was given
 * still answers, but it no longer points at or names the person, and it is marked revoked.
 */
export async function deidentifyCertificates(db: DbOrTx, userId: string, at: Date) {
  const mine = await listForUser(db, userId);
  for (const c of mine) {
    await db
      .update(certificates)
      .set({ userId: null, holderName: 'Former member', revokedAt: c.revokedAt ?? at, revocationReason: c.revocationReason ?? 'The holder closed their account.' })
      .where(eq(certificates.id, c.id));
  }
}
