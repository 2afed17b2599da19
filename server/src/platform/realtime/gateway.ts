import type { FastifyInstance } from 'fastify';
import type { RealtimeHub } from './hub.ts';

/** The websocket endpoint. It is authenticated by the same session cookie as the API. */
export function registerRealtimeGateway(app: FastifyInstance, hub: RealtimeHub) {
  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    if (!request.actor) {
      socket.send(JSON.stringify({ type: 'error', code: 'unauthenticated', message: 'Please sign in to join live rooms.' }));
      socket.close(4401, 'unauthenticated');
      return;
    }
    hub.accept(socket, request.actor);
  });
}
