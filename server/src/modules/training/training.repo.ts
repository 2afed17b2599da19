import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import {
  trainingCourseProgress, trainingCourses, trainingLessonProgress, trainingLessons, trainingMedia, trainingQuizAttempts, trainingRoleplayTurns, users,
} from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { ROLEPLAY_RESTART } from './roleplay/steps.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type LessonRow = typeof trainingLessons.$inferSelect;
export type MediaRow = typeof trainingMedia.$inferSelect;
export type LessonProgressRow = typeof trainingLessonProgress.$inferSelect;
export type CourseProgressRow = typeof trainingCourseProgress.$inferSelect;

// ── People ───────────────────────────────────────────────────────────────────
export async function findUser(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: users.id, orgId: users.orgId, role: users.role, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return row ?? null;
}

// ── Courses and lessons ──────────────────────────────────────────────────────
export async function listCourses(db: DbOrTx, orgId: string) {
  return db.select().from(trainingCourses).where(eq(trainingCourses.orgId, orgId)).orderBy(asc(trainingCourses.position), asc(trainingCourses.createdAt));
}

export async function countBuiltInCourses(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingCourses).where(and(eq(trainingCourses.orgId, orgId), isNotNull(trainingCourses.builtInKey)));
  return row?.n ?? 0;
}

export async function findCourse(db: DbOrTx, id: string) {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  return row ?? null;
}

/** Inserts a course unless the organization already has this built-in module; returns null when it existed. */
export async function insertCourse(db: DbOrTx, values: typeof trainingCourses.$inferInsert) {
  const [row] = await db.insert(trainingCourses).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateCourse(db: DbOrTx, id: string, values: Partial<typeof trainingCourses.$inferInsert>) {
  const [row] = await db.update(trainingCourses).set(values).where(eq(trainingCourses.id, id)).returning();
  return row!;
}

export async function nextCoursePosition(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${trainingCourses.position}), -1)::int + 1` }).from(trainingCourses).where(eq(trainingCourses.orgId, orgId));
  return row?.n ?? 0;
}

export async function listLessons(db: DbOrTx, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db.select().from(trainingLessons).where(inArray(trainingLessons.courseId, courseIds)).orderBy(asc(trainingLessons.position), asc(trainingLessons.createdAt));
}

export async function findLesson(db: DbOrTx, id: string) {
  const [row] = await db.select({ lesson: trainingLessons, course: trainingCourses }).from(trainingLessons).innerJoin(trainingCourses, eq(trainingCourses.id, trainingLessons.courseId)).where(eq(trainingLessons.id, id));
  return row ?? null;
}

/** Reads a lesson and locks it: "update" while an author edits it, "share" while a trainee's reply is saved against it. */
export async function lockLesson(db: DbOrTx, id: string, mode: 'update' | 'share') {
  const [row] = await db.select().from(trainingLessons).where(eq(trainingLessons.id, id)).for(mode);
  return row ?? null;
}

/** How many people have saved at least one reply in a role-play (restart markers are not replies). */
export async function countRoleplayTrainees(db: DbOrTx, lessonId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${trainingRoleplayTurns.userId})::int` })
    .from(trainingRoleplayTurns)
    .where(and(eq(trainingRoleplayTurns.lessonId, lessonId), ne(trainingRoleplayTurns.nodeId, ROLEPLAY_RESTART)));
  return row?.n ?? 0;
}

export async function insertLesson(db: DbOrTx, values: typeof trainingLessons.$inferInsert) {
  const [row] = await db.insert(trainingLessons).values(values).returning();
  return row!;
}

export async function updateLesson(db: DbOrTx, id: string, values: Partial<typeof trainingLessons.$inferInsert>) {
  await db.update(trainingLessons).set(values).where(eq(trainingLessons.id, id));
}

export async function deleteLesson(db: DbOrTx, id: string) {
  await db.delete(trainingLessons).where(eq(trainingLessons.id, id));
}

export async function nextLessonPosition(db: DbOrTx, courseId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${trainingLessons.position}), -1)::int + 1` }).from(trainingLessons).where(eq(trainingLessons.courseId, courseId));
  return row?.n ?? 0;
}

// ── Media ────────────────────────────────────────────────────────────────────
export async function insertMedia(db: DbOrTx, values: typeof trainingMedia.$inferInsert) {
  const [row] = await db.insert(trainingMedia).values(values).returning();
  return row!;
}

export async function findMedia(db: DbOrTx, id: string) {
  const [row] = await db.select().from(trainingMedia).where(eq(trainingMedia.id, id));
  return row ?? null;
}

// ── Progress ─────────────────────────────────────────────────────────────────
export async function listLessonProgress(db: DbOrTx, userId: string, courseIds?: string[]) {
  const where = courseIds ? and(eq(trainingLessonProgress.userId, userId), inArray(trainingLessonProgress.courseId, courseIds.length ? courseIds : ['00000000-0000-0000-0000-000000000000'])) : eq(trainingLessonProgress.userId, userId);
  return db.select().from(trainingLessonProgress).where(where);
}

export async function findLessonProgress(db: DbOrTx, userId: string, lessonId: string) {
  const [row] = await db.select().from(trainingLessonProgress).where(and(eq(trainingLessonProgress.userId, userId), eq(trainingLessonProgress.lessonId, lessonId)));
  return row ?? null;
}

/** Creates or updates a person's progress on one lesson. */
export async function upsertLessonProgress(db: DbOrTx, values: typeof trainingLessonProgress.$inferInsert) {
  const { userId, lessonId, courseId, ...set } = values;
  const [row] = await db
    .insert(trainingLessonProgress)
    .values(values)
    .onConflictDoUpdate({ target: [trainingLessonProgress.userId, trainingLessonProgress.lessonId], set: { ...set, courseId, updatedAt: new Date() } })
    .returning();
  void userId;
  void lessonId;
  return row!;
}

export async function listCourseProgress(db: DbOrTx, userId: string) {
  return db.select().from(trainingCourseProgress).where(eq(trainingCourseProgress.userId, userId));
}

export async function upsertCourseProgress(db: DbOrTx, values: typeof trainingCourseProgress.$inferInsert) {
  const { userId, courseId, ...set } = values;
  void userId;
  void courseId;
  await db
    .insert(trainingCourseProgress)
    .values(values)
    .onConflictDoUpdate({ target: [trainingCourseProgress.userId, trainingCourseProgress.courseId], set: { ...set, updatedAt: new Date() } });
}

export async function insertQuizAttempt(db: DbOrTx, values: typeof trainingQuizAttempts.$inferInsert) {
  await db.insert(trainingQuizAttempts).values(values);
}

export async function insertRoleplayTurn(db: DbOrTx, values: typeof trainingRoleplayTurns.$inferInsert) {
  const [row] = await db.insert(trainingRoleplayTurns).values(values).returning();
  return row!;
}

export async function listRoleplayTurns(db: DbOrTx, userId: string, lessonId?: string) {
  const where = lessonId ? and(eq(trainingRoleplayTurns.userId, userId), eq(trainingRoleplayTurns.lessonId, lessonId)) : eq(trainingRoleplayTurns.userId, userId);
  return db.select().from(trainingRoleplayTurns).where(where).orderBy(asc(trainingRoleplayTurns.createdAt));
}

export async function listQuizAttempts(db: DbOrTx, userId: string) {
  return db.select().from(trainingQuizAttempts).where(eq(trainingQuizAttempts.userId, userId)).orderBy(asc(trainingQuizAttempts.createdAt));
}

/** Account deletion: the person's own learning records. */
export async function deleteLearningRecords(db: DbOrTx, userId: string) {
  await db.delete(trainingRoleplayTurns).where(eq(trainingRoleplayTurns.userId, userId));
  await db.delete(trainingQuizAttempts).where(eq(trainingQuizAttempts.userId, userId));
  await db.delete(trainingLessonProgress).where(eq(trainingLessonProgress.userId, userId));
  await db.delete(trainingCourseProgress).where(eq(trainingCourseProgress.userId, userId));
}
