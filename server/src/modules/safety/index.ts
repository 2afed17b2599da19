export { createSafetyService, type SafetyService } from './safety.service.ts';
export { safetyRoutes } from './safety.routes.ts';
export { registerSafetyRealtime } from './safety.realtime.ts';
export { SAFETY_COPY } from './safety.copy.ts';
export type { ForumPostForReview } from './safety.deps.ts';
export type { Screening, MessageSource } from './safety.screen.ts';
export type { SafetyNotice } from './safety.schemas.ts';
export type { RaiseForPersonInput, RaiseForPerson } from './raise-for-person.ts';
export type { AssessedSource } from './record-assessment.ts';
export * as safetyPolicy from './safety.policy.ts';
export { createSafetyPersonalData } from './safety.personal-data.ts';
/** Safe-messaging rules shared with the web app (see contracts), re-exported for server callers. */
export { findUnsafePhrasing, SUPPORT_CONTENT_PHRASING, UNSAFE_PHRASING } from '@hearth/contracts';
