export { createResourcesService, type ResourcesService, type LibraryMatch } from './resources.service.ts';
export { resourcesRoutes } from './resources.routes.ts';
export { createMediaStore, type MediaStore } from './media-store.ts';
export { createResourcesPersonalData } from './resources.personal-data.ts';
export type { ResourceSummary, Resource } from './resources.schemas.ts';
