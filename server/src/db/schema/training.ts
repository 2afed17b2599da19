import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

/** core: counts toward the peer supporter certificate; facilitation: toward group facilitator; elective and continuing: CE hours. */
export const courseKind = pgEnum('training_course_kind', ['core', 'facilitation', 'elective', 'continuing']);
export const lessonKind = pgEnum('training_lesson_kind', ['text', 'media', 'quiz', 'roleplay']);
/** trainer: a certified trainer, who may write courses; granted by admins only (recognised, never claimed). */
export const certificateKind = pgEnum('certificate_kind', ['peer_supporter', 'group_facilitator', 'trainer']);

/** A course: an ordered list of lessons. The built-in curriculum is copied into each organization so it can be edited. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    /** Stable key of a built-in module (e.g. "active-listening"); null for courses an author wrote. */
    builtInKey: text('built_in_key'),
    position: integer('position').notNull().default(0),
    kind: courseKind('kind').notNull().default('elective'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Continuing-education minutes credited when the course is completed. */
    ceMinutes: integer('ce_minutes').notNull().default(60),
    /** Public frameworks the course draws on, shown as its sources. */
    sources: jsonb('sources').$type<Array<{ title: string; url: string }>>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('training_courses_org_idx').on(t.orgId, t.position), uniqueIndex('training_courses_builtin_key').on(t.orgId, t.builtInKey)],
);

/** A lesson's content by kind: markdown text, media with transcript, a quiz, or a branching role-play. */
export type LessonContent = {
  markdown?: string;
  media?: { mediaId?: string; url?: string; kind: 'video' | 'audio'; transcript: string };
  resources?: Array<{ title: string; mediaId?: string; url?: string }>;
  quiz?: {
    passPercent: number;
    questions: Array<{
      id: string;
      kind: 'multiple_choice' | 'scenario';
      prompt: string;
      scenario?: string;
      options: Array<{ id: string; text: string }>;
      correctOptionId: string;
      explanation: string;
    }>;
  };
  roleplay?: {
    persona: string;
    setting: string;
    startNodeId: string;
    nodes: Array<{
      id: string;
      says: string;
      /** Where the conversation goes after a listening reply, and after a reply that missed (the person closes up a little). */
      next: { listened: string | null; missed: string | null };
    }>;
  };
};

export const trainingLessons = pgTable(
  'training_lessons',
  {
    id: id(),
    courseId: uuid('course_id').notNull().references(() => trainingCourses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    kind: lessonKind('kind').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').$type<LessonContent>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index('training_lessons_course_idx').on(t.courseId, t.position)],
);

/** Uploaded video, audio and resource files; the bytes live under the data directory, never in the database. */
export const trainingMedia = pgTable(
  'training_media',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    ...timestamps,
  },
  (t) => [index('training_media_org_idx').on(t.orgId)],
);

/** One row per person per lesson: done or not, quiz result, where the media player stopped. */
export const trainingLessonProgress = pgTable(
  'training_lesson_progress',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull().references(() => trainingLessons.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').notNull().references(() => trainingCourses.id, { onDelete: 'cascade' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    mediaPositionSeconds: integer('media_position_seconds').notNull().default(0),
    bestScorePercent: integer('best_score_percent'),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('training_lesson_progress_key').on(t.userId, t.lessonId), index('training_lesson_progress_course_idx').on(t.userId, t.courseId)],
);

/** Where a person is in a course (for "resume"), and when they completed it. */
export const trainingCourseProgress = pgTable(
  'training_course_progress',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').notNull().references(() => trainingCourses.id, { onDelete: 'cascade' }),
    lastLessonId: uuid('last_lesson_id').references(() => trainingLessons.id, { onDelete: 'set null' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('training_course_progress_key').on(t.userId, t.courseId), index('training_course_progress_completed_idx').on(t.userId, t.completedAt)],
);

/** A quiz attempt: the chosen options and the score. */
export const trainingQuizAttempts = pgTable(
  'training_quiz_attempts',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull().references(() => trainingLessons.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    scorePercent: integer('score_percent').notNull(),
    passed: boolean('passed').notNull(),
    ...timestamps,
  },
  (t) => [index('training_quiz_attempts_user_idx').on(t.userId, t.lessonId)],
);

/** One role-play reply and its assessment. The reply is the trainee's own practice text, encrypted at rest all the same. */
export const trainingRoleplayTurns = pgTable(
  'training_roleplay_turns',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull().references(() => trainingLessons.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    replyCiphertext: text('reply_ciphertext').notNull(),
    listened: boolean('listened').notNull(),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    pitfalls: jsonb('pitfalls').$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index('training_roleplay_turns_user_idx').on(t.userId, t.lessonId)],
);

/** Per-organization certification rules; a missing row means the defaults. */
export const trainingSettings = pgTable('training_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().unique().references(() => orgs.id, { onDelete: 'cascade' }),
  /** When on, only certified supporters take one-to-one requests and only certified facilitators lead groups. */
  requireCertificates: boolean('require_certificates').notNull().default(true),
  practiceHoursRequired: integer('practice_hours_required').notNull().default(20),
  validityMonths: integer('validity_months').notNull().default(24),
  renewalCeHours: integer('renewal_ce_hours').notNull().default(6),
  warningDays: integer('warning_days').notNull().default(30),
  ...timestamps,
});

/** A certificate. `holderName` is the name the holder chose to show on the public verification page. */
export const certificates = pgTable(
  'certificates',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: certificateKind('kind').notNull(),
    code: text('code').notNull(),
    holderName: text('holder_name').notNull(),
    /** earned: requirements met in Hearth; recognised: an admin recorded prior training. */
    basis: text('basis').notNull().default('earned'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    renewedAt: timestamp('renewed_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revocationReason: text('revocation_reason'),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('certificates_code_key').on(t.code), index('certificates_user_idx').on(t.userId, t.kind)],
);
