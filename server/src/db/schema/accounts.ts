import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';

export const userRole = pgEnum('user_role', [
  'member',
  'peer_supporter',
  'facilitator',
  'moderator',
  'clinician',
  'admin',
]);

/** People. A pseudonym is enough; e-mail is optional and only for reminders and recovery. */
export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    pseudonym: text('pseudonym').notNull(),
    passwordHash: text('password_hash').notNull(),
    email: text('email'),
    role: userRole('role').notNull().default('member'),
    displayName: text('display_name').notNull(),
    pronouns: text('pronouns'),
    languages: text('languages').array().notNull().default(sql`'{en}'::text[]`),
    timezone: text('timezone').notNull().default('UTC'),
    country: text('country'),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_pseudonym_key').on(sql`lower(${t.pseudonym})`),
    index('users_org_idx').on(t.orgId),
  ],
);

/** Server-side login sessions; the cookie holds a random token, the table only its hash. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('auth_sessions_token_key').on(t.tokenHash), index('auth_sessions_user_idx').on(t.userId)],
);
