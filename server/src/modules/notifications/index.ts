export { createNotificationsService, type NotificationsService } from './notifications.service.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { KNOWN_KINDS, CATEGORIES } from './notifications.kinds.ts';
export type { StillDue } from './notifications.deps.ts';
