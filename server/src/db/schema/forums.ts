import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { groups } from './groups.ts';
import { users } from './accounts.ts';

/** A board: public to the organization (group_id null) or private to one group. */
export const forumBoards = pgTable(
  'forum_boards',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('forum_boards_org_slug_key').on(t.orgId, t.slug), index('forum_boards_group_idx').on(t.groupId)],
);

export const forumThreads = pgTable(
  'forum_threads',
  {
    id: id(),
    boardId: uuid('board_id').notNull().references(() => forumBoards.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    replyCount: integer('reply_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while an urgent opening post waits for a person to review it (org setting); only its author and reviewers see it. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('forum_threads_board_activity_idx').on(t.boardId, t.lastActivityAt)],
);

/** Posts; the first post of a thread is its opening post. A content note keeps a post collapsed until opened. */
export const forumPosts = pgTable(
  'forum_posts',
  {
    id: id(),
    threadId: uuid('thread_id').notNull().references(() => forumThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    contentNote: text('content_note'),
    /** Set while an urgent post waits for review; never a silent drop: its author still sees it. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('forum_posts_thread_idx').on(t.threadId, t.createdAt)],
);

export const reactionKind = pgEnum('reaction_kind', ['hug', 'thank_you', 'me_too']);

/** Supportive reactions only: there is no downvote. */
export const forumReactions = pgTable(
  'forum_reactions',
  {
    id: id(),
    postId: uuid('post_id').notNull().references(() => forumPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: reactionKind('kind').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('forum_reactions_post_user_kind_key').on(t.postId, t.userId, t.kind)],
);
