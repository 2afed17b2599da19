import { z } from 'zod';
import type { LessonContent } from '../../db/schema/training.ts';

export const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
export const CourseKind = z.enum(['core', 'facilitation', 'elective', 'continuing'], { error: 'Course kind must be core, facilitation, elective or continuing.' });
export const LessonKind = z.enum(['text', 'media', 'quiz', 'roleplay'], { error: 'Lesson kind must be text, media, quiz or roleplay.' });
export type LessonKind = z.infer<typeof LessonKind>;
export const CertificateKind = z.enum(['peer_supporter', 'group_facilitator', 'trainer'], { error: 'Choose the Peer supporter, Group facilitator or Certified trainer certificate.' });
export type CertificateKind = z.infer<typeof CertificateKind>;
/** Certificates a person earns in Hearth; the trainer certificate is only granted by an admin. */
export const EarnableKind = z.enum(['peer_supporter', 'group_facilitator'], { error: 'Choose the Peer supporter or Group facilitator certificate.' });
export type EarnableKind = z.infer<typeof EarnableKind>;

const Title = z.string({ error: 'Please give it a title.' }).trim().min(1, 'Please give it a title.').max(150, 'Please keep the title to 150 characters or fewer.');
const Url = z.url({ error: 'Please use a full web address starting with https://', protocol: /^https?$/ });

export const CreateCourseBody = z.object({
  title: Title,
  summary: z.string().trim().max(1000, 'Please keep the summary to 1,000 characters or fewer.').default(''),
  kind: CourseKind.default('elective'),
  ceMinutes: z.int('Use whole minutes.').min(0).max(6000, 'Please use 6,000 minutes or fewer.').default(60),
});
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;

export const UpdateCourseBody = z
  .object({ title: Title.optional(), summary: z.string().trim().max(1000).optional(), kind: CourseKind.optional(), ceMinutes: z.int().min(0).max(6000).optional(), published: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'Please change at least one thing.' });
export type UpdateCourseBody = z.infer<typeof UpdateCourseBody>;

const Option = z.object({ id: z.string().trim().min(1).max(20), text: z.string().trim().min(1, 'Please write each answer option.').max(500) });
const Question = z
  .object({
    id: z.string().trim().min(1).max(20),
    kind: z.enum(['multiple_choice', 'scenario']),
    prompt: z.string().trim().min(1, 'Please write the question.').max(1000),
    scenario: z.string().trim().max(2000).optional(),
    options: z.array(Option).min(2, 'A question needs at least two options.').max(8),
    correctOptionId: z.string().min(1),
    explanation: z.string().trim().min(1, 'Please explain the answer; trainees learn most from the why.').max(2000),
  })
  .refine((q) => q.options.some((o) => o.id === q.correctOptionId), { message: 'The correct answer must be one of the options.', path: ['correctOptionId'] });

const Node = z.object({
  id: z.string().trim().min(1, 'Each step needs a name.').max(40, 'Please keep step names short.'),
  says: z.string({ error: 'Please write what the person says at this step.' }).trim().min(1, 'Please write what the person says at this step.').max(2000, 'Please keep each step to 2,000 characters or fewer.'),
  next: z.object({ listened: z.string().max(40).nullable(), missed: z.string().max(40).nullable() }),
});

export const LessonContentBody = z.object({
  markdown: z.string().max(50_000, 'Please keep a lesson to 50,000 characters; you could split it into two.').optional(),
  media: z
    .object({ mediaId: z.uuid().optional(), url: Url.optional(), kind: z.enum(['video', 'audio']), transcript: z.string().trim().min(1, 'Please add a transcript so everyone can follow the media.').max(50_000) })
    .refine((m) => Boolean(m.mediaId) !== Boolean(m.url), { message: 'Use either an uploaded file or a link.', path: ['mediaId'] })
    .optional(),
  resources: z.array(z.object({ title: Title, mediaId: z.uuid().optional(), url: Url.optional() }).refine((r) => Boolean(r.mediaId) !== Boolean(r.url), { message: 'Use either an uploaded file or a link.' })).max(20).optional(),
  quiz: z.object({ passPercent: z.int().min(1).max(100), questions: z.array(Question).min(1, 'A quiz needs at least one question.').max(50) }).optional(),
  roleplay: z
    .object({
      persona: z.string({ error: 'Please say who the trainee is talking to.' }).trim().min(1, 'Please say who the trainee is talking to, for example “Sam, a member”.').max(200, 'Please keep the person’s description to 200 characters or fewer.'),
      setting: z.string().trim().max(2000, 'Please keep the setting to 2,000 characters or fewer.'),
      startNodeId: z.string().min(1, 'Please choose the step the conversation starts with.'),
      nodes: z.array(Node).min(1, 'A role-play needs at least one step.').max(50, 'A role-play can have up to 50 steps; you could split it into two.'),
    })
    .refine((r) => r.nodes.some((n) => n.id === r.startNodeId), { message: 'The start step must be one of the steps.', path: ['startNodeId'] })
    .refine((r) => new Set(r.nodes.map((n) => n.id)).size === r.nodes.length, { message: 'Two steps have the same name. Please give each step its own name.', path: ['nodes'] })
    .refine((r) => r.nodes.every((n) => [n.next.listened, n.next.missed].every((x) => x === null || r.nodes.some((m) => m.id === x))), { message: 'Every step must lead to an existing step, or end.', path: ['nodes'] })
    .refine((r) => r.nodes.some((n) => n.next.listened === null), { message: 'At least one step needs to end the conversation when the trainee listens well, so the practice can finish.', path: ['nodes'] })
    .optional(),
});
export type LessonContentBody = z.infer<typeof LessonContentBody>;

export const CreateLessonBody = z
  .object({ kind: LessonKind, title: Title, content: LessonContentBody })
  .refine((b) => b.kind !== 'text' || Boolean(b.content.markdown?.trim()), { message: 'A text lesson needs some text.', path: ['content', 'markdown'] })
  .refine((b) => b.kind !== 'media' || Boolean(b.content.media), { message: 'A media lesson needs a video or audio file, or a link, with its transcript.', path: ['content', 'media'] })
  .refine((b) => b.kind !== 'quiz' || Boolean(b.content.quiz), { message: 'A quiz lesson needs questions.', path: ['content', 'quiz'] })
  .refine((b) => b.kind !== 'roleplay' || Boolean(b.content.roleplay), { message: 'A role-play lesson needs a scenario.', path: ['content', 'roleplay'] });
export type CreateLessonBody = z.infer<typeof CreateLessonBody>;

export const UpdateLessonBody = z
  .object({ title: Title.optional(), content: LessonContentBody.optional() })
  .refine((b) => b.title !== undefined || b.content !== undefined, { message: 'Please change the title or the content.' });
export type UpdateLessonBody = z.infer<typeof UpdateLessonBody>;
export const ReorderBody = z.object({ lessonIds: z.array(z.uuid('Please reload and try again.'), { error: 'Please send the lessons in their new order.' }).min(1).max(500) });
export const PreviewBody = z.object({ markdown: z.string({ error: 'Please write some text to preview.' }).max(50_000, 'Please keep a lesson to 50,000 characters; you could split it into two.') });

export const ProgressBody = z.object({
  mediaPositionSeconds: z.int('Use whole seconds.').min(0).max(86_400).optional(),
  completed: z.boolean().optional(),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const QuizBody = z.object({ answers: z.record(z.string().max(20), z.string().max(20), { error: 'Please send your answers.' }) });
export type QuizBody = z.infer<typeof QuizBody>;

export const RoleplayBody = z.object({
  nodeId: z.string().trim().min(1, 'Please reload the conversation.').max(40),
  reply: z.string({ error: 'Please write a reply.' }).trim().min(1, 'Please write a reply.').max(1000, 'Please keep a reply to 1,000 characters or fewer.'),
});
export type RoleplayBody = z.infer<typeof RoleplayBody>;

export const SettingsBody = z.object({
  requireCertificates: z.boolean(),
  practiceHoursRequired: z.int().min(0).max(1000),
  validityMonths: z.int().min(1, 'Certificates must last at least a month.').max(120),
  renewalCeHours: z.int().min(0).max(500),
  warningDays: z.int().min(1).max(365),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

const HolderName = z.string({ error: 'Please choose the name to show on your certificate.' }).trim().min(1, 'Please choose the name to show on your certificate.').max(80, 'Please keep the name to 80 characters or fewer.');
export const ClaimBody = z.object({ kind: EarnableKind, holderName: HolderName });
export type ClaimBody = z.infer<typeof ClaimBody>;
export const GrantBody = z.object({ userId: z.uuid('Please choose a person.'), kind: CertificateKind, holderName: HolderName.optional() });
export type GrantBody = z.infer<typeof GrantBody>;
export const RevokeBody = z.object({ reason: z.string({ error: 'Please give a short reason.' }).trim().min(3, 'Please give a short reason.').max(500) });
export const CodeParams = z.object({ code: z.string().trim().regex(/^[A-Z0-9-]{6,20}$/i, 'That verification code does not look right. Please check it and try again.') });

// ── Responses ────────────────────────────────────────────────────────────────
const Source = z.object({ title: z.string(), url: z.string() });
export const CourseSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: CourseKind,
  ceMinutes: z.number(),
  published: z.boolean(),
  builtIn: z.boolean(),
  sources: z.array(Source),
  lessonCount: z.number(),
  completedLessons: z.number(),
  completedAt: z.string().nullable(),
  resumeLessonId: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type CourseSummary = z.infer<typeof CourseSummary>;

export const LessonSummary = z.object({ id: z.string(), kind: LessonKind, title: z.string(), position: z.number(), completed: z.boolean() });
export const CourseDetail = CourseSummary.extend({ lessons: z.array(LessonSummary) });
export type CourseDetail = z.infer<typeof CourseDetail>;
export const CourseList = z.object({ courses: z.array(CourseSummary), abilities: z.object({ author: z.boolean() }) });

const PublicQuestion = z.object({ id: z.string(), kind: z.enum(['multiple_choice', 'scenario']), prompt: z.string(), scenario: z.string().nullable(), options: z.array(z.object({ id: z.string(), text: z.string() })) });
export const RoleplayTurn = z.object({ nodeId: z.string(), says: z.string(), reply: z.string(), listened: z.boolean(), feedback: z.array(z.object({ kind: z.enum(['strength', 'pitfall', 'tip']), label: z.string(), text: z.string() })) });
export const Lesson = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  kind: LessonKind,
  title: z.string(),
  position: z.number(),
  html: z.string().nullable(),
  media: z.object({ kind: z.enum(['video', 'audio']), src: z.string(), external: z.boolean(), mimeType: z.string().nullable(), transcriptHtml: z.string() }).nullable(),
  resources: z.array(z.object({ title: z.string(), href: z.string(), external: z.boolean() })),
  quiz: z.object({ passPercent: z.number(), questions: z.array(PublicQuestion) }).nullable(),
  roleplay: z
    .object({ persona: z.string(), setting: z.string(), currentNode: z.object({ id: z.string(), says: z.string() }).nullable(), finished: z.boolean(), turns: z.array(RoleplayTurn) })
    .nullable(),
  progress: z.object({ completed: z.boolean(), mediaPositionSeconds: z.number(), bestScorePercent: z.number().nullable(), passed: z.boolean() }),
  previousLessonId: z.string().nullable(),
  nextLessonId: z.string().nullable(),
});
export type Lesson = z.infer<typeof Lesson>;

export const QuizResult = z.object({
  scorePercent: z.number(),
  passPercent: z.number(),
  passed: z.boolean(),
  results: z.array(z.object({ questionId: z.string(), correct: z.boolean(), correctOptionId: z.string(), explanation: z.string() })),
});
export const RoleplayResult = z.object({
  listened: z.boolean(),
  skills: z.array(z.string()),
  pitfalls: z.array(z.string()),
  feedback: RoleplayTurn.shape.feedback,
  nextNode: z.object({ id: z.string(), says: z.string() }).nullable(),
  finished: z.boolean(),
});
export const MediaUploaded = z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number(), src: z.string() });
export const Settings = SettingsBody;

export const CertificateStatus = z.enum(['valid', 'expired', 'revoked']);
export const Certificate = z.object({
  id: z.string(),
  kind: CertificateKind,
  code: z.string(),
  holderName: z.string(),
  status: CertificateStatus,
  basis: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  renewedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  verifyUrl: z.string(),
  abilities: z.object({ renew: z.boolean(), revoke: z.boolean(), download: z.boolean() }),
});
export type Certificate = z.infer<typeof Certificate>;
const Requirement = z.object({ key: z.string(), met: z.boolean(), have: z.number(), need: z.number() });
export const Eligibility = z.object({ kind: EarnableKind, eligible: z.boolean(), requirements: z.array(Requirement) });
export const MyCertificates = z.object({
  certificates: z.array(Certificate),
  eligibility: z.array(Eligibility),
  ceMinutesSinceIssue: z.record(z.string(), z.number()),
  settings: Settings,
});
export const Verification = z.object({
  status: CertificateStatus,
  kind: CertificateKind,
  holderName: z.string(),
  organization: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Verification = z.infer<typeof Verification>;
/** A lesson as written (answers included), for authors' editor. */
export const LessonSource = z.object({
  id: z.string(),
  courseId: z.string(),
  kind: LessonKind,
  title: z.string(),
  position: z.number(),
  content: z.record(z.string(), z.unknown()),
  files: z.array(z.object({ id: z.string(), filename: z.string(), mimeType: z.string() })),
  /** People who have saved replies in this role-play (0 for other kinds): once above 0, its steps are fixed. */
  startedBy: z.number(),
});
export type LessonSource = { id: string; courseId: string; kind: LessonKind; title: string; position: number; content: LessonContent; files: Array<{ id: string; filename: string; mimeType: string }>; startedBy: number };
export const Preview = z.object({ html: z.string() });
