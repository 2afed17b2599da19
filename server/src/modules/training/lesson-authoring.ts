import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { LessonContent } from '../../db/schema/training.ts';
import { assertOwnMedia, createCourseUseCases, isCourseAuthor, type TrainingDeps } from './courses.ts';
import { renderMarkdown } from './markdown.ts';
import { TrainingErrors } from './training.errors.ts';
import * as repo from './training.repo.ts';
import { changesConversationSteps } from './roleplay/steps.ts';
import type { CourseDetail, LessonKind, LessonSource, UpdateLessonBody } from './training.schemas.ts';

type Field = { path: string; message: string };

/** What a lesson of each kind must contain; the same rule for a new lesson and an edited one. */
export function missingContent(kind: LessonKind, content: LessonContent): Field[] {
  if (kind === 'text' && !content.markdown?.trim()) return [{ path: 'content.markdown', message: 'A text lesson needs some text.' }];
  if (kind === 'media' && !content.media) return [{ path: 'content.media', message: 'A media lesson needs a video or audio file, or a link, with its transcript.' }];
  if (kind === 'quiz' && !content.quiz) return [{ path: 'content.quiz', message: 'A quiz lesson needs questions.' }];
  if (kind === 'roleplay' && !content.roleplay) return [{ path: 'content.roleplay', message: 'A role-play lesson needs a scenario.' }];
  return [];
}

/** Authors edit, reorder and delete lessons, and preview markdown exactly as trainees will see it. */
export function createLessonAuthoringUseCases(deps: TrainingDeps) {
  const { db, now } = deps;
  const courses = createCourseUseCases(deps);

  /** A lesson of a course the author may edit; anyone else gets the same 404 or 403 as for the course. */
  async function getEditableLesson(actor: Actor, lessonId: string) {
    const row = await repo.findLesson(db, lessonId);
    if (!row || row.course.orgId !== actor.orgId) throw TrainingErrors.lessonNotFound();
    await courses.getVisibleCourse(actor, row.course.id).catch(() => {
      throw TrainingErrors.lessonNotFound();
    });
    if (!(await isCourseAuthor(deps, actor))) throw TrainingErrors.notAuthor();
    return row;
  }

  async function presentSource(row: { lesson: repo.LessonRow }): Promise<LessonSource> {
    const c = row.lesson.content;
    const ids = [c.media?.mediaId, ...(c.resources ?? []).map((r) => r.mediaId)].filter((x): x is string => Boolean(x));
    const files = [];
    for (const id of new Set(ids)) {
      const m = await repo.findMedia(db, id);
      if (m) files.push({ id: m.id, filename: m.filename, mimeType: m.mimeType });
    }
    const startedBy = row.lesson.kind === 'roleplay' ? await repo.countRoleplayTrainees(db, row.lesson.id) : 0;
    return { id: row.lesson.id, courseId: row.lesson.courseId, kind: row.lesson.kind, title: row.lesson.title, position: row.lesson.position, content: c, files, startedBy };
  }

  return {
    /** The lesson as written, answers included, for the editor. */
    async getLessonSource(actor: Actor, lessonId: string): Promise<LessonSource> {
      return presentSource(await getEditableLesson(actor, lessonId));
    },

    /**
     * Changes a lesson's title or content; content must still suit the lesson's kind. Once people have practised a
     * role-play its steps are fixed (their saved replies point at them); the author may reword it, or save the new
     * steps as a new role-play lesson.
     */
    async updateLesson(actor: Actor, lessonId: string, body: UpdateLessonBody): Promise<LessonSource> {
      const { lesson } = await getEditableLesson(actor, lessonId);
      if (body.content) {
        const missing = missingContent(lesson.kind, body.content);
        if (missing.length) throw TrainingErrors.invalidContent(missing);
        await assertOwnMedia(db, actor, body.content);
      }
      await db.transaction(async (tx) => {
        if (lesson.kind === 'roleplay' && body.content) {
          // Locked, so a trainee's first reply cannot slip in between this check and the write.
          const current = await repo.lockLesson(tx, lessonId, 'update');
          if (current && changesConversationSteps(current.content.roleplay, body.content.roleplay)) {
            const trainees = await repo.countRoleplayTrainees(tx, lessonId);
            if (trainees > 0) throw TrainingErrors.roleplayStarted(trainees);
          }
        }
        await repo.updateLesson(tx, lessonId, { ...(body.title ? { title: body.title } : {}), ...(body.content ? { content: body.content } : {}), updatedAt: now() });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_lesson.updated', entityType: 'training_lesson', entityId: lessonId, data: { fields: Object.keys(body) } });
      });
      return presentSource((await repo.findLesson(db, lessonId))!);
    },

    /** Removes a lesson (and trainees' progress on it); the course keeps the order of the rest. */
    async deleteLesson(actor: Actor, lessonId: string): Promise<CourseDetail> {
      const { lesson, course } = await getEditableLesson(actor, lessonId);
      await db.transaction(async (tx) => {
        await repo.deleteLesson(tx, lessonId);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_lesson.deleted', entityType: 'training_lesson', entityId: lessonId, data: { courseId: course.id, kind: lesson.kind } });
      });
      return courses.getCourse(actor, course.id);
    },

    /** Puts a course's lessons in the given order; the list must name every lesson of the course once. */
    async reorderLessons(actor: Actor, courseId: string, lessonIds: string[]): Promise<CourseDetail> {
      const course = await courses.getVisibleCourse(actor, courseId);
      if (!(await isCourseAuthor(deps, actor))) throw TrainingErrors.notAuthor();
      const current = (await repo.listLessons(db, [course.id])).map((l) => l.id);
      const same = lessonIds.length === current.length && new Set(lessonIds).size === current.length && lessonIds.every((id) => current.includes(id));
      if (!same) throw TrainingErrors.invalidContent([{ path: 'lessonIds', message: 'The lessons changed while you were editing. Please reload and try again.' }]);
      await db.transaction(async (tx) => {
        for (const [position, id] of lessonIds.entries()) await repo.updateLesson(tx, id, { position });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_course.reordered', entityType: 'training_course', entityId: course.id });
      });
      return courses.getCourse(actor, course.id);
    },

    /** Renders markdown with the same safe renderer trainees see, for the editor's preview. */
    async previewMarkdown(actor: Actor, markdown: string) {
      if (!(await isCourseAuthor(deps, actor))) throw TrainingErrors.notAuthor();
      return { html: renderMarkdown(markdown) };
    },
  };
}
