import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, SESSION_COOKIE } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { PrivacyService } from './privacy.service.ts';
import { DataSummary, DeleteAccountBody, ExportQuery } from './privacy.schemas.ts';

const tags = ['privacy'];

export const PrivacyErrors = {
  wrongPassword: () =>
    new AppError('wrong_password', 422, 'That password does not match this account, so nothing was deleted. Please try again.', [
      { path: 'password', message: 'This password does not match.' },
    ]),
};

/** Your data is yours: see what Hearth holds, download it, or delete your account. */
export function privacyRoutes(service: PrivacyService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/me/data', { schema: { tags, summary: 'What Hearth holds about me, counted by section', response: { 200: DataSummary } } }, async (request) =>
      service.summarize(requireActor(request)),
    );

    app.get('/api/me/data/export', { schema: { tags, summary: 'Download everything Hearth holds about me (JSON or a zip of CSV files)', querystring: ExportQuery } }, async (request, reply) => {
      const actor = requireActor(request);
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        const zip = await service.exportCsvZip(actor);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="hearth-my-data-${stamp}.zip"`)
          .send(Buffer.from(zip));
      }
      const body = await service.exportJson(actor);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="hearth-my-data-${stamp}.json"`)
        .send(JSON.stringify(body, null, 2));
    });

    app.delete('/api/me', { schema: { tags, summary: 'Delete my account and everything about me', body: DeleteAccountBody, response: { 200: z.object({ deleted: z.literal(true) }) } } }, async (request, reply) => {
      const actor = requireActor(request);
      if (!(await service.deleteAccount(actor, request.body.password))) throw PrivacyErrors.wrongPassword();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { deleted: true as const };
    });
  };
}
