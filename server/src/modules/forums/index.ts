export { createForumsService, type ForumsService } from './forums.service.ts';
export { forumsRoutes } from './forums.routes.ts';
