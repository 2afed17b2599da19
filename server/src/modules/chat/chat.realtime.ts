import type { RealtimeHub } from '../../platform/realtime/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { ChatService } from './chat.service.ts';
import { ChatErrors } from './chat.errors.ts';
import { PostMessageBody } from './chat.schemas.ts';

/**
 * Registers the `room:` channel: joining is decided by the same policy as reading over HTTP, a reconnecting client
 * gets every message after its last seq (read once per room for everyone reconnecting at the same time), being in a session's live room records online attendance, and a message
 * can be sent over the socket as well as over HTTP.
 */
export function registerChatRealtime(hub: RealtimeHub, service: ChatService) {
  hub.registerChannel('room', {
    authorize: async (actor, id) => isUuid(id) && service.canJoinRoom(actor, id),
    // The periodic re-check of every subscription on a node: one statement per kind of room, not one per person and room.
    authorizeMany: async (checks) => {
      const valid = checks.filter((c) => isUuid(c.id));
      const answers = await service.canJoinRooms(valid.map((c) => ({ actor: c.actor, roomId: c.id })));
      const byCheck = new Map(valid.map((c, i) => [c, answers[i]!]));
      return checks.map((c) => byCheck.get(c) ?? false);
    },
    backlog: (actor, id, after) => service.listBacklog(actor, id, after),
    // A room's messages read the same for every member (a hidden message is hidden to all), so one reader who is still
    // allowed in reads for everyone who asked at the same time; each of them was authorized when joining.
    sharedBacklog: async (readers, id, after) => {
      for (const actor of readers) if (await service.canJoinRoom(actor, id)) return service.listRoomBacklog(id, after);
      return [];
    },
    onJoin: (actor, id) => service.recordJoin(actor, id),
    onLeave: (actor, id) => service.recordLeave(actor, id),
    // Sending over the socket is the HTTP send without HTTP: the same checks, the same store-then-acknowledge.
    send: async (actor, id, input) => {
      if (!isUuid(id)) throw ChatErrors.roomNotFound();
      const parsed = PostMessageBody.safeParse(input);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
        throw new AppError('validation_failed', 422, fields.map((f) => f.message).join(' '), fields);
      }
      const { message, safety, moderation } = await service.postMessage(actor, id, parsed.data);
      return { seq: message.seq, message: { ...message, ...(safety ? { safety } : {}), ...(moderation ? { moderation } : {}) } };
    },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Room names come from the client; anything that is not a uuid cannot be a room (and must not reach SQL). */
function isUuid(id: string) {
  return UUID.test(id);
}
