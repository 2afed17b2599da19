import { api } from '../../lib/api-client.ts';

export type CourseSummary = {
  id: string; title: string; summary: string; kind: 'core' | 'facilitation' | 'elective' | 'continuing'; ceMinutes: number; published: boolean; builtIn: boolean;
  sources: Array<{ title: string; url: string }>; lessonCount: number; completedLessons: number; completedAt: string | null; resumeLessonId: string | null; abilities: { edit: boolean };
};
export type LessonKind = 'text' | 'media' | 'quiz' | 'roleplay';
export type CourseDetail = CourseSummary & { lessons: Array<{ id: string; kind: LessonKind; title: string; position: number; completed: boolean }> };
export type Feedback = { kind: 'strength' | 'pitfall' | 'tip'; label: string; text: string };
export type RoleplayTurn = { nodeId: string; says: string; reply: string; listened: boolean; feedback: Feedback[] };
export type Lesson = {
  id: string; courseId: string; courseTitle: string; kind: LessonKind; title: string; position: number; html: string | null;
  media: { kind: 'video' | 'audio'; src: string; external: boolean; mimeType: string | null; transcriptHtml: string } | null;
  resources: Array<{ title: string; href: string; external: boolean }>;
  quiz: { passPercent: number; questions: Array<{ id: string; kind: 'multiple_choice' | 'scenario'; prompt: string; scenario: string | null; options: Array<{ id: string; text: string }> }> } | null;
  roleplay: { persona: string; setting: string; currentNode: { id: string; says: string } | null; finished: boolean; turns: RoleplayTurn[] } | null;
  progress: { completed: boolean; mediaPositionSeconds: number; bestScorePercent: number | null; passed: boolean };
  previousLessonId: string | null; nextLessonId: string | null;
};
export type QuizResult = { scorePercent: number; passPercent: number; passed: boolean; results: Array<{ questionId: string; correct: boolean; correctOptionId: string; explanation: string }> };
export type RoleplayResult = { listened: boolean; skills: string[]; pitfalls: string[]; feedback: Feedback[]; nextNode: { id: string; says: string } | null; finished: boolean };
export type CertificateKind = 'peer_supporter' | 'group_facilitator' | 'trainer';
export type Certificate = {
  id: string; kind: CertificateKind; code: string; holderName: string; status: 'valid' | 'expired' | 'revoked'; basis: string; issuedAt: string; expiresAt: string;
  renewedAt: string | null; revokedAt: string | null; revocationReason: string | null; verifyUrl: string; abilities: { renew: boolean; revoke: boolean; download: boolean };
};
export type Requirement = { key: string; met: boolean; have: number; need: number };
export type MyCertificates = {
  certificates: Certificate[]; eligibility: Array<{ kind: 'peer_supporter' | 'group_facilitator'; eligible: boolean; requirements: Requirement[] }>; ceMinutesSinceIssue: Record<string, number>;
  settings: { requireCertificates: boolean; practiceHoursRequired: number; validityMonths: number; renewalCeHours: number; warningDays: number };
};
export type Verification = { status: 'valid' | 'expired' | 'revoked'; kind: CertificateKind; holderName: string; organization: string; issuedAt: string; expiresAt: string; revokedAt: string | null };

export const listCourses = () => api.get<{ courses: CourseSummary[]; abilities: { author: boolean } }>('/api/training/courses');
export const getCourse = (id: string) => api.get<CourseDetail>(`/api/training/courses/${id}`);
export const getLesson = (id: string) => api.get<Lesson>(`/api/training/lessons/${id}`);
export const saveProgress = (id: string, body: { mediaPositionSeconds?: number; completed?: boolean }) => api.put<Lesson>(`/api/training/lessons/${id}/progress`, body);
export const submitQuiz = (id: string, answers: Record<string, string>) => api.post<QuizResult>(`/api/training/lessons/${id}/quiz`, { answers });
export const replyRoleplay = (id: string, nodeId: string, reply: string) => api.post<RoleplayResult>(`/api/training/lessons/${id}/roleplay`, { nodeId, reply });
export const restartRoleplay = (id: string) => api.post<Lesson>(`/api/training/lessons/${id}/roleplay/restart`);
export const myCertificates = () => api.get<MyCertificates>('/api/certificates/mine');
export const claimCertificate = (kind: CertificateKind, holderName: string) => api.post<Certificate>('/api/certificates/claim', { kind, holderName });
export const renewCertificate = (id: string) => api.post<Certificate>(`/api/certificates/${id}/renew`);
export const verifyCertificate = (code: string) => api.get<Verification>(`/api/verify/${encodeURIComponent(code)}`, { allowAnonymous: true });

// ── Authoring ────────────────────────────────────────────────────────────────
export type CourseKind = CourseSummary['kind'];
export type QuizQuestion = {
  id: string; kind: 'multiple_choice' | 'scenario'; prompt: string; scenario?: string; options: Array<{ id: string; text: string }>; correctOptionId: string; explanation: string;
};
export type LessonContent = {
  markdown?: string;
  media?: { mediaId?: string; url?: string; kind: 'video' | 'audio'; transcript: string };
  resources?: Array<{ title: string; mediaId?: string; url?: string }>;
  quiz?: { passPercent: number; questions: QuizQuestion[] };
  roleplay?: RoleplayScenario;
};
/** A branching practice conversation: each step says something and leads on depending on whether the trainee listened. */
export type RoleplayScenario = { persona: string; setting: string; startNodeId: string; nodes: RoleplayNode[] };
export type RoleplayNode = { id: string; says: string; next: { listened: string | null; missed: string | null } };
export type LessonSource = { id: string; courseId: string; kind: LessonKind; title: string; position: number; content: LessonContent; files: Array<{ id: string; filename: string; mimeType: string }>; /** People who saved replies in this role-play; above 0 its steps are fixed. */ startedBy: number };
export type MediaUploaded = { id: string; filename: string; mimeType: string; sizeBytes: number; src: string };

export const createCourse = (body: { title: string; summary?: string; kind?: CourseKind; ceMinutes?: number }) => api.post<CourseDetail>('/api/training/courses', body);
export const updateCourse = (id: string, body: Partial<{ title: string; summary: string; kind: CourseKind; ceMinutes: number; published: boolean }>) => api.patch<CourseDetail>(`/api/training/courses/${id}`, body);
export const addLesson = (courseId: string, body: { kind: LessonKind; title: string; content: LessonContent }) => api.post<CourseDetail>(`/api/training/courses/${courseId}/lessons`, body);
export const getLessonSource = (id: string) => api.get<LessonSource>(`/api/training/lessons/${id}/source`);
export const updateLesson = (id: string, body: { title?: string; content?: LessonContent }) => api.patch<LessonSource>(`/api/training/lessons/${id}`, body);
export const deleteLesson = (id: string) => api.delete<CourseDetail>(`/api/training/lessons/${id}`);
export const reorderLessons = (courseId: string, lessonIds: string[]) => api.put<CourseDetail>(`/api/training/courses/${courseId}/lesson-order`, { lessonIds });
export const previewMarkdown = (markdown: string) => api.post<{ html: string }>('/api/training/preview', { markdown });
/** Uploads one file (multipart field "file"). */
export function uploadMedia(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<MediaUploaded>('/api/training/media', form);
}
