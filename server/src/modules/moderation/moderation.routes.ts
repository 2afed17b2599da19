import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { memberRoutes } from './member.routes.ts';
import type { ModerationService } from './moderation.service.ts';
import {
  ActionBody, Appeal, AppealList, Dashboard, DashboardQuery, DecideAppealBody, GroupSettingsBody, IdParams, ItemDetail, LogQuery, Modlog, NoteBody, Ok, Queue,
  Settings, SettingsBody, TrustBody, WatchedWord, WatchedWordBody, WatchedWordPatch,
} from './moderation.schemas.ts';

const tags = ['moderation'];
const ActionResult = z.object({ actionId: z.string(), action: z.string(), itemId: z.string() });

/** HTTP routes for moderation: the member routes, then the moderators' queue, decisions, appeals, modlog and settings. */
export function moderationRoutes(service: ModerationService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(memberRoutes(service));

    app.get('/api/moderation/queue', { schema: { tags, summary: 'The review queue: summed flag score, then age (moderators)', response: { 200: Queue } } }, async (request) =>
      service.listQueue(requireActor(request)),
    );

    app.get('/api/moderation/items/:id', {
      schema: { tags, summary: 'One item in context: the messages around it, flags, the author\u2019s history, strikes and notes', params: IdParams, response: { 200: ItemDetail } },
    }, async (request) => service.getItem(requireActor(request), request.params.id));

    app.post('/api/moderation/items/:id/actions', {
      schema: { tags, summary: 'Decide: dismiss, hide, ask to edit, warn, mute, suspend or ban', params: IdParams, body: ActionBody, response: { 200: ActionResult } },
    }, async (request) => service.actOnItem(requireActor(request), request.params.id, request.body));

    app.post('/api/moderation/items/:id/notes', {
      schema: { tags, summary: 'A private note about the author (moderators)', params: IdParams, body: NoteBody, response: { 201: Ok } },
    }, async (request, reply) => reply.status(201).send(await service.addNote(requireActor(request), request.params.id, request.body)));

    app.get('/api/moderation/appeals', { schema: { tags, summary: 'Pending appeals (moderators)', response: { 200: AppealList } } }, async (request) =>
      service.listAppeals(requireActor(request)),
    );

    app.post('/api/moderation/appeals/:id/decide', {
      schema: { tags, summary: 'Decide an appeal (a moderator other than the one who acted)', params: IdParams, body: DecideAppealBody, response: { 200: Appeal } },
    }, async (request) => service.decideAppeal(requireActor(request), request.params.id, request.body));

    app.get('/api/moderation/log', { schema: { tags, summary: 'The full modlog, newest first (moderators)', querystring: LogQuery, response: { 200: Modlog } } }, async (request) =>
      service.listModlog(requireActor(request), request.query),
    );

    app.get('/api/moderation/dashboard', {
      schema: { tags, summary: 'Flag-to-action time, open queue, upheld rate and appeals (moderators)', querystring: DashboardQuery, response: { 200: Dashboard } },
    }, async (request) => service.getDashboard(requireActor(request), request.query.days));

    app.get('/api/moderation/settings', { schema: { tags, summary: 'Moderation settings (moderators)', response: { 200: Settings } } }, async (request) =>
      service.getSettings(requireActor(request)),
    );

    app.put('/api/moderation/settings', { schema: { tags, summary: 'Change moderation settings (moderators)', body: SettingsBody, response: { 200: Settings } } }, async (request) =>
      service.updateSettings(requireActor(request), request.body),
    );

    app.put('/api/moderation/groups/:id/settings', {
      schema: { tags, summary: 'Ask for new members\u2019 first posts to be approved (facilitators, moderators)', params: IdParams, body: GroupSettingsBody, response: { 200: GroupSettingsBody } },
    }, async (request) => service.setGroupPremoderation(requireActor(request), request.params.id, request.body.premoderateNewMembers));

    app.get('/api/moderation/watched-words', {
      schema: { tags, summary: 'Watched words (moderators)', response: { 200: z.object({ words: z.array(WatchedWord) }) } },
    }, async (request) => service.listWatchedWords(requireActor(request)));

    app.post('/api/moderation/watched-words', {
      schema: { tags, summary: 'Watch a word: block, require approval, flag or censor', body: WatchedWordBody, response: { 201: WatchedWord } },
    }, async (request, reply) => reply.status(201).send(await service.addWatchedWord(requireActor(request), request.body)));

    app.patch('/api/moderation/watched-words/:id', {
      schema: { tags, summary: 'Change what a watched word does', params: IdParams, body: WatchedWordPatch, response: { 200: WatchedWord } },
    }, async (request) => service.changeWatchedWord(requireActor(request), request.params.id, request.body.action));

    app.delete('/api/moderation/watched-words/:id', { schema: { tags, summary: 'Stop watching a word', params: IdParams, response: { 200: Ok } } }, async (request) =>
      service.removeWatchedWord(requireActor(request), request.params.id),
    );

    app.put('/api/moderation/people/:id/trust', {
      schema: { tags, summary: 'Set someone\u2019s trust level by hand (moderators; in the modlog)', params: IdParams, body: TrustBody, response: { 200: Ok } },
    }, async (request) => service.setTrustLevel(requireActor(request), request.params.id, request.body));
  };
}
