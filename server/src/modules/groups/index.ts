export { createGroupsService, groupRoom, type GroupsService } from './groups.service.ts';
export { groupsRoutes } from './groups.routes.ts';
export { GroupErrors } from './groups.errors.ts';
export * as groupsPolicy from './groups.policy.ts';
export { presentLocalTimes } from './local-time.ts';
export { TimeZone, LocalTimes, Venue, GroupFormat } from './groups.schemas.ts';
export type { GroupRow, GroupMemberRow } from './groups.repo.ts';
export { createGroupsPersonalData } from './groups.personal-data.ts';
export { createGroupFacts, type GroupFacts } from './group-facts.ts';
