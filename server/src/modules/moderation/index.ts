export { createModerationService, type ModerationService } from './moderation.service.ts';
export { moderationRoutes } from './moderation.routes.ts';
export { registerModerationRealtime } from './moderation.realtime.ts';
export type { RaiseWorry } from './moderation.deps.ts';
export type { ReadItem, ReadPlace } from './reading.ts';
export { createLocalPostRateLimiter, createRedisPostRateLimiter, type PostRateLimiter } from './post-rate.ts';
