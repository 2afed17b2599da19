import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { writeAudit, type DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import * as certs from './certification.repo.ts';
import { installBuiltInCurriculum, type TrainingDeps } from './courses.ts';
import { TrainingErrors } from './training.errors.ts';
import { canManageCertificates, canViewCertificate, isExemptFromGroupCertificate } from './training.policy.ts';
import { certificateStatus, presentCertificate, presentVerification } from './training.presenter.ts';
import * as repo from './training.repo.ts';
import type { CertificateKind, ClaimBody, EarnableKind, GrantBody, SettingsBody } from './training.schemas.ts';

/** Readable verification codes without look-alike characters (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `HRT-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export type Requirement = { key: string; met: boolean; have: number; need: number };

/** Certificates: what each needs, issuing, renewal with continuing education, revocation, verification and PDFs. */
export function createCertificationUseCases(deps: TrainingDeps) {
  const { db, now, notifier, publicUrl } = deps;

  /** Schedules the "your certificate expires soon" notification (durable, once per expiry date). */
  async function scheduleExpiryWarning(tx: DbOrTx, c: certs.CertificateRow, settings: certs.TrainingSettingsRow) {
    if (!notifier || !c.userId) return;
    const warnAt = new Date(Math.max(c.expiresAt.getTime() - settings.warningDays * 86_400_000, now().getTime()));
    await notifier.schedule(
      tx,
      {
        userId: c.userId,
        kind: 'certificate.expiring',
        url: '/training/certificates',
        params: { certificate: c.kind, certificateId: c.id, expiresAt: c.expiresAt.toISOString() },
        dedupeKey: `certificate-expiring:${c.id}:${c.expiresAt.toISOString()}`,
      },
      warnAt,
    );
  }

  async function completedCourseIds(userId: string) {
    return new Map((await repo.listCourseProgress(db, userId)).filter((p) => p.completedAt).map((p) => [p.courseId, p.completedAt!]));
  }

  /** Continuing-education minutes from courses completed after `since`. */
  async function ceMinutesSince(userId: string, orgId: string, since: Date): Promise<number> {
    const done = await completedCourseIds(userId);
    const courses = await repo.listCourses(db, orgId);
    return courses.filter((c) => (done.get(c.id)?.getTime() ?? 0) > since.getTime()).reduce((sum, c) => sum + c.ceMinutes, 0);
  }

  async function hasActiveCertificate(userId: string, kind: CertificateKind): Promise<boolean> {
    return (await certs.findActive(db, userId, kind, now())) !== null;
  }

  /** Each requirement of a certificate and how far the person is. */
  async function eligibility(userId: string, orgId: string, kind: EarnableKind) {
    const settings = await certs.findSettings(db, orgId);
    // The built-in curriculum defines the core courses even before anyone in the organization opened training.
    await db.transaction((tx) => installBuiltInCurriculum(tx, orgId, now()));
    const courses = (await repo.listCourses(db, orgId)).filter((c) => c.publishedAt);
    const done = await completedCourseIds(userId);
    const requirements: Requirement[] = [];
    if (kind === 'peer_supporter') {
      const core = courses.filter((c) => c.kind === 'core');
      requirements.push({ key: 'core_courses', have: core.filter((c) => done.has(c.id)).length, need: core.length, met: core.every((c) => done.has(c.id)) });
      const minutes = await deps.signedOffPracticeMinutes(userId);
      const hours = Math.floor((minutes / 60) * 10) / 10;
      requirements.push({ key: 'supervised_hours', have: hours, need: settings.practiceHoursRequired, met: minutes >= settings.practiceHoursRequired * 60 });
    } else {
      const supporter = await hasActiveCertificate(userId, 'peer_supporter');
      requirements.push({ key: 'peer_supporter_certificate', have: supporter ? 1 : 0, need: 1, met: supporter });
      const facilitation = courses.filter((c) => c.kind === 'facilitation');
      requirements.push({ key: 'facilitation_courses', have: facilitation.filter((c) => done.has(c.id)).length, need: facilitation.length, met: facilitation.every((c) => done.has(c.id)) });
    }
    return { kind, eligible: requirements.every((r) => r.met), requirements };
  }

  const MISSING: Record<string, (r: Requirement) => string> = {
    core_courses: (r) => `${r.need - r.have} core course(s) still to complete`,
    supervised_hours: (r) => `${Math.max(0, r.need - r.have)} more supervised practice hour(s) to be signed off by your supervisor`,
    peer_supporter_certificate: () => 'a current Peer supporter certificate first',
    facilitation_courses: (r) => `${r.need - r.have} facilitation course(s) still to complete`,
  };

  async function issue(tx: DbOrTx, input: { orgId: string; userId: string; kind: CertificateKind; holderName: string; basis: 'earned' | 'recognised'; issuedBy: string }) {
    const settings = await certs.findSettings(tx, input.orgId);
    const issuedAt = now();
    const expiresAt = DateTime.fromJSDate(issuedAt).plus({ months: settings.validityMonths }).toJSDate();
    const row = await certs.insertCertificate(tx, { ...input, code: newCode(), issuedAt, expiresAt });
    await writeAudit(tx, { orgId: input.orgId, actorId: input.issuedBy, action: 'certificate.issued', entityType: 'certificate', entityId: row.id, data: { kind: input.kind, basis: input.basis, holderId: input.userId } });
    await scheduleExpiryWarning(tx, row, settings);
    return row;
  }

  function present(actor: Actor, c: certs.CertificateRow) {
    const status = certificateStatus(c, now());
    const mine = c.userId === actor.userId;
    return presentCertificate(c, now(), publicUrl, { renew: mine && status !== 'revoked', revoke: canManageCertificates(actor) && status !== 'revoked', download: true });
  }

  async function getViewable(actor: Actor, id: string) {
    const c = await certs.findCertificate(db, id);
    if (!c || !canViewCertificate(actor, c)) throw TrainingErrors.certificateNotFound();
    return c;
  }

  return {
    hasActiveCertificate,
    eligibility,
    ceMinutesSince,

    /**
     * Whether an expiry warning that just came due still applies (the notifications module asks; wired in main.ts): the
     * certificate was not revoked or renewed meanwhile. A renewal schedules its own warning for the new date.
     */
    async isExpiryWarningStillDue(input: { userId: string; params?: Record<string, string | number> }): Promise<boolean> {
      const id = input.params?.certificateId;
      if (typeof id !== 'string') return true;
      const c = await certs.findCertificate(db, id);
      return Boolean(c) && c!.userId === input.userId && !c!.revokedAt && c!.expiresAt.toISOString() === input.params?.expiresAt && c!.expiresAt > now();
    },

    /** One-to-one requests: certified supporters only, unless the organization switched the rule off. */
    async canTakeOneToOne(who: { userId: string; orgId: string }): Promise<boolean> {
      if (!(await certs.findSettings(db, who.orgId)).requireCertificates) return true;
      return hasActiveCertificate(who.userId, 'peer_supporter');
    },

    /** Leading a group: certified facilitators only (admins exempt), unless the organization switched the rule off. */
    async canLeadGroups(who: { userId: string; orgId: string }): Promise<boolean> {
      if (!(await certs.findSettings(db, who.orgId)).requireCertificates) return true;
      const person = await repo.findUser(db, who.userId);
      if (person && isExemptFromGroupCertificate(person.role)) return true;
      return hasActiveCertificate(who.userId, 'group_facilitator');
    },

    /** My certificates, what each needs, and the CE hours counted toward renewal. */
    async listMine(actor: Actor) {
      const rows = await certs.listForUser(db, actor.userId);
      const ce: Record<string, number> = {};
      for (const c of rows) ce[c.id] = await ceMinutesSince(actor.userId, actor.orgId, c.renewedAt ?? c.issuedAt);
      return {
        certificates: rows.map((c) => present(actor, c)),
        eligibility: [await eligibility(actor.userId, actor.orgId, 'peer_supporter'), await eligibility(actor.userId, actor.orgId, 'group_facilitator')],
        ceMinutesSinceIssue: ce,
        settings: await certs.findSettings(db, actor.orgId),
      };
    },

    /** Issues a certificate the person has earned. The name shown publicly is the one they choose here. */
    async claimCertificate(actor: Actor, body: ClaimBody) {
      if (await hasActiveCertificate(actor.userId, body.kind)) throw TrainingErrors.alreadyCertified();
      const check = await eligibility(actor.userId, actor.orgId, body.kind);
      if (!check.eligible) throw TrainingErrors.notEligible(check.requirements.filter((r) => !r.met).map((r) => MISSING[r.key]!(r)));
      const row = await db.transaction((tx) => issue(tx, { orgId: actor.orgId, userId: actor.userId, kind: body.kind, holderName: body.holderName, basis: 'earned', issuedBy: actor.userId }));
      return present(actor, row);
    },

    /** An admin records training done elsewhere (e.g. a recognised peer specialist certification). */
    async grantCertificate(actor: Actor, body: GrantBody) {
      if (!canManageCertificates(actor)) throw TrainingErrors.notAdmin();
      const person = await repo.findUser(db, body.userId);
      if (!person || person.orgId !== actor.orgId) throw TrainingErrors.personNotFound();
      if (await hasActiveCertificate(person.id, body.kind)) throw TrainingErrors.alreadyCertified();
      const row = await db.transaction((tx) =>
        issue(tx, { orgId: actor.orgId, userId: person.id, kind: body.kind, holderName: body.holderName ?? person.displayName, basis: 'recognised', issuedBy: actor.userId }),
      );
      return present(actor, row);
    },

    /** Revocation is recorded on the certificate (who, when, why) and in the audit log; the public page says so. */
    async revokeCertificate(actor: Actor, id: string, reason: string) {
      const c = await getViewable(actor, id);
      if (!canManageCertificates(actor)) throw TrainingErrors.notAdmin();
      const row = await db.transaction(async (tx) => {
        const locked = (await certs.lockCertificate(tx, c.id))!;
        if (locked.revokedAt) throw TrainingErrors.certificateRevoked();
        const updated = await certs.updateCertificate(tx, c.id, { revokedAt: now(), revokedBy: actor.userId, revocationReason: reason });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'certificate.revoked', entityType: 'certificate', entityId: c.id, data: { reason, kind: c.kind } });
        return updated;
      });
      return present(actor, row);
    },

    /** Renewal extends the certificate once enough continuing education has been completed since it was issued or renewed. */
    async renewCertificate(actor: Actor, id: string) {
      const c = await getViewable(actor, id);
      if (c.userId !== actor.userId) throw TrainingErrors.certificateNotFound();
      if (c.revokedAt) throw TrainingErrors.certificateRevoked();
      const settings = await certs.findSettings(db, actor.orgId);
      const minutes = await ceMinutesSince(actor.userId, actor.orgId, c.renewedAt ?? c.issuedAt);
      if (minutes < settings.renewalCeHours * 60) throw TrainingErrors.renewalNotReady(settings.renewalCeHours, Math.floor(minutes / 6) / 10);
      const row = await db.transaction(async (tx) => {
        const base = c.expiresAt.getTime() > now().getTime() ? c.expiresAt : now();
        const updated = await certs.updateCertificate(tx, c.id, { renewedAt: now(), expiresAt: DateTime.fromJSDate(base).plus({ months: settings.validityMonths }).toJSDate() });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'certificate.renewed', entityType: 'certificate', entityId: c.id, data: { ceMinutes: minutes } });
        await scheduleExpiryWarning(tx, updated, settings);
        return updated;
      });
      return present(actor, row);
    },

    /** The organization's certificates (admins). */
    async listOrgCertificates(actor: Actor) {
      if (!canManageCertificates(actor)) throw TrainingErrors.notAdmin();
      return { certificates: (await certs.listForOrg(db, actor.orgId)).map((c) => present(actor, c)) };
    },

    /** Public: anyone with the code sees valid, expired or revoked, and only the name the holder chose. */
    async verifyCertificate(code: string) {
      const found = await certs.findByCode(db, code.toUpperCase());
      if (!found) throw TrainingErrors.certificateNotFound();
      return presentVerification(found.certificate, found.orgName, now());
    },

    async renderPdf(actor: Actor, id: string): Promise<{ filename: string; pdf: Buffer }> {
      const c = await getViewable(actor, id);
      const found = (await certs.findByCode(db, c.code))!;
      const pdf = await renderCertificatePdf({
        kind: c.kind, holderName: c.holderName, organization: found.orgName, code: c.code, verifyUrl: `${publicUrl.replace(/\/$/, '')}/verify/${c.code}`,
        issuedAt: c.issuedAt, expiresAt: c.expiresAt, status: certificateStatus(c, now()), timezone: actor.timezone,
      });
      return { filename: `hearth-${c.kind.replace('_', '-')}-${c.code}.pdf`, pdf };
    },

    async getSettings(actor: Actor) {
      if (!canManageCertificates(actor)) throw TrainingErrors.notAdmin();
      return certs.findSettings(db, actor.orgId);
    },

    async updateSettings(actor: Actor, body: SettingsBody) {
      if (!canManageCertificates(actor)) throw TrainingErrors.notAdmin();
      return db.transaction(async (tx) => {
        const saved = await certs.upsertSettings(tx, actor.orgId, body);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_settings.updated', entityType: 'org', entityId: actor.orgId, data: { ...body } });
        return saved;
      });
    },
  };
}
