import { hash, verify } from '@node-rs/argon2';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { createToken, hashToken } from '../../platform/crypto/index.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { Actor, UserRole } from '../../platform/http/actor.ts';
import type { RevokeLive } from '../../platform/realtime/live-access.ts';
import * as repo from './accounts.repo.ts';
import type { SignInBody, SignUpBody, UpdateProfileBody } from './accounts.schemas.ts';

export const AccountErrors = {
  pseudonymTaken: () =>
    new AppError('pseudonym_taken', 409, 'That pseudonym is already in use. Please try another; a small change such as adding a number works.', [
      { path: 'pseudonym', message: 'Already in use.' },
    ]),
  badCredentials: () =>
    new AppError('bad_credentials', 401, 'That pseudonym and password do not match. Please check them and try again.'),
  noOrganization: () => new AppError('no_organization', 404, 'That organization could not be found. Please check the link you were given.'),
};

// OWASP-recommended argon2id parameters (19 MiB, 2 iterations).
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const DUMMY_HASH = hash('not-a-real-password', ARGON);
/** A session's "last seen" is written at most this often (the sessions list shows it; nothing else depends on it). */
const SEEN_EVERY_MS = 60_000;

export type AccountsService = ReturnType<typeof createAccountsService>;

/** Sign-up, sign-in, server-side sessions and profiles. */
export function createAccountsService(deps: {
  db: Db;
  sessionTtlDays: number;
  now?: () => Date;
  /** Throws a kind error when the person may not sign in now (suspended or banned by moderation; wired in main.ts). */
  assertMaySignIn?: (userId: string) => Promise<void>;
  /** Ends a signed-out session's live sockets on every node (the realtime hub's `revoke`; wired in main.ts). */
  revokeLive?: RevokeLive;
}) {
  const { db } = deps;
  const findLiveSession = repo.prepareSessionLookup(db);
  const now = deps.now ?? (() => new Date());

  /** After commit: the session's open sockets are closed on every node (the periodic re-check covers a lost revoke). */
  async function endLiveSession(userId: string, sessionId: string) {
    await deps.revokeLive?.({ userId, sessionId, reason: 'signed_out' }).catch(() => {});
  }

  async function startSession(userId: string, userAgent: string | undefined) {
    const token = createToken();
    const csrfToken = createToken(24);
    const expiresAt = new Date(now().getTime() + deps.sessionTtlDays * 86_400_000);
    await repo.insertAuthSession(db, { userId, tokenHash: hashToken(token), csrfToken, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  /** Creates a person with a given role; used by sign-up, the demo seed and test factories. */
  async function createUser(input: {
    pseudonym: string;
    password: string;
    role?: UserRole;
    orgId?: string;
    orgSlug?: string;
    email?: string | null;
    displayName?: string;
    timezone?: string;
    country?: string | null;
    languages?: string[];
    pronouns?: string | null;
    interests?: string[];
    onboarded?: boolean;
    actorId?: string | null;
  }) {
    const passwordHash = await hash(input.password, ARGON);
    return db.transaction(async (tx) => {
      const org = input.orgId
        ? { id: input.orgId }
        : input.orgSlug
          ? await repo.findOrgBySlug(tx, input.orgSlug)
          : await repo.findDefaultOrg(tx);
      if (!org) throw AccountErrors.noOrganization();
      if (await repo.findUserByPseudonym(tx, input.pseudonym)) throw AccountErrors.pseudonymTaken();
      const user = await repo.insertUser(tx, {
        orgId: org.id,
        pseudonym: input.pseudonym,
        passwordHash,
        role: input.role ?? 'member',
        email: input.email ?? null,
        displayName: input.displayName ?? input.pseudonym,
        timezone: input.timezone ?? 'UTC',
        country: input.country ?? null,
        languages: input.languages ?? ['en'],
        pronouns: input.pronouns ?? null,
        interests: input.interests ?? [],
        onboardedAt: input.onboarded ? now() : null,
      });
      await writeAudit(tx, { orgId: org.id, actorId: input.actorId ?? user.id, action: 'user.created', entityType: 'user', entityId: user.id, data: { role: user.role } });
      return user;
    }).catch((err: unknown) => {
      if ((err as { code?: string }).code === '23505') throw AccountErrors.pseudonymTaken();
      throw err;
    });
  }

  return {
    createUser,

    /** Anyone may join with a pseudonym and a password; e-mail is optional. */
    async signUp(body: SignUpBody, userAgent?: string) {
      const user = await createUser({ ...body, email: body.email ?? null });
      return { user, ...(await startSession(user.id, userAgent)) };
    },

    async signIn(body: SignInBody, userAgent?: string) {
      const user = await repo.findUserByPseudonym(db, body.pseudonym);
      // Verify against a dummy hash when the pseudonym is unknown, so timing does not reveal who has an account.
      const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), body.password).catch(() => false);
      if (!user || !ok) throw AccountErrors.badCredentials();
      await deps.assertMaySignIn?.(user.id);
      await db.transaction((tx) => writeAudit(tx, { orgId: user.orgId, actorId: user.id, action: 'user.signed_in', entityType: 'user', entityId: user.id }));
      return { user, ...(await startSession(user.id, userAgent)) };
    },

    async signOut(actor: Actor) {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, actor.userId, actor.sessionId, now());
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'user.signed_out', entityType: 'auth_session', entityId: actor.sessionId });
      });
      await endLiveSession(actor.userId, actor.sessionId);
    },

    /** Which of these session ids are still live; the realtime hub re-checks its sockets with it (one query per node). */
    async filterLiveSessions(sessionIds: string[]): Promise<Set<string>> {
      return new Set(await repo.listLiveSessionIds(db, sessionIds, now()));
    },

    /** Turns a cookie token into an actor; expired and revoked sessions resolve to null. */
    async resolveSession(token: string): Promise<Actor | null> {
      // Read every time, never cached: signing out or revoking a session works at once on every node.
      const found = await findLiveSession(hashToken(token), now());
      if (!found) return null;
      const { lastSeenAt, ...actor } = found;
      // "Last seen" is written at most once a minute per session, not on every request.
      if (now().getTime() - lastSeenAt.getTime() > SEEN_EVERY_MS) await repo.touchSession(db, actor.sessionId, now());
      return actor;
    },

    async getMe(actor: Actor) {
      const user = await repo.findUser(db, actor.userId);
      if (!user) throw CommonErrors.unauthenticated();
      return user;
    },

    async updateProfile(actor: Actor, body: UpdateProfileBody) {
      return db.transaction(async (tx) => {
        const { onboarded, ...fields } = body;
        const user = await repo.updateUser(tx, actor.userId, { ...fields, ...(onboarded ? { onboardedAt: now() } : {}) });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'user.profile_updated', entityType: 'user', entityId: actor.userId, data: { fields: Object.keys(body) } });
        return user;
      });
    },

    async findPublicUser(id: string) {
      return repo.findUser(db, id);
    },

    async listSessions(actor: Actor) {
      return repo.listLiveSessions(db, actor.userId, now());
    },

    /** Checks the password again before something irreversible (deleting the account). */
    async verifyPassword(userId: string, password: string): Promise<boolean> {
      const user = await repo.findUser(db, userId);
      return verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false).then((ok) => ok && user !== null);
    },

    /** The last step of deleting an account, inside the privacy module's transaction. */
    deleteUserRow: (tx: Tx, userId: string) => repo.deleteUser(tx, userId),

    /** The person's profile section of "export my data"; the row itself is removed by deleteUserRow. */
    personalData: {
      name: 'profile',
      export: (userId: string) => repo.findUserForExport(db, userId),
      erase: async () => {},
    } satisfies PersonalDataContributor,

    async revokeSession(actor: Actor, sessionId: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.revokeSession(tx, actor.userId, sessionId, now()))) throw CommonErrors.notFound('That sign-in');
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'auth_session.revoked', entityType: 'auth_session', entityId: sessionId });
      });
      await endLiveSession(actor.userId, sessionId);
    },
  };
}
