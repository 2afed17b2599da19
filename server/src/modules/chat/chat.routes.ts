import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { ChatService } from './chat.service.ts';
import {
  ChatMessage,
  ConversationList,
  ConversationParams,
  Conversation,
  EditMessageBody,
  GroupParams,
  HistoryQuery,
  MessagePage,
  MessageParams,
  PostMessageBody,
  PostedMessage,
  RequestConversationBody,
  Room,
  RoomParams,
  SessionParams,
  SupporterList,
} from './chat.schemas.ts';

const tags = ['chat'];

/** HTTP routes for chat rooms, messages and one-to-one conversations. Sending goes over HTTP so it is stored before it is acknowledged. */
export function chatRoutes(service: ChatService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/groups/:id/room', { schema: { tags, summary: "A group's chat room (created on first use)", params: GroupParams, response: { 200: Room } } }, async (request) =>
      service.getGroupRoom(requireActor(request), request.params.id),
    );

    app.get('/api/sessions/:id/room', {
      schema: { tags, summary: "A session's live room: open from 15 minutes before the start to the end", params: SessionParams, response: { 200: Room } },
    }, async (request) => service.getSessionRoom(requireActor(request), request.params.id));

    app.get('/api/rooms/:id', { schema: { tags, summary: 'A chat room: kind, title, whether it is open, and what I may do', params: RoomParams, response: { 200: Room } } }, async (request) =>
      service.getRoom(requireActor(request), request.params.id),
    );

    app.get('/api/rooms/:id/messages', {
      schema: { tags, summary: 'Message history, oldest first: the newest page (or ?before=seq), or ?after=seq to catch up', params: RoomParams, querystring: HistoryQuery, response: { 200: MessagePage } },
    }, async (request) => service.listMessages(requireActor(request), request.params.id, request.query));

    app.post('/api/rooms/:id/messages', {
      schema: {
        tags,
        summary: 'Send a message. 201 once stored; a resend with the same clientId returns the stored message with 200',
        params: RoomParams,
        body: PostMessageBody,
        response: { 200: PostedMessage, 201: PostedMessage },
      },
    }, async (request, reply) => {
      const { message, created, safety, moderation } = await service.postMessage(requireActor(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send({ ...message, ...(safety ? { safety } : {}), ...(moderation ? { moderation } : {}) });
    });

    app.patch('/api/rooms/:id/messages/:messageId', {
      schema: { tags, summary: 'Edit my message', params: MessageParams, body: EditMessageBody, response: { 200: ChatMessage } },
    }, async (request) => service.editMessage(requireActor(request), request.params.id, request.params.messageId, request.body));

    app.delete('/api/rooms/:id/messages/:messageId', {
      schema: { tags, summary: 'Delete my message (a tombstone stays in its place)', params: MessageParams, response: { 200: ChatMessage } },
    }, async (request) => service.deleteMessage(requireActor(request), request.params.id, request.params.messageId));

    app.get('/api/supporters', { schema: { tags, summary: 'Peer supporters in my organization', response: { 200: SupporterList } } }, async (request) => ({
      supporters: await service.listSupporters(requireActor(request)),
    }));

    app.post('/api/direct', {
      schema: { tags, summary: 'Ask a peer supporter for a one-to-one conversation', body: RequestConversationBody, response: { 201: Conversation } },
    }, async (request, reply) => reply.status(201).send(await service.requestConversation(requireActor(request), request.body)));

    app.get('/api/direct', { schema: { tags, summary: 'My one-to-one conversations, on either side', response: { 200: ConversationList } } }, async (request) => ({
      conversations: await service.listConversations(requireActor(request)),
    }));

    app.get('/api/direct/:id', { schema: { tags, summary: 'One of my conversations', params: ConversationParams, response: { 200: Conversation } } }, async (request) =>
      service.getConversation(requireActor(request), request.params.id),
    );

    const respond = (action: 'accept' | 'decline' | 'close', summary: string, run: ChatService['acceptConversation']) =>
      app.post(`/api/direct/:id/${action}`, { schema: { tags, summary, params: ConversationParams, body: z.object({}).optional(), response: { 200: Conversation } } }, async (request) =>
        run(requireActor(request), request.params.id),
      );
    respond('accept', 'Accept a conversation request (peer supporter); opens its room', service.acceptConversation);
    respond('decline', 'Decline a conversation request (peer supporter)', service.declineConversation);
    respond('close', 'Close a conversation (either person)', service.closeConversation);
  };
}
