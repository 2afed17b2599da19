export { createForumsService, type ForumsService } from './forums.service.ts';
export { forumsRoutes } from './forums.routes.ts';
export { registerForumsRealtime } from './forums.realtime.ts';
export type { ForumActor } from './forums.policy.ts';
export type { ForumBoard, ForumPost, ForumThread, ReactionKind, ThreadView } from './forums.schemas.ts';
export { createForumsPersonalData } from './forums.personal-data.ts';
