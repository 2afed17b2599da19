export { createSupervisionService, type SupervisionService, type ConversationPort, type CertificatePort, type CaseloadPort, type SupporterRating } from './supervision.service.ts';
export { supervisionRoutes } from './supervision.routes.ts';
export { supervisionPersonalData } from './supervision.personal-data.ts';
export { ACTIVITY_CATEGORIES } from './supervision.schemas.ts';

import type { SupervisionService } from './supervision.service.ts';

/** Members' ratings of supporters, per supporter id: `getSupporterRatings(userIds) → Map<userId, { count, average, lastRatedAt }>`. */
export type GetSupporterRatings = SupervisionService['getSupporterRatings'];

/** `getSupporterRatings(userIds)` bound to a service, for modules that take it as a port (e.g. matching). */
export function supporterRatings(service: SupervisionService): GetSupporterRatings {
  return (userIds) => service.getSupporterRatings(userIds);
}
