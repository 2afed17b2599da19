export { createMatchingService, DEFAULT_REQUEST_WAIT_SECONDS, type MatchingService } from './matching.service.ts';
export { matchingRoutes } from './matching.routes.ts';
export { createMatchingPersonalData } from './matching.personal-data.ts';
export type { MatchProfile, SafetyPort, RaiseForPerson } from './matching.deps.ts';
export type { WeeklyWindow } from './schedule.ts';
export { resolvePlace, type Place } from './places.ts';
export { classifyTopics, detectIntent, TOPICS, TOPIC_LABELS, isTopic, type Topic, type Intent } from './text-model/index.ts';
export { Topic as TopicSchema, WeeklyWindow as WeeklyWindowSchema } from './matching.schemas.ts';
export { assignCohortsExact, assignCohortsGreedy } from './cohort.ts';
