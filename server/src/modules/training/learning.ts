import { writeAudit, type DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { LessonContent } from '../../db/schema/training.ts';
import { assessReply } from './roleplay/assessor.ts';
import { ROLEPLAY_MODEL } from './roleplay/index.ts';
import { changesConversationSteps, ROLEPLAY_RESTART } from './roleplay/steps.ts';
import type { TrainingDeps } from './courses.ts';
import { TrainingErrors } from './training.errors.ts';
import { canViewCourse } from './training.policy.ts';
import { isCourseAuthor } from './courses.ts';
import { decryptReply, presentLesson } from './training.presenter.ts';
import * as repo from './training.repo.ts';
import type { Lesson, ProgressBody, QuizBody, RoleplayBody } from './training.schemas.ts';

const RESTART = ROLEPLAY_RESTART;
type Roleplay = NonNullable<LessonContent['roleplay']>;

/** Replays a trainee's turns through the scenario to find where the conversation stands now. */
function walk(scenario: Roleplay, turns: Array<{ nodeId: string; listened: boolean }>) {
  let current: string | null = scenario.startNodeId;
  let since = 0;
  turns.forEach((t, i) => {
    if (t.nodeId === RESTART) {
      current = scenario.startNodeId;
      since = i + 1;
      return;
    }
    const node = scenario.nodes.find((n) => n.id === t.nodeId);
    if (node && current === t.nodeId) current = t.listened ? node.next.listened : node.next.missed;
  });
  const node = current ? scenario.nodes.find((n) => n.id === current) : undefined;
  const finished = !node || (node.next.listened === null && node.next.missed === null);
  return { node: node ?? null, finished, since };
}

/** Lessons as a trainee works through them: reading, watching, quizzes and role-play practice. */
export function createLearningUseCases(deps: TrainingDeps) {
  const { db, cipher, now } = deps;

  async function getVisibleLesson(actor: Actor, lessonId: string) {
    const row = await repo.findLesson(db, lessonId);
    if (!row || !canViewCourse(actor, row.course, row.course.publishedAt !== null || (await isCourseAuthor(deps, actor)))) throw TrainingErrors.lessonNotFound();
    return row;
  }

  async function roleplayState(actor: Actor, lesson: repo.LessonRow): Promise<Lesson['roleplay']> {
    const scenario = lesson.content.roleplay;
    if (!scenario) return null;
    const turns = await repo.listRoleplayTurns(db, actor.userId, lesson.id);
    const state = walk(scenario, turns);
    const says = (id: string) => scenario.nodes.find((n) => n.id === id)?.says ?? '';
    const recent = turns.slice(state.since).filter((t) => t.nodeId !== RESTART);
    const model = ROLEPLAY_MODEL;
    return {
      persona: scenario.persona,
      setting: scenario.setting,
      currentNode: state.node ? { id: state.node.id, says: state.node.says } : null,
      finished: state.finished,
      turns: recent.map((t) => {
        const reply = decryptReply(cipher, t.replyCiphertext);
        return { nodeId: t.nodeId, says: says(t.nodeId), reply, listened: t.listened, feedback: assessReply(model, reply).feedback };
      }),
    };
  }

  /** Marks a lesson done and, when every lesson is done (quizzes passed), the course too. Records "resume here". */
  async function recordProgress(tx: DbOrTx, actor: Actor, lesson: repo.LessonRow, values: { completed?: boolean; mediaPositionSeconds?: number; bestScorePercent?: number; passed?: boolean }) {
    const existing = await repo.findLessonProgress(tx, actor.userId, lesson.id);
    const at = now();
    await repo.upsertLessonProgress(tx, {
      userId: actor.userId,
      lessonId: lesson.id,
      courseId: lesson.courseId,
      completedAt: existing?.completedAt ?? (values.completed ? at : null),
      mediaPositionSeconds: values.mediaPositionSeconds ?? existing?.mediaPositionSeconds ?? 0,
      bestScorePercent: Math.max(values.bestScorePercent ?? -1, existing?.bestScorePercent ?? -1) >= 0 ? Math.max(values.bestScorePercent ?? -1, existing?.bestScorePercent ?? -1) : null,
      passedAt: existing?.passedAt ?? (values.passed ? at : null),
    });
    const lessons = await repo.listLessons(tx, [lesson.courseId]);
    const done = new Set((await repo.listLessonProgress(tx, actor.userId, [lesson.courseId])).filter((p) => p.completedAt).map((p) => p.lessonId));
    const courseDone = lessons.length > 0 && lessons.every((l) => done.has(l.id));
    const previous = (await repo.listCourseProgress(tx, actor.userId)).find((p) => p.courseId === lesson.courseId);
    const completedAt = previous?.completedAt ?? (courseDone ? at : null);
    await repo.upsertCourseProgress(tx, { userId: actor.userId, courseId: lesson.courseId, lastLessonId: lesson.id, completedAt });
    if (courseDone && !previous?.completedAt) {
      await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_course.completed', entityType: 'training_course', entityId: lesson.courseId });
    }
  }

  async function getLesson(actor: Actor, lessonId: string): Promise<Lesson> {
    const row = await getVisibleLesson(actor, lessonId);
    const siblings = await repo.listLessons(db, [row.course.id]);
    const progress = await repo.findLessonProgress(db, actor.userId, lessonId);
    const mediaId = row.lesson.content.media?.mediaId;
    const media = mediaId ? await repo.findMedia(db, mediaId) : null;
    const mimeTypes = new Map(media ? [[media.id, media.mimeType]] : []);
    return presentLesson(row, siblings, progress, await roleplayState(actor, row.lesson), mimeTypes);
  }

  return {
    getLesson,

    /** Courses a person finished and when: an activity source for their private rewards journey (wired in main.ts). */
    async countCompletedCourses(userId: string): Promise<{ count: number; moments: Date[] }> {
      const done = (await repo.listCourseProgress(db, userId)).flatMap((p) => (p.completedAt ? [p.completedAt] : []));
      return { count: done.length, moments: done };
    },

    /** Saves where the player stopped, marks text and media lessons done, and remembers this lesson for "resume". */
    async saveProgress(actor: Actor, lessonId: string, body: ProgressBody): Promise<Lesson> {
      const { lesson } = await getVisibleLesson(actor, lessonId);
      // Quizzes and role-plays are completed by passing them, not by saying so.
      const completed = body.completed === true && (lesson.kind === 'text' || lesson.kind === 'media');
      await db.transaction((tx) => recordProgress(tx, actor, lesson, { completed, mediaPositionSeconds: body.mediaPositionSeconds }));
      return getLesson(actor, lessonId);
    },

    /** Scores a quiz attempt; every question gets its explanation. Passing completes the lesson. */
    async submitQuiz(actor: Actor, lessonId: string, body: QuizBody) {
      const { lesson } = await getVisibleLesson(actor, lessonId);
      const quiz = lesson.content.quiz;
      if (lesson.kind !== 'quiz' || !quiz) throw TrainingErrors.wrongLessonKind(lesson.kind);
      const missing = quiz.questions.filter((q) => !q.options.some((o) => o.id === body.answers[q.id]));
      if (missing.length) throw TrainingErrors.invalidQuiz(missing.map((q) => ({ path: `answers.${q.id}`, message: 'Please choose an answer.' })));
      const results = quiz.questions.map((q) => ({ questionId: q.id, correct: body.answers[q.id] === q.correctOptionId, correctOptionId: q.correctOptionId, explanation: q.explanation }));
      const scorePercent = Math.round((100 * results.filter((r) => r.correct).length) / results.length);
      const passed = scorePercent >= quiz.passPercent;
      await db.transaction(async (tx) => {
        await repo.insertQuizAttempt(tx, { userId: actor.userId, lessonId, answers: body.answers, scorePercent, passed });
        await recordProgress(tx, actor, lesson, { completed: passed, bestScorePercent: scorePercent, passed });
      });
      return { scorePercent, passPercent: quiz.passPercent, passed, results };
    },

    /** Assesses one practice reply and moves the conversation on: forward when the trainee listened, sideways when not. */
    async replyRoleplay(actor: Actor, lessonId: string, body: RoleplayBody) {
      const { lesson } = await getVisibleLesson(actor, lessonId);
      const scenario = lesson.content.roleplay;
      if (lesson.kind !== 'roleplay' || !scenario) throw TrainingErrors.wrongLessonKind(lesson.kind);
      const state = walk(scenario, await repo.listRoleplayTurns(db, actor.userId, lessonId));
      if (state.finished) throw TrainingErrors.roleplayFinished();
      if (state.node!.id !== body.nodeId) throw TrainingErrors.unknownStep();
      const assessment = assessReply(ROLEPLAY_MODEL, body.reply);
      const nextId = assessment.listened ? state.node!.next.listened : state.node!.next.missed;
      const next = nextId ? scenario.nodes.find((n) => n.id === nextId)! : null;
      const finished = !next || (next.next.listened === null && next.next.missed === null);
      await db.transaction(async (tx) => {
        // An author may be changing the steps right now; the shared lock makes one of us wait, and we never save a
        // reply against steps that no longer exist.
        const current = await repo.lockLesson(tx, lessonId, 'share');
        if (!current || changesConversationSteps(scenario, current.content.roleplay)) throw TrainingErrors.roleplayChanged();
        await repo.insertRoleplayTurn(tx, {
          userId: actor.userId, lessonId, nodeId: body.nodeId, replyCiphertext: cipher.encrypt(body.reply), listened: assessment.listened, skills: assessment.skills, pitfalls: assessment.pitfalls,
        });
        await recordProgress(tx, actor, lesson, { completed: finished });
      });
      return {
        listened: assessment.listened,
        skills: assessment.skills,
        pitfalls: assessment.pitfalls,
        feedback: assessment.feedback,
        nextNode: next ? { id: next.id, says: next.says } : null,
        finished,
      };
    },

    /** Starts the practice conversation again from the beginning (the lesson stays completed if it was). */
    async restartRoleplay(actor: Actor, lessonId: string): Promise<Lesson> {
      const { lesson } = await getVisibleLesson(actor, lessonId);
      if (lesson.kind !== 'roleplay') throw TrainingErrors.wrongLessonKind(lesson.kind);
      await repo.insertRoleplayTurn(db, { userId: actor.userId, lessonId, nodeId: RESTART, replyCiphertext: cipher.encrypt(''), listened: false });
      return getLesson(actor, lessonId);
    },
  };
}
