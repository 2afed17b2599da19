import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { SafetyService } from './safety.service.ts';

/**
 * `user:<id>` is a person's private room (their safety card goes there): only that person may join.
 * `oncall:<orgId>` is the on-call dashboard: moderators, clinicians and admins of that organization.
 */
export function registerSafetyRealtime(hub: RealtimeHub, service: SafetyService) {
  hub.registerChannel('user', { authorize: async (actor, id) => actor.userId === id });
  hub.registerChannel('oncall', { authorize: async (actor, id) => service.canWatchOncall(actor, id) });
}
