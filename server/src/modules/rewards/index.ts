export { createRewardsService, type RewardsService, type ActivitySource, type ActivityValue } from './rewards.service.ts';
export { rewardsRoutes } from './rewards.routes.ts';
export { createRewardsPersonalData } from './rewards.personal-data.ts';
