import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, SESSION_COOKIE } from '../../platform/http/actor.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { AccountsService } from './accounts.service.ts';
import { presentMe, presentPublicProfile } from './accounts.presenter.ts';
import { LoginSession, Me, PublicProfile, SessionResponse, SignInBody, SignUpBody, UpdateProfileBody } from './accounts.schemas.ts';

const tags = ['accounts'];
const Ok = z.object({ ok: z.literal(true) });

/** HTTP routes for sign-up, sign-in, sessions and the profile. */
export function accountsRoutes(service: AccountsService, opts: { secureCookies: boolean; sessionTtlDays: number; loginPerMinute: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const setCookie = (reply: { setCookie: Function }, token: string, expires: Date) =>
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, expires });

    app.post('/api/auth/sign-up', {
      schema: { tags, summary: 'Create an account with a pseudonym', body: SignUpBody, response: { 201: SessionResponse } },
      config: { rateLimit: { max: opts.loginPerMinute, timeWindow: '1 minute' } },
    }, async (request, reply) => {
      const { user, token, csrfToken, expiresAt } = await service.signUp(request.body, request.headers['user-agent']);
      setCookie(reply, token, expiresAt);
      return reply.status(201).send({ user: presentMe(user), csrfToken });
    });

    app.post('/api/auth/sign-in', {
      schema: { tags, summary: 'Sign in', body: SignInBody, response: { 200: SessionResponse } },
      config: { rateLimit: { max: opts.loginPerMinute, timeWindow: '1 minute' } },
    }, async (request, reply) => {
      const { user, token, csrfToken, expiresAt } = await service.signIn(request.body, request.headers['user-agent']);
      setCookie(reply, token, expiresAt);
      return { user: presentMe(user), csrfToken };
    });

    app.post('/api/auth/sign-out', { schema: { tags, summary: 'Sign out of this device', response: { 200: Ok } } }, async (request, reply) => {
      await service.signOut(requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    app.get('/api/auth/session', { schema: { tags, summary: 'The current session and CSRF token', response: { 200: SessionResponse } } }, async (request) => {
      const actor = requireActor(request);
      return { user: presentMe(await service.getMe(actor)), csrfToken: actor.csrfToken };
    });

    app.get('/api/auth/sessions', { schema: { tags, summary: 'Devices signed in to this account', response: { 200: z.object({ sessions: z.array(LoginSession) }) } } }, async (request) => {
      const actor = requireActor(request);
      const rows = await service.listSessions(actor);
      return {
        sessions: rows.map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), current: s.id === actor.sessionId })),
      };
    });

    app.delete('/api/auth/sessions/:id', { schema: { tags, summary: 'Sign out another device', params: z.object({ id: z.uuid() }), response: { 200: Ok } } }, async (request) => {
      await service.revokeSession(requireActor(request), request.params.id);
      return { ok: true as const };
    });

    app.get('/api/me', { schema: { tags, summary: 'My profile', response: { 200: Me } } }, async (request) => presentMe(await service.getMe(requireActor(request))));

    app.patch('/api/me', { schema: { tags, summary: 'Update my profile', body: UpdateProfileBody, response: { 200: Me } } }, async (request) =>
      presentMe(await service.updateProfile(requireActor(request), request.body)),
    );

    app.get('/api/users/:id', { schema: { tags, summary: 'A person\'s public profile', params: z.object({ id: z.uuid() }), response: { 200: PublicProfile } } }, async (request) => {
      const actor = requireActor(request);
      const user = await service.findPublicUser(request.params.id);
      if (!user || user.orgId !== actor.orgId) throw CommonErrors.notFound('That person');
      return presentPublicProfile(user);
    });
  };
}
