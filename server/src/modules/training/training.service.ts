import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Notifier } from '../../platform/notify.ts';
import { createCertificationUseCases } from './certification.ts';
import { createCourseUseCases, type TrainingDeps } from './courses.ts';
import { createLearningUseCases } from './learning.ts';
import { createLessonAuthoringUseCases } from './lesson-authoring.ts';
import { createMediaUseCases } from './media.ts';

export type TrainingService = ReturnType<typeof createTrainingService>;

/** Training (courses, lessons, media, quizzes, role-play, progress) and certification. */
export function createTrainingService(input: {
  db: Db;
  cipher: FieldCipher;
  mediaDir: string;
  publicUrl: string;
  now?: () => Date;
  notifier?: Notifier;
  signedOffPracticeMinutes: (userId: string) => Promise<number>;
}) {
  const deps: TrainingDeps = { ...input, now: input.now ?? (() => new Date()) };
  return {
    ...createCourseUseCases(deps),
    ...createLearningUseCases(deps),
    ...createLessonAuthoringUseCases(deps),
    ...createMediaUseCases(deps),
    ...createCertificationUseCases(deps),
  };
}
