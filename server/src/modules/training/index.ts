import type { TrainingService } from './training.service.ts';

export { createTrainingService, type TrainingService } from './training.service.ts';
export { trainingRoutes } from './training.routes.ts';
export { trainingPersonalData } from './training.personal-data.ts';
export { TrainingErrors, CERTIFICATE_REQUIRED } from './training.errors.ts';
export { BUILT_IN_CURRICULUM } from './curriculum/index.ts';
export { assessReply, ROLEPLAY_MODEL } from './roleplay/index.ts';
export type { CertificateKind } from './training.schemas.ts';

/** Whether a person holds a current (unrevoked, unexpired) certificate of a kind. The port other modules take. */
export type HasActiveCertificate = TrainingService['hasActiveCertificate'];

/** `hasActiveCertificate(userId, kind)` bound to a service, for modules that take it as a port. */
export function hasActiveCertificate(service: TrainingService): HasActiveCertificate {
  return (userId, kind) => service.hasActiveCertificate(userId, kind);
}
