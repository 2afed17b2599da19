import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { LessonContent } from '../../db/schema/training.ts';
import { renderMarkdown } from './markdown.ts';
import type * as repo from './training.repo.ts';
import type { CertificateRow } from './certification.repo.ts';
import type { Certificate, CourseDetail, CourseSummary, Lesson, Verification } from './training.schemas.ts';

/** The URL that serves an uploaded file (range requests supported). */
export const mediaSrc = (mediaId: string) => `/api/training/media/${mediaId}`;

type Learner = { lessons: repo.LessonRow[]; progress: repo.LessonProgressRow[]; course?: repo.CourseProgressRow };

/** A course card with the learner's progress and where "resume" goes. */
export function presentCourse(course: repo.CourseRow, learner: Learner, canEdit: boolean): CourseSummary {
  const done = new Set(learner.progress.filter((p) => p.completedAt).map((p) => p.lessonId));
  const lessons = learner.lessons;
  const firstOpen = lessons.find((l) => !done.has(l.id));
  const last = learner.course?.lastLessonId && lessons.some((l) => l.id === learner.course!.lastLessonId) ? learner.course.lastLessonId : null;
  return {
    id: course.id,
    title: course.title,
    summary: course.summary,
    kind: course.kind,
    ceMinutes: course.ceMinutes,
    published: course.publishedAt !== null,
    builtIn: course.builtInKey !== null,
    sources: course.sources,
    lessonCount: lessons.length,
    completedLessons: lessons.filter((l) => done.has(l.id)).length,
    completedAt: learner.course?.completedAt?.toISOString() ?? null,
    resumeLessonId: last ?? firstOpen?.id ?? lessons[0]?.id ?? null,
    abilities: { edit: canEdit },
  };
}

export function presentCourseDetail(course: repo.CourseRow, learner: Learner, canEdit: boolean): CourseDetail {
  const done = new Set(learner.progress.filter((p) => p.completedAt).map((p) => p.lessonId));
  return {
    ...presentCourse(course, learner, canEdit),
    lessons: learner.lessons.map((l) => ({ id: l.id, kind: l.kind, title: l.title, position: l.position, completed: done.has(l.id) })),
  };
}

type RoleplayState = NonNullable<Lesson['roleplay']>;

/** A lesson as the trainee sees it: markdown rendered safely, quiz answers withheld until they check. */
export function presentLesson(
  row: { lesson: repo.LessonRow; course: repo.CourseRow },
  siblings: repo.LessonRow[],
  progress: repo.LessonProgressRow | null,
  roleplay: RoleplayState | null,
  mimeTypes: Map<string, string>,
): Lesson {
  const { lesson, course } = row;
  const c: LessonContent = lesson.content;
  const index = siblings.findIndex((s) => s.id === lesson.id);
  return {
    id: lesson.id,
    courseId: course.id,
    courseTitle: course.title,
    kind: lesson.kind,
    title: lesson.title,
    position: lesson.position,
    html: c.markdown ? renderMarkdown(c.markdown) : null,
    media: c.media
      ? {
          kind: c.media.kind,
          src: c.media.mediaId ? mediaSrc(c.media.mediaId) : c.media.url!,
          external: !c.media.mediaId,
          mimeType: c.media.mediaId ? (mimeTypes.get(c.media.mediaId) ?? null) : null,
          transcriptHtml: renderMarkdown(c.media.transcript),
        }
      : null,
    resources: (c.resources ?? []).map((r) => ({ title: r.title, href: r.mediaId ? `${mediaSrc(r.mediaId)}?download=1` : r.url!, external: !r.mediaId })),
    quiz: c.quiz
      ? {
          passPercent: c.quiz.passPercent,
          questions: c.quiz.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, scenario: q.scenario ?? null, options: q.options })),
        }
      : null,
    roleplay,
    progress: {
      completed: Boolean(progress?.completedAt),
      mediaPositionSeconds: progress?.mediaPositionSeconds ?? 0,
      bestScorePercent: progress?.bestScorePercent ?? null,
      passed: Boolean(progress?.passedAt),
    },
    previousLessonId: index > 0 ? siblings[index - 1]!.id : null,
    nextLessonId: index >= 0 && index < siblings.length - 1 ? siblings[index + 1]!.id : null,
  };
}

/** valid, expired or revoked at `at`. */
export function certificateStatus(c: Pick<CertificateRow, 'revokedAt' | 'expiresAt'>, at: Date): 'valid' | 'expired' | 'revoked' {
  if (c.revokedAt) return 'revoked';
  return c.expiresAt.getTime() > at.getTime() ? 'valid' : 'expired';
}

export function presentCertificate(c: CertificateRow, at: Date, publicUrl: string, abilities: Certificate['abilities']): Certificate {
  return {
    id: c.id,
    kind: c.kind,
    code: c.code,
    holderName: c.holderName,
    status: certificateStatus(c, at),
    basis: c.basis,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    renewedAt: c.renewedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationReason: c.revocationReason,
    verifyUrl: `${publicUrl.replace(/\/$/, '')}/verify/${c.code}`,
    abilities,
  };
}

/** What anyone with the code may see: no user id, no contact details, only the name the holder chose. */
export function presentVerification(c: CertificateRow, organization: string, at: Date): Verification {
  return {
    status: certificateStatus(c, at),
    kind: c.kind,
    holderName: c.holderName,
    organization,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
  };
}

/** Decrypts the trainee's own practice replies for their role-play history. */
export function decryptReply(cipher: FieldCipher, ciphertext: string): string {
  return cipher.decrypt(ciphertext);
}
