import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { NotificationsService } from './notifications.service.ts';
import {
  IdParams, ListQuery, Notification, NotificationList, Preferences, PreferencesBody, SubscriptionBody, TokenBody, TokenQuery, UnreadCount, UnsubscribeDeviceBody, UnsubscribeInfo,
} from './notifications.schemas.ts';

const tags = ['notifications'];
const Empty = z.object({}).optional();

/** HTTP routes: my notifications, my preferences, this browser's push subscription, and the signed unsubscribe link. */
export function notificationsRoutes(service: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first, with the unread count', querystring: ListQuery, response: { 200: NotificationList } } }, async (request) =>
      service.listNotifications(requireActor(request), request.query),
    );

    app.get('/api/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCount } } }, async (request) =>
      service.countUnread(requireActor(request)),
    );

    app.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', body: Empty, response: { 200: UnreadCount } } }, async (request) =>
      service.markAllRead(requireActor(request)),
    );

    app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read', params: IdParams, body: Empty, response: { 200: Notification } } }, async (request) =>
      service.markRead(requireActor(request), request.params.id),
    );

    app.get('/api/notifications/preferences', { schema: { tags, summary: 'My channels per type, quiet hours and digest', response: { 200: Preferences } } }, async (request) =>
      service.getPreferences(requireActor(request)),
    );

    app.put('/api/notifications/preferences', { schema: { tags, summary: 'Save my notification preferences', body: PreferencesBody, response: { 200: Preferences } } }, async (request) =>
      service.savePreferences(requireActor(request), request.body),
    );

    app.post('/api/notifications/push-subscriptions', { schema: { tags, summary: 'Turn on Web Push for this browser', body: SubscriptionBody, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) =>
      reply.status(201).send(await service.subscribePush(requireActor(request), request.body, request.headers['user-agent'] ?? null)),
    );

    app.delete('/api/notifications/push-subscriptions', { schema: { tags, summary: 'Turn off Web Push for this browser', body: UnsubscribeDeviceBody, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) =>
      service.unsubscribePush(requireActor(request), request.body.endpoint),
    );

    // The two unsubscribe routes work signed out: the signed token in the e-mail link is the permission.
    app.get('/api/notifications/unsubscribe', { schema: { tags, summary: 'What an e-mail unsubscribe link would stop (changes nothing)', querystring: TokenQuery, response: { 200: UnsubscribeInfo } } }, async (request) =>
      service.describeUnsubscribe(request.query.token),
    );

    app.post('/api/notifications/unsubscribe', { schema: { tags, summary: 'Stop these e-mails (from the link in an e-mail; no sign-in needed)', body: TokenBody, response: { 200: UnsubscribeInfo } } }, async (request) =>
      service.unsubscribe(request.body.token),
    );
  };
}
