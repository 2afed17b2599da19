import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseEvents, oncallShifts, riskAssessments, safetyCases, safetyPlans, safetySettings, screenerResults, users } from '../../db/schema/index.ts';
import { uuidv7 } from 'uuidv7';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { runPrepared, type PreparedStatement } from '../../platform/db/prepared.ts';

export type CaseRow = typeof safetyCases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type ShiftRow = typeof oncallShifts.$inferSelect;
export type SettingsRow = { ackSlaSeconds: number; holdUrgentForumPosts: boolean };
export type PersonRef = { id: string; displayName: string };
export type CaseListRow = { c: CaseRow; subjectName: string; ackName: string | null };
export type NewAssessment = typeof riskAssessments.$inferInsert;

export const DEFAULT_SETTINGS: SettingsRow = { ackSlaSeconds: 120, holdUrgentForumPosts: false };

// ── Assessments ──────────────────────────────────────────────────────────────
export async function listRecentAssessments(db: DbOrTx, userId: string, since: Date, limit = 10) {
  return db
    .select({ level: riskAssessments.level, score: riskAssessments.score, reasons: riskAssessments.reasons, sourceKind: riskAssessments.sourceKind, at: riskAssessments.createdAt })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.userId, userId), gte(riskAssessments.createdAt, since)))
    .orderBy(desc(riskAssessments.createdAt))
    .limit(limit);
}

/**
 * listRecentAssessments for many people in one statement (the message path reads everyone posting at the same moment
 * together). Newest first per person; a person with none is missing.
 */
export async function listRecentAssessmentsMany(db: Db, userIds: string[], since: Date, limit = 10) {
  const result = await runPrepared<{ user_id: string; level: 'none' | 'concern' | 'urgent'; score: number; reasons: string[]; source_kind: string; at: Date }>(
    db, RECENT_ASSESSMENTS_MANY, [userIds, since, limit],
  );
  const byUser = new Map<string, Array<{ level: 'none' | 'concern' | 'urgent'; score: number; reasons: string[]; sourceKind: string; at: Date }>>();
  for (const r of result.rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ level: r.level, score: Number(r.score), reasons: r.reasons, sourceKind: r.source_kind, at: new Date(r.at) });
    byUser.set(r.user_id, list);
  }
  return byUser;
}

/** The message path's per-batch statements: fixed texts, prepared once per connection, no query building per batch. */
const RECENT_ASSESSMENTS_MANY: PreparedStatement = {
  name: 'safety_recent_assessments_many_v1',
  text: `
    select u.user_id, r.level, r.score, r.reasons, r.source_kind, r.at
    from (select distinct unnest($1::uuid[]) as user_id) u
    cross join lateral (
      select level, score, reasons, source_kind, created_at as at
      from risk_assessments
      where user_id = u.user_id and created_at >= $2::timestamptz
      order by created_at desc
      limit $3::int
    ) r`,
};

const INSERT_ASSESSMENTS: PreparedStatement = {
  name: 'safety_insert_assessments_v1',
  text: `
    insert into risk_assessments (id, org_id, user_id, source_kind, source_id, level, score, reasons, about_someone_else)
    select t.id, t.org_id, t.user_id, t.source_kind::risk_source_kind, t.source_id, t.level::risk_level, t.score, t.reasons, t.about_someone_else
    from jsonb_to_recordset($1::jsonb)
      as t(id uuid, org_id uuid, user_id uuid, source_kind text, source_id uuid, level text, score real, reasons text[], about_someone_else boolean)`,
};

/** The assessment stored for one message or post by its author (the latest, if it was edited). */
export async function findAssessmentFor(db: DbOrTx, userId: string, sourceKind: 'chat_message' | 'forum_post', sourceId: string) {
  const [row] = await db
    .select({ level: riskAssessments.level, aboutSomeoneElse: riskAssessments.aboutSomeoneElse })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.sourceKind, sourceKind), eq(riskAssessments.sourceId, sourceId), eq(riskAssessments.userId, userId)))
    .orderBy(desc(riskAssessments.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertAssessment(db: DbOrTx, values: typeof riskAssessments.$inferInsert) {
  await db.insert(riskAssessments).values(values);
}

/** Many assessments in one statement (the message path stores a batch of messages that worried nobody at once). */
export async function insertAssessments(db: Db, values: Array<typeof riskAssessments.$inferInsert>) {
  if (values.length === 0) return;
  const input = values.map((v) => ({
    id: v.id ?? uuidv7(), org_id: v.orgId, user_id: v.userId, source_kind: v.sourceKind, source_id: v.sourceId ?? null, level: v.level, score: v.score,
    reasons: v.reasons ?? [], about_someone_else: v.aboutSomeoneElse ?? false,
  }));
  await runPrepared(db, INSERT_ASSESSMENTS, [JSON.stringify(input)]);
}

/** A person's recent flagged assessments (concern or urgent), newest first, for the case view. */
export async function listRiskHistory(db: DbOrTx, userId: string, limit = 20) {
  return db
    .select({ level: riskAssessments.level, score: riskAssessments.score, reasons: riskAssessments.reasons, sourceKind: riskAssessments.sourceKind, at: riskAssessments.createdAt })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.userId, userId), inArray(riskAssessments.level, ['concern', 'urgent'])))
    .orderBy(desc(riskAssessments.createdAt))
    .limit(limit);
}

// ── Settings ─────────────────────────────────────────────────────────────────
export async function findSettings(db: DbOrTx, orgId: string): Promise<SettingsRow> {
  const [row] = await db
    .select({ ackSlaSeconds: safetySettings.ackSlaSeconds, holdUrgentForumPosts: safetySettings.holdUrgentForumPosts })
    .from(safetySettings)
    .where(eq(safetySettings.orgId, orgId));
  return row ?? DEFAULT_SETTINGS;
}

export async function upsertSettings(db: DbOrTx, orgId: string, values: SettingsRow): Promise<SettingsRow> {
  await db.insert(safetySettings).values({ orgId, ...values }).onConflictDoUpdate({ target: safetySettings.orgId, set: { ...values, updatedAt: new Date() } });
  return values;
}

// ── People and shifts ────────────────────────────────────────────────────────
export async function listStaff(db: DbOrTx, orgId: string, roles: Array<'moderator' | 'clinician' | 'admin'>) {
  return db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(and(eq(users.orgId, orgId), inArray(users.role, roles)));
}

/** Shifts of the organization's current moderators and clinicians (someone whose role changed drops out). */
export async function listOrgShifts(db: DbOrTx, orgId: string) {
  return db
    .select({ shift: oncallShifts, displayName: users.displayName, role: users.role })
    .from(oncallShifts)
    .innerJoin(users, eq(users.id, oncallShifts.userId))
    .where(and(eq(oncallShifts.orgId, orgId), inArray(users.role, ['moderator', 'clinician'])));
}

/** Every moderator and clinician of the organization with their shifts (none yet: an empty list), for the rota. */
export async function listRota(db: DbOrTx, orgId: string) {
  const people = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['moderator', 'clinician'])))
    .orderBy(asc(users.displayName));
  const shifts = await db.select().from(oncallShifts).where(eq(oncallShifts.orgId, orgId)).orderBy(asc(oncallShifts.weekday), asc(oncallShifts.startMinute));
  return people.map((p) => ({ ...p, shifts: shifts.filter((s) => s.userId === p.id) }));
}

export async function listUserShifts(db: DbOrTx, userId: string): Promise<ShiftRow[]> {
  return db.select().from(oncallShifts).where(eq(oncallShifts.userId, userId)).orderBy(asc(oncallShifts.weekday), asc(oncallShifts.startMinute));
}

export async function replaceUserShifts(db: DbOrTx, userId: string, rows: Array<typeof oncallShifts.$inferInsert>) {
  await db.delete(oncallShifts).where(eq(oncallShifts.userId, userId));
  if (rows.length > 0) await db.insert(oncallShifts).values(rows);
}

/** A person in an organization (null when they are not in it). */
export async function findOrgMember(db: DbOrTx, orgId: string, id: string): Promise<PersonRef | null> {
  const [row] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(and(eq(users.id, id), eq(users.orgId, orgId)));
  return row ?? null;
}

export async function findUserName(db: DbOrTx, id: string): Promise<PersonRef | null> {
  const [row] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return row ?? null;
}

// ── Cases ────────────────────────────────────────────────────────────────────
const subject = alias(users, 'subject');
const acker = alias(users, 'acker');

export type CaseFilters = { level?: CaseRow['level']; kind?: CaseRow['kind']; outcome?: NonNullable<CaseRow['outcome']>; openedSince?: Date };

/** Active cases: severity first, then longest waiting. Closed cases: most recently closed first. */
export async function listCases(db: DbOrTx, orgId: string, statuses: Array<'open' | 'acknowledged' | 'resolved'>, filters: CaseFilters = {}): Promise<CaseListRow[]> {
  const closed = statuses.length === 1 && statuses[0] === 'resolved';
  return db
    .select({ c: safetyCases, subjectName: subject.displayName, ackName: acker.displayName })
    .from(safetyCases)
    .innerJoin(subject, eq(subject.id, safetyCases.subjectUserId))
    .leftJoin(acker, eq(acker.id, safetyCases.acknowledgedBy))
    .where(
      and(
        eq(safetyCases.orgId, orgId),
        inArray(safetyCases.status, statuses),
        filters.level ? eq(safetyCases.level, filters.level) : undefined,
        filters.kind ? eq(safetyCases.kind, filters.kind) : undefined,
        filters.outcome ? eq(safetyCases.outcome, filters.outcome) : undefined,
        filters.openedSince ? gte(safetyCases.openedAt, filters.openedSince) : undefined,
      ),
    )
    .orderBy(...(closed ? [desc(safetyCases.resolvedAt)] : [desc(safetyCases.severity), asc(safetyCases.openedAt)]))
    .limit(200);
}

export async function findCaseListRow(db: DbOrTx, id: string): Promise<CaseListRow | null> {
  const [row] = await db
    .select({ c: safetyCases, subjectName: subject.displayName, ackName: acker.displayName })
    .from(safetyCases)
    .innerJoin(subject, eq(subject.id, safetyCases.subjectUserId))
    .leftJoin(acker, eq(acker.id, safetyCases.acknowledgedBy))
    .where(eq(safetyCases.id, id));
  return row ?? null;
}

/** Locks a case for a state change (acknowledge, escalate, outcome) so two people cannot race. */
export async function lockCase(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(safetyCases).where(eq(safetyCases.id, id)).for('update');
  return row ?? null;
}

/** The person's case that is still open or acknowledged, locked: a new signal joins it instead of opening another. */
export async function lockActiveCaseFor(db: DbOrTx, subjectUserId: string): Promise<CaseRow | null> {
  const [row] = await db
    .select()
    .from(safetyCases)
    .where(and(eq(safetyCases.subjectUserId, subjectUserId), inArray(safetyCases.status, ['open', 'acknowledged'])))
    .orderBy(desc(safetyCases.openedAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function insertCase(db: DbOrTx, values: typeof safetyCases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(safetyCases).values(values).returning();
  return row!;
}

export async function updateCase(db: DbOrTx, id: string, values: Partial<typeof safetyCases.$inferInsert>): Promise<CaseRow> {
  const [row] = await db.update(safetyCases).set(values).where(eq(safetyCases.id, id)).returning();
  return row!;
}

export async function insertCaseEvent(db: DbOrTx, values: typeof caseEvents.$inferInsert) {
  await db.insert(caseEvents).values(values);
}

export async function listCaseEvents(db: DbOrTx, caseId: string) {
  return db
    .select({ event: caseEvents, actorName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

// ── Plans and screeners ──────────────────────────────────────────────────────
export async function findPlan(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(safetyPlans).where(eq(safetyPlans.userId, userId));
  return row ?? null;
}

export async function upsertPlan(db: DbOrTx, values: { orgId: string; userId: string; planCiphertext: string; shareWithOncall: boolean }) {
  const [row] = await db
    .insert(safetyPlans)
    .values(values)
    .onConflictDoUpdate({ target: safetyPlans.userId, set: { planCiphertext: values.planCiphertext, shareWithOncall: values.shareWithOncall, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

export async function deletePlan(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db.delete(safetyPlans).where(eq(safetyPlans.userId, userId)).returning({ id: safetyPlans.id });
  return rows.length > 0;
}

export async function insertScreenerResult(db: DbOrTx, values: typeof screenerResults.$inferInsert) {
  const [row] = await db.insert(screenerResults).values(values).returning();
  return row!;
}

/** How many distinct cases each person took part in (any timeline entry by them) since a date: a supervisor's view of load. */
export async function countCasesWorkedOn(db: DbOrTx, userIds: string[], since: Date): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: caseEvents.actorId, n: sql<number>`count(distinct ${caseEvents.caseId})::int` })
    .from(caseEvents)
    .where(and(inArray(caseEvents.actorId, userIds), gte(caseEvents.at, since)))
    .groupBy(caseEvents.actorId);
  return new Map(rows.map((r) => [r.userId!, r.n]));
}
