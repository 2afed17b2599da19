import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { ChatService } from './chat.service.ts';

/**
 * Registers the `room:` channel: joining is decided by the same policy as reading over HTTP, a reconnecting client
 * gets every message after its last seq, and being in a session's live room records online attendance.
 */
export function registerChatRealtime(hub: RealtimeHub, service: ChatService) {
  hub.registerChannel('room', {
    authorize: async (actor, id) => isUuid(id) && service.canJoinRoom(actor, id),
    backlog: (actor, id, after) => service.listBacklog(actor, id, after),
    onJoin: (actor, id) => service.recordJoin(actor, id),
    onLeave: (actor, id) => service.recordLeave(actor, id),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Room names come from the client; anything that is not a uuid cannot be a room (and must not reach SQL). */
function isUuid(id: string) {
  return UUID.test(id);
}
