export { createGroupsService, type GroupsService } from './groups.service.ts';
export { groupsRoutes } from './groups.routes.ts';
