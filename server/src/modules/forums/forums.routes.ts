import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { ForumsService } from './forums.service.ts';
import {
  BoardList,
  CreateBoardBody,
  CreatePostBody,
  CreatedPost,
  CreatedThread,
  CreateThreadBody,
  DeletedPost,
  EditPostBody,
  ForumBoard,
  ForumPost,
  PostsQuery,
  ReactionKind,
  ReactionState,
  ThreadPage,
  ThreadView,
  ThreadsQuery,
} from './forums.schemas.ts';

const tags = ['forums'];
const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
const ReactionParams = IdParams.extend({ kind: ReactionKind });

/** HTTP routes for boards, threads, posts and reactions. */
export function forumsRoutes(service: ForumsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/forums/boards', { schema: { tags, summary: 'Public boards and the boards of my groups', response: { 200: BoardList } } }, async (request) => ({
      boards: await service.listBoards(requireActor(request)),
    }));

    app.post('/api/forums/boards', { schema: { tags, summary: 'Create a public board (moderators and admins)', body: CreateBoardBody, response: { 201: ForumBoard } } }, async (request, reply) =>
      reply.status(201).send(await service.createBoard(requireActor(request), request.body)),
    );

    app.get('/api/forums/boards/:id', { schema: { tags, summary: 'A board', params: IdParams, response: { 200: ForumBoard } } }, async (request) =>
      service.getBoard(requireActor(request), request.params.id),
    );

    app.get('/api/groups/:id/board', { schema: { tags, summary: 'A group\'s private board (created on first visit)', params: IdParams, response: { 200: ForumBoard } } }, async (request) =>
      service.getGroupBoard(requireActor(request), request.params.id),
    );

    app.get('/api/forums/boards/:id/threads', {
      schema: { tags, summary: 'Threads of a board, most recent activity first', params: IdParams, querystring: ThreadsQuery, response: { 200: ThreadPage } },
    }, async (request) => service.listThreads(requireActor(request), request.params.id, request.query));

    app.post('/api/forums/boards/:id/threads', {
      schema: { tags, summary: 'Start a thread', params: IdParams, body: CreateThreadBody, response: { 201: CreatedThread } },
    }, async (request, reply) => reply.status(201).send(await service.createThread(requireActor(request), request.params.id, request.body)));

    app.get('/api/forums/threads/:id', {
      schema: { tags, summary: 'A thread with a page of its posts', params: IdParams, querystring: PostsQuery, response: { 200: ThreadView } },
    }, async (request) => service.getThread(requireActor(request), request.params.id, request.query));

    app.post('/api/forums/threads/:id/posts', {
      schema: { tags, summary: 'Reply to a thread', params: IdParams, body: CreatePostBody, response: { 201: CreatedPost } },
    }, async (request, reply) => reply.status(201).send(await service.createReply(requireActor(request), request.params.id, request.body)));

    app.post('/api/forums/posts/:id/release', {
      schema: { tags, summary: 'Release a post held for safety review (moderators, clinicians, admins)', params: IdParams, body: z.object({}).optional(), response: { 200: ForumPost } },
    }, async (request) => service.releaseHeldPost(requireActor(request), request.params.id));

    app.patch('/api/forums/posts/:id', {
      schema: { tags, summary: 'Edit my post or its content note (new words get the safety card, like a new post)', params: IdParams, body: EditPostBody, response: { 200: CreatedPost } },
    }, async (request) => service.editPost(requireActor(request), request.params.id, request.body));

    app.delete('/api/forums/posts/:id', {
      schema: { tags, summary: 'Remove a post (its author, or a moderator)', params: IdParams, response: { 200: DeletedPost } },
    }, async (request) => ({ ok: true as const, ...(await service.deletePost(requireActor(request), request.params.id)) }));

    app.put('/api/forums/posts/:id/reactions/:kind', {
      schema: { tags, summary: 'Give a supportive reaction (idempotent)', params: ReactionParams, response: { 200: ReactionState } },
    }, async (request) => service.addReaction(requireActor(request), request.params.id, request.params.kind));

    app.delete('/api/forums/posts/:id/reactions/:kind', {
      schema: { tags, summary: 'Take a reaction back (idempotent)', params: ReactionParams, response: { 200: ReactionState } },
    }, async (request) => service.removeReaction(requireActor(request), request.params.id, request.params.kind));
  };
}
