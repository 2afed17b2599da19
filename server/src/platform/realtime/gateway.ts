import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, type SessionResolver } from '../http/actor.ts';
import type { RealtimeHub } from './hub.ts';

/**
 * The websocket endpoint. It is authenticated by the same session cookie as the API; with `resolveSession`, the
 * session is read again before messages are sent over the socket, so signing out or a ban stops a live socket too.
 */
export function registerRealtimeGateway(app: FastifyInstance, hub: RealtimeHub, resolveSession?: SessionResolver) {
  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    if (!request.actor) {
      socket.send(JSON.stringify({ type: 'error', code: 'unauthenticated', message: 'Please sign in to join live rooms.' }));
      socket.close(4401, 'unauthenticated');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    hub.accept(socket, request.actor, resolveSession && token ? () => resolveSession(token) : undefined);
  });
}
