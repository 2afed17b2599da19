import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { ForumsService } from './forums.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Registers the `thread:` and `board:` channels. They carry only `invalidate` events, and joining one is allowed by
 * the same rule as reading the thread or board.
 */
export function registerForumsRealtime(hub: RealtimeHub, service: ForumsService) {
  hub.registerChannel('thread', { authorize: async (actor, id) => UUID.test(id) && service.canReadThread(actor, id) });
  hub.registerChannel('board', { authorize: async (actor, id) => UUID.test(id) && service.canReadBoard(actor, id) });
}
