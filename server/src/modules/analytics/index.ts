export { createAnalyticsService, type AnalyticsService } from './analytics.service.ts';
export { analyticsRoutes } from './analytics.routes.ts';
