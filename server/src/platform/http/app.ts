import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { createSharedRateLimitStore } from './rate-limit-store.ts';
import { CommonErrors } from '../errors.ts';
import { errorBody, installErrorHandler } from './errors.ts';
import { SESSION_COOKIE, type SessionResolver } from './actor.ts';

export type HttpApp = FastifyInstance;

export type HttpOptions = {
  logger: Logger;
  publicUrl: string;
  resolveSession: SessionResolver;
  checkReady: () => Promise<boolean>;
  webDistDir?: string;
  /** Runs before websockets are closed on shutdown, e.g. to send clients a reconnect hint. */
  beforeSocketsClose?: () => Promise<void>;
  /** When set (REDIS_URL), rate limits are counted across every node. */
  rateLimitRedis?: Redis | null;
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sent by Hearth's own client on requests made before sign-in; a cross-site form cannot set it. */
export const ANONYMOUS_CSRF_HEADER = 'x-hearth-client';

/**
 * Builds the Fastify app: zod validation, OpenAPI 3.1, cookies, session resolution, CSRF, rate limits,
 * websockets, health checks and the built web app. Feature modules register their routes on it.
 */
export async function createHttpApp(options: HttpOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: true,
    bodyLimit: 256 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    ...(options.rateLimitRedis ? { store: createSharedRateLimitStore(options.rateLimitRedis, options.logger) } : {}),
  });
  await app.register(websocket, {
    options: { maxPayload: 64 * 1024 },
    // Graceful shutdown: say goodbye with a reconnect hint (1012 = service restart), then close whatever remains.
    preClose: async function (this: FastifyInstance) {
      await options.beforeSocketsClose?.();
      for (const client of this.websocketServer.clients) client.close(1012, 'service restart');
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hearth API',
        version: '0.1.0',
        description: 'Peer support groups, live chat and forums. Authenticate with the session cookie; send x-csrf-token on writes.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await options.resolveSession(token) : null;
  });
  app.addHook('preValidation', async (request) => {
    if (!MUTATING.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.actor) {
      if (request.headers['x-csrf-token'] !== request.actor.csrfToken) throw CommonErrors.csrf();
    } else if (!request.headers[ANONYMOUS_CSRF_HEADER]) {
      throw CommonErrors.csrf();
    }
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await options.checkReady().catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
  });

  const hasWeb = Boolean(options.webDistDir && fs.existsSync(path.join(options.webDistDir, 'index.html')));
  if (hasWeb) await app.register(fastifyStatic, { root: path.resolve(options.webDistDir!), wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: any GET outside the API gets the app shell.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/ws')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const e = CommonErrors.notFound();
    return reply.status(404).send(errorBody(e.code, e.message));
  });
  return app;
}
