import { writeAudit, type Db, type DbOrTx } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { LessonContent } from '../../db/schema/training.ts';
import { BUILT_IN_CURRICULUM } from './curriculum/index.ts';
import { TrainingErrors } from './training.errors.ts';
import { canAuthorCourses, canViewCourse } from './training.policy.ts';
import { presentCourse, presentCourseDetail } from './training.presenter.ts';
import * as repo from './training.repo.ts';
import * as certs from './certification.repo.ts';
import type { CourseDetail, CreateCourseBody, CreateLessonBody, UpdateCourseBody } from './training.schemas.ts';

/** What every training use case is built from. */
export type TrainingDeps = {
  db: Db;
  cipher: FieldCipher;
  now: () => Date;
  /** Where uploaded media files live (under the data directory). */
  mediaDir: string;
  publicUrl: string;
  notifier?: Notifier;
  /** Supervised practice minutes signed off by a supervisor (from the supervision module, wired in main.ts). */
  signedOffPracticeMinutes: (userId: string) => Promise<number>;
};

/** Uploaded files a lesson uses must belong to the author's organization. */
export async function assertOwnMedia(db: DbOrTx, actor: Actor, content: LessonContent) {
  const ids = [content.media?.mediaId, ...(content.resources ?? []).map((r) => r.mediaId)].filter((x): x is string => Boolean(x));
  for (const id of ids) {
    const media = await repo.findMedia(db, id);
    if (!media || media.orgId !== actor.orgId) throw TrainingErrors.invalidContent([{ path: 'content.media.mediaId', message: 'Please upload the file again.' }]);
  }
}

/** Whether a person may write courses: by role, or by holding a current trainer certificate. */
export async function isCourseAuthor(deps: Pick<TrainingDeps, 'db' | 'now'>, actor: Actor): Promise<boolean> {
  if (canAuthorCourses(actor)) return true;
  return canAuthorCourses(actor, (await certs.findActive(deps.db, actor.userId, 'trainer', deps.now())) !== null);
}

/**
 * Copies the built-in curriculum into an organization the first time anyone there opens training, so each organization
 * can edit its own copy. Idempotent: a module that already exists (by key) is left alone.
 */
export async function installBuiltInCurriculum(db: DbOrTx, orgId: string, at: Date): Promise<number> {
  if ((await repo.countBuiltInCourses(db, orgId)) >= BUILT_IN_CURRICULUM.length) return 0;
  let installed = 0;
  for (const [position, c] of BUILT_IN_CURRICULUM.entries()) {
    const course = await repo.insertCourse(db, {
      orgId, builtInKey: c.key, position, kind: c.kind, title: c.title, summary: c.summary, ceMinutes: c.ceMinutes, sources: c.sources, publishedAt: at,
    });
    if (!course) continue;
    installed++;
    for (const [i, l] of c.lessons.entries()) await repo.insertLesson(db, { courseId: course.id, position: i, kind: l.kind, title: l.title, content: l.content });
  }
  return installed;
}

/** Courses: the curriculum, authoring, and each learner's place in it. */
export function createCourseUseCases(deps: TrainingDeps) {
  const { db, now } = deps;

  async function getVisibleCourse(actor: Actor, courseId: string) {
    const course = await repo.findCourse(db, courseId);
    if (!course || !canViewCourse(actor, course, course.publishedAt !== null || (await isCourseAuthor(deps, actor)))) throw TrainingErrors.courseNotFound();
    return course;
  }

  async function getEditableCourse(actor: Actor, courseId: string) {
    const course = await getVisibleCourse(actor, courseId);
    if (!(await isCourseAuthor(deps, actor))) throw TrainingErrors.notAuthor();
    return course;
  }

  async function detail(actor: Actor, course: repo.CourseRow): Promise<CourseDetail> {
    const lessons = await repo.listLessons(db, [course.id]);
    const progress = await repo.listLessonProgress(db, actor.userId, [course.id]);
    const courseProgress = (await repo.listCourseProgress(db, actor.userId)).find((p) => p.courseId === course.id);
    return presentCourseDetail(course, { lessons, progress, course: courseProgress }, await isCourseAuthor(deps, actor));
  }

  return {
    getVisibleCourse,

    /** The organization's courses with my progress; the built-in curriculum is installed on first visit. */
    async listCourses(actor: Actor) {
      await db.transaction((tx) => installBuiltInCurriculum(tx, actor.orgId, now()));
      const author = await isCourseAuthor(deps, actor);
      const courses = (await repo.listCourses(db, actor.orgId)).filter((c) => canViewCourse(actor, c, author));
      const lessons = await repo.listLessons(db, courses.map((c) => c.id));
      const progress = await repo.listLessonProgress(db, actor.userId);
      const courseProgress = await repo.listCourseProgress(db, actor.userId);
      return {
        courses: courses.map((c) =>
          presentCourse(c, { lessons: lessons.filter((l) => l.courseId === c.id), progress: progress.filter((p) => p.courseId === c.id), course: courseProgress.find((p) => p.courseId === c.id) }, author),
        ),
        abilities: { author },
      };
    },

    async getCourse(actor: Actor, courseId: string): Promise<CourseDetail> {
      return detail(actor, await getVisibleCourse(actor, courseId));
    },

    /** An author starts a draft course; it is hidden from learners until published. */
    async createCourse(actor: Actor, body: CreateCourseBody): Promise<CourseDetail> {
      if (!(await isCourseAuthor(deps, actor))) throw TrainingErrors.notAuthor();
      const course = await db.transaction(async (tx) => {
        const row = (await repo.insertCourse(tx, { ...body, orgId: actor.orgId, position: await repo.nextCoursePosition(tx, actor.orgId), createdBy: actor.userId }))!;
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_course.created', entityType: 'training_course', entityId: row.id });
        return row;
      });
      return detail(actor, course);
    },

    async updateCourse(actor: Actor, courseId: string, body: UpdateCourseBody): Promise<CourseDetail> {
      await getEditableCourse(actor, courseId);
      const { published, ...fields } = body;
      const course = await db.transaction(async (tx) => {
        const row = await repo.updateCourse(tx, courseId, { ...fields, ...(published === undefined ? {} : { publishedAt: published ? now() : null }) });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_course.updated', entityType: 'training_course', entityId: courseId, data: { fields: Object.keys(body) } });
        return row;
      });
      return detail(actor, course);
    },

    /** Adds a lesson at the end of the course. Uploaded media must belong to the same organization. */
    async addLesson(actor: Actor, courseId: string, body: CreateLessonBody): Promise<CourseDetail> {
      const course = await getEditableCourse(actor, courseId);
      await assertOwnMedia(db, actor, body.content);
      await db.transaction(async (tx) => {
        const lesson = await repo.insertLesson(tx, { courseId, position: await repo.nextLessonPosition(tx, courseId), kind: body.kind, title: body.title, content: body.content });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_lesson.created', entityType: 'training_lesson', entityId: lesson.id, data: { courseId, kind: body.kind } });
      });
      return detail(actor, course);
    },
  };
}
