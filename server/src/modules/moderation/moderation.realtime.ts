import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { ModerationService } from './moderation.service.ts';

/** `modqueue:<orgId>`: the live review queue; joining is decided by the same rule as reading the queue. */
export function registerModerationRealtime(hub: RealtimeHub, service: ModerationService) {
  hub.registerChannel('modqueue', { authorize: async (actor, id) => service.canWatchQueue(actor, id) });
}
