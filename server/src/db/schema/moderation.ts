import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';
import { groups } from './groups.ts';
import { sessions } from './sessions.ts';

export const trustLevel = pgEnum('trust_level', ['new', 'member', 'trusted', 'helper']);
export const piiAction = pgEnum('pii_action', ['redact', 'hold']);
export const profanityAction = pgEnum('profanity_action', ['allow', 'censor', 'flag', 'block']);

/** Trust thresholds for one level: all must be met (and no upheld flags in the window) to be promoted. */
export type TrustThreshold = { daysVisited: number; postsRead: number; reactionsReceived: number };
export type TrustThresholds = { member: TrustThreshold; trusted: TrustThreshold; helper: TrustThreshold };

/** One row per organization; absent means the defaults in moderation.settings.ts. */
export const moderationSettings = pgTable('moderation_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().unique().references(() => orgs.id, { onDelete: 'cascade' }),
  /** Summed flag score at which content is hidden pending review. */
  hideThreshold: integer('hide_threshold').notNull().default(5),
  piiAction: piiAction('pii_action').notNull().default('redact'),
  profanityAction: profanityAction('profanity_action').notNull().default('censor'),
  /** How many of a new member's first posts wait for approval in groups that ask for it. */
  premoderatePosts: integer('premoderate_posts').notNull().default(3),
  trustThresholds: jsonb('trust_thresholds').$type<TrustThresholds>(),
  ...timestamps,
});

/** A group asks for its new members' first posts to be approved before others see them. */
export const moderationGroupSettings = pgTable('moderation_group_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
  groupId: uuid('group_id').notNull().unique().references(() => groups.id, { onDelete: 'cascade' }),
  premoderateNewMembers: boolean('premoderate_new_members').notNull().default(false),
  ...timestamps,
});

/**
 * A person's standing in their organization: trust level and the participation it is earned from, and any timed
 * restriction a moderator applied. One row per person, read on every post.
 */
export const memberStanding = pgTable(
  'member_standing',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
    trustLevel: trustLevel('trust_level').notNull().default('new'),
    daysVisited: integer('days_visited').notNull().default(0),
    lastVisitDay: text('last_visit_day'),
    postsRead: integer('posts_read').notNull().default(0),
    /** Posts delivered (or approved); pre-moderation stops after the organization's count. */
    postsDelivered: integer('posts_delivered').notNull().default(0),
    upheldFlags: integer('upheld_flags').notNull().default(0),
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    bannedAt: timestamp('banned_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('member_standing_org_idx').on(t.orgId)],
);

export const moderationTargetKind = pgEnum('moderation_target_kind', ['chat_message', 'forum_post', 'profile']);
export const moderationItemStatus = pgEnum('moderation_item_status', ['open', 'resolved']);

/** One piece of content (or a profile) under review; flags on the same content pile onto one item. */
export const moderationItems = pgTable(
  'moderation_items',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    targetKind: moderationTargetKind('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    groupId: uuid('group_id'),
    roomId: uuid('room_id'),
    threadId: uuid('thread_id'),
    status: moderationItemStatus('status').notNull().default('open'),
    score: integer('score').notNull().default(0),
    /** Hidden from everyone but its author and moderators; `hiddenReason` says why (flags, auto, premoderation, moderator, helper). */
    hidden: boolean('hidden').notNull().default(false),
    hiddenReason: text('hidden_reason'),
    /** Why auto-moderation queued it (e.g. "harassment", "watched word", "personal information"); never the words. */
    autoReasons: text('auto_reasons').array().notNull().default(sql`'{}'::text[]`),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('moderation_items_target_key').on(t.targetKind, t.targetId),
    index('moderation_items_queue_idx').on(t.orgId, t.status, t.score, t.queuedAt),
    index('moderation_items_author_idx').on(t.authorId),
  ],
);

export const flagReason = pgEnum('flag_reason', ['harassment', 'hate', 'spam', 'personal_info', 'unsafe_advice', 'worried', 'other']);
export const flagOutcome = pgEnum('flag_outcome', ['pending', 'upheld', 'dismissed', 'sent_to_safety']);

/** A member's flag. Worry reports have no item: they go to the safety on-call flow (`caseId`). */
export const moderationFlags = pgTable(
  'moderation_flags',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => moderationItems.id, { onDelete: 'cascade' }),
    targetKind: moderationTargetKind('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: flagReason('reason').notNull(),
    /** Encrypted at rest: the reporter's own words for "other". */
    noteCiphertext: text('note_ciphertext'),
    score: integer('score').notNull(),
    outcome: flagOutcome('outcome').notNull().default('pending'),
    caseId: uuid('case_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('moderation_flags_item_idx').on(t.itemId),
    index('moderation_flags_reporter_idx').on(t.reporterId, t.createdAt),
    uniqueIndex('moderation_flags_once_key').on(t.targetKind, t.targetId, t.reporterId, t.reason),
  ],
);

export const moderationActionKind = pgEnum('moderation_action_kind', [
  'dismiss', 'hide', 'ask_edit', 'warn', 'mute', 'suspend', 'ban',
  'auto_hide', 'auto_hold', 'auto_redact', 'auto_censor', 'helper_hide', 'approve', 'restore',
  'live_remove', 'live_mute', 'live_unmute', 'live_end', 'appeal_granted', 'appeal_denied', 'trust_set',
]);

/** The modlog: every action with its reason. Moderators read all of it; members an anonymised summary per group. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => moderationItems.id, { onDelete: 'set null' }),
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'set null' }),
    moderatorId: uuid('moderator_id').references(() => users.id, { onDelete: 'set null' }),
    action: moderationActionKind('action').notNull(),
    reason: text('reason').notNull(),
    template: text('template'),
    groupId: uuid('group_id'),
    /** A strike counts against the person (upheld actions), shown to moderators with their history. */
    strike: boolean('strike').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index('moderation_actions_org_idx').on(t.orgId, t.createdAt), index('moderation_actions_subject_idx').on(t.subjectId), index('moderation_actions_item_idx').on(t.itemId)],
);

export const appealStatus = pgEnum('appeal_status', ['pending', 'granted', 'denied']);

/** One appeal per action, decided by a moderator other than the one who acted. */
export const moderationAppeals = pgTable(
  'moderation_appeals',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id').notNull().unique().references(() => moderationActions.id, { onDelete: 'cascade' }),
    appellantId: uuid('appellant_id').references(() => users.id, { onDelete: 'set null' }),
    statementCiphertext: text('statement_ciphertext').notNull(),
    status: appealStatus('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    ...timestamps,
  },
  (t) => [index('moderation_appeals_org_idx').on(t.orgId, t.status)],
);

export const watchedWordAction = pgEnum('watched_word_action', ['block', 'require_approval', 'flag', 'censor']);

/** Words or phrases an organization watches for, and what happens when one is used. */
export const watchedWords = pgTable(
  'watched_words',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    pattern: text('pattern').notNull(),
    action: watchedWordAction('action').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('watched_words_org_pattern_key').on(t.orgId, sql`lower(${t.pattern})`)],
);

export const personBlockKind = pgEnum('person_block_kind', ['block', 'mute']);

/** Anyone can block (no one-to-one requests, their words hidden) or mute (their words collapsed) another person. */
export const personBlocks = pgTable(
  'person_blocks',
  {
    id: id(),
    ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: personBlockKind('kind').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('person_blocks_key').on(t.ownerId, t.targetId, t.kind), index('person_blocks_target_idx').on(t.targetId)],
);

/** A facilitator paused one participant's messages for the rest of one live session. */
export const sessionMutes = pgTable(
  'session_mutes',
  {
    id: id(),
    sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    mutedBy: uuid('muted_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_mutes_key').on(t.sessionId, t.userId)],
);

/**
 * What moderation told a person (their content was hidden, a warning, the outcome of their flag). Kept here so it is
 * readable in-app even where notifications are off. `params` are non-sensitive (never message text).
 */
export const moderationNotices = pgTable(
  'moderation_notices',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    itemId: uuid('item_id').references(() => moderationItems.id, { onDelete: 'set null' }),
    actionId: uuid('action_id').references(() => moderationActions.id, { onDelete: 'set null' }),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('moderation_notices_user_idx').on(t.userId, t.createdAt)],
);

/** Moderators' private notes about a person, encrypted at rest. */
export const moderationNotes = pgTable(
  'moderation_notes',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    bodyCiphertext: text('body_ciphertext').notNull(),
    ...timestamps,
  },
  (t) => [index('moderation_notes_subject_idx').on(t.subjectId)],
);

export const readPlaceKind = pgEnum('read_place_kind', ['room', 'thread']);

/**
 * How far a person has read in one chat room or forum thread, so "posts read" (a trust-level input) is counted by the
 * server from what it actually delivered, once per post, rather than reported by the app.
 */
export const moderationReadMarks = pgTable(
  'moderation_read_marks',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    placeKind: readPlaceKind('place_kind').notNull(),
    placeId: uuid('place_id').notNull(),
    /** The newest post (by time) this person has been shown here. */
    readUpTo: timestamp('read_up_to', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('moderation_read_marks_key').on(t.userId, t.placeKind, t.placeId)],
);
