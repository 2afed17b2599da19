import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as trainingApi from './api.ts';

export const trainingKeys = {
  courses: ['training', 'courses'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  lesson: (id: string) => ['training', 'lesson', id] as const,
  certificates: ['training', 'certificates'] as const,
};

export const useCourses = () => useQuery({ queryKey: trainingKeys.courses, queryFn: trainingApi.listCourses });
export const useCourse = (id: string) => useQuery({ queryKey: trainingKeys.course(id), queryFn: () => trainingApi.getCourse(id) });
export const useLesson = (id: string) => useQuery({ queryKey: trainingKeys.lesson(id), queryFn: () => trainingApi.getLesson(id) });
export const useMyCertificates = () => useQuery({ queryKey: trainingKeys.certificates, queryFn: trainingApi.myCertificates });
export const useVerification = (code: string) => useQuery({ queryKey: ['verify', code], queryFn: () => trainingApi.verifyCertificate(code), retry: false });

/** Refreshes the lesson, its course and the course list after progress changes. */
function useRefresh(lesson: { id: string; courseId?: string }) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: trainingKeys.lesson(lesson.id) });
    if (lesson.courseId) void client.invalidateQueries({ queryKey: trainingKeys.course(lesson.courseId) });
    void client.invalidateQueries({ queryKey: trainingKeys.courses });
    void client.invalidateQueries({ queryKey: trainingKeys.certificates });
  };
}

export function useSaveProgress(lesson: { id: string; courseId: string }) {
  const refresh = useRefresh(lesson);
  return useMutation({ mutationFn: (body: { mediaPositionSeconds?: number; completed?: boolean }) => trainingApi.saveProgress(lesson.id, body), onSuccess: (_d, body) => body.completed && refresh() });
}

export function useSubmitQuiz(lesson: { id: string; courseId: string }) {
  return useMutation({ mutationFn: (answers: Record<string, string>) => trainingApi.submitQuiz(lesson.id, answers), onSuccess: useRefresh(lesson) });
}

export function useRoleplayReply(lesson: { id: string; courseId: string }) {
  return useMutation({ mutationFn: ({ nodeId, reply }: { nodeId: string; reply: string }) => trainingApi.replyRoleplay(lesson.id, nodeId, reply), onSuccess: useRefresh(lesson) });
}

export function useRestartRoleplay(lesson: { id: string; courseId: string }) {
  return useMutation({ mutationFn: () => trainingApi.restartRoleplay(lesson.id), onSuccess: useRefresh(lesson) });
}

export function useClaimCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, holderName }: { kind: trainingApi.CertificateKind; holderName: string }) => trainingApi.claimCertificate(kind, holderName),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.certificates }),
  });
}

export function useRenewCertificate() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => trainingApi.renewCertificate(id), onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.certificates }) });
}

// ── Authoring ────────────────────────────────────────────────────────────────
export const useLessonSource = (id: string | null) => useQuery({ queryKey: ['training', 'lesson-source', id], queryFn: () => trainingApi.getLessonSource(id!), enabled: id !== null });

/** Authoring changes refresh every training view (courses, lessons, sources). */
function useAuthoringMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }) });
}

export const useCreateCourse = () => useAuthoringMutation(trainingApi.createCourse);
export const useUpdateCourse = (id: string) => useAuthoringMutation((body: Parameters<typeof trainingApi.updateCourse>[1]) => trainingApi.updateCourse(id, body));
export const useAddLesson = (courseId: string) => useAuthoringMutation((body: Parameters<typeof trainingApi.addLesson>[1]) => trainingApi.addLesson(courseId, body));
export const useUpdateLesson = () => useAuthoringMutation(({ id, body }: { id: string; body: Parameters<typeof trainingApi.updateLesson>[1] }) => trainingApi.updateLesson(id, body));
export const useDeleteLesson = () => useAuthoringMutation(trainingApi.deleteLesson);
export const useReorderLessons = (courseId: string) => useAuthoringMutation((ids: string[]) => trainingApi.reorderLessons(courseId, ids));
export const useUploadMedia = () => useMutation({ mutationFn: trainingApi.uploadMedia });
export const usePreviewMarkdown = () => useMutation({ mutationFn: trainingApi.previewMarkdown });
