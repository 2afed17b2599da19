export { createSafetyService, type SafetyService } from './safety.service.ts';
export { safetyRoutes } from './safety.routes.ts';
export { registerSafetyRealtime } from './safety.realtime.ts';
export { SAFETY_COPY } from './safety.copy.ts';
export type { ForumPostForReview } from './safety.deps.ts';
export type { Screening, MessageSource } from './safety.screen.ts';
export type { SafetyNotice } from './safety.schemas.ts';
export * as safetyPolicy from './safety.policy.ts';
