import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';
import { users } from './accounts.ts';

/** A milestone a person earned, stored once: private to them, never ranked or compared. */
export const rewardMilestones = pgTable(
  'reward_milestones',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    ruleId: text('rule_id').notNull(),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('reward_milestones_user_rule_key').on(t.userId, t.ruleId)],
);

/** A kind "thank you" card from a peer supporter to someone they supported; only fixed, kind templates. */
export const thankYouCards = pgTable(
  'thank_you_cards',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    recipientId: uuid('recipient_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('thank_you_cards_recipient_idx').on(t.recipientId, t.createdAt), index('thank_you_cards_sender_idx').on(t.senderId, t.createdAt)],
);
