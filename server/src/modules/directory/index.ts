export { createDirectoryService, type DirectoryService } from './directory.service.ts';
export { directoryRoutes } from './directory.routes.ts';
export { createDirectoryPersonalData } from './directory.personal-data.ts';
export { createPlaceIndex, haversineKm, type Place } from './places.ts';
