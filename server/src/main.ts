import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { connectDatabase, runMigrations, startEmbeddedPostgres, type Database } from './platform/db/index.ts';
import { createFieldCipher, loadOrCreateKey, type FieldCipher } from './platform/crypto/index.ts';
import { createHttpApp } from './platform/http/index.ts';
import { createLocalBus, createRealtimeHub, registerRealtimeGateway, type Bus, type RealtimeHub } from './platform/realtime/index.ts';
import { accountsRoutes, createAccountsService } from './modules/accounts/index.ts';
import { createOrgsService, orgsRoutes } from './modules/orgs/index.ts';
import { createGroupsService, groupsRoutes } from './modules/groups/index.ts';
import { createSessionsService, sessionsRoutes } from './modules/sessions/index.ts';
import { chatRoutes, createChatService, registerChatRealtime } from './modules/chat/index.ts';
import type { DemoLogin } from './seed/demo.ts';
import { createForumsService, forumsRoutes, registerForumsRealtime } from './modules/forums/index.ts';
import { createSafetyService, registerSafetyRealtime, safetyRoutes, type SafetyService } from './modules/safety/index.ts';
import { createJobQueue } from './platform/jobs/index.ts';

export type ServerDeps = { config: Config; logger: Logger; database: Database; bus: Bus; cipher: FieldCipher; now?: () => Date };

/** Wires every module onto one HTTP app. Used by `startHearth` and by the integration tests alike. */
export async function buildServer(deps: ServerDeps) {
  const { config, logger, database, bus, cipher, now } = deps;
  const db = database.db;
  const hub: RealtimeHub = createRealtimeHub(bus, logger);

  const accounts = createAccountsService({ db, sessionTtlDays: config.SESSION_TTL_DAYS, now });
  const orgs = createOrgsService({ db });
  const groups = createGroupsService({ db, hub, now });
  const sessions = createSessionsService({ db, hub, groups, now });
  const jobs = createJobQueue({ db, logger, now });
  // Chat and forums call safety before broadcasting; safety reads them back for case context. Late binding breaks the cycle.
  let safety: SafetyService | null = null;
  const screen = { screen: (...args: Parameters<SafetyService['screen']>) => safety!.screen(...args) };
  const chat = createChatService({ db, hub, cipher, groups, sessions, now, screen });
  const forums = createForumsService({ db, hub, groups, now, screen });
  safety = createSafetyService({ db, hub, cipher, jobs, logger, now, chat, findForumPost: forums.findPostForReview });
  const services = { accounts, orgs, groups, sessions, chat, forums, safety };

  const app = await createHttpApp({
    logger,
    publicUrl: config.PUBLIC_URL,
    resolveSession: (token) => accounts.resolveSession(token),
    checkReady: async () => (await database.pool.query('select 1')).rowCount === 1,
    webDistDir: config.WEB_DIST_DIR ?? defaultWebDist(),
    beforeSocketsClose: () => hub.close(),
  });
  app.addHook('onClose', () => jobs.stop());
  const secureCookies = config.PUBLIC_URL.startsWith('https://');
  await app.register(accountsRoutes(accounts, { secureCookies, sessionTtlDays: config.SESSION_TTL_DAYS, loginPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE }));
  await app.register(orgsRoutes(orgs));
  await app.register(groupsRoutes(groups));
  await app.register(sessionsRoutes(sessions));
  await app.register(chatRoutes(chat));
  await app.register(forumsRoutes(forums));
  await app.register(safetyRoutes(safety));
  registerChatRealtime(hub, chat);
  registerForumsRealtime(hub, forums);
  registerSafetyRealtime(hub, safety);
  registerRealtimeGateway(app, hub);
  return { app, hub, services, jobs };
}

export type BuiltServer = Awaited<ReturnType<typeof buildServer>>;

function defaultWebDist() {
  return path.resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));
}

/** Boots Hearth: config → database (embedded unless DATABASE_URL) → migrations → seed → HTTP → graceful shutdown. */
export async function startHearth(): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, process.stdout.isTTY);
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), (line) => logger.debug({ postgres: line }));
  const database = connectDatabase(config.DATABASE_URL ?? embedded!.url);
  await runMigrations(database.db);
  const cipher = createFieldCipher(loadOrCreateKey(config.HEARTH_ENCRYPTION_KEY, config.dataDir));
  const bus = createLocalBus();
  const server = await buildServer({ config, logger, database, bus, cipher });
  let demoLogins: DemoLogin[] | null = null;
  if (config.HEARTH_SEED_DEMO) {
    const { seedDemo } = await import('./seed/demo.ts');
    demoLogins = await seedDemo(server.services, database, logger);
  }
  await server.app.listen({ port: config.PORT, host: config.HOST });
  // Durable jobs (e.g. the safety acknowledgement SLA) run on every node; each job runs once.
  server.jobs.start();
  logger.info(`Hearth is ready at ${config.PUBLIC_URL}`);
  if (demoLogins) printDemoBanner(config.PUBLIC_URL, demoLogins);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: finishing in-flight requests');
      await server.app.close();
      await bus.close();
      await database.close();
      await embedded?.stop();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0), () => process.exit(1)));
  }
  return { app: server.app, stop };
}

/** A plain banner for people, beside the JSON logs for machines. */
function printDemoBanner(url: string, logins: DemoLogin[]) {
  const rows = logins.map((l) => `  ${l.role.padEnd(16)} ${l.pseudonym.padEnd(18)} ${l.password}`);
  console.log(['', `Hearth demo is running at ${url}`, '', '  role             pseudonym          password', ...rows, ''].join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startHearth().catch((err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
}
