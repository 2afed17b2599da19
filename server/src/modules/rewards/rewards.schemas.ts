import { z } from 'zod';

export const RuleView = z.object({
  id: z.string(),
  category: z.string(),
  metric: z.string(),
  threshold: z.number(),
  title: z.string(),
  description: z.string(),
  howToEarn: z.string(),
  /** False while no part of Hearth reports this kind of activity yet. */
  earnable: z.boolean(),
});

export const RuleList = z.object({ graceWeeks: z.number(), rules: z.array(RuleView) });

export const Milestone = z.object({
  id: z.string(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  earned: z.boolean(),
  awardedAt: z.string().nullable(),
  /** My own progress towards it; never compared with anyone. */
  progress: z.object({ current: z.number(), target: z.number() }),
});
export type Milestone = z.infer<typeof Milestone>;

export const ReceivedCard = z.object({ id: z.uuid(), template: z.string(), text: z.string(), fromName: z.string().nullable(), createdAt: z.string() });
export type ReceivedCard = z.infer<typeof ReceivedCard>;

export const Journey = z.object({
  milestones: z.array(Milestone),
  rhythm: z.object({
    current: z.number(),
    longest: z.number(),
    activeThisWeek: z.boolean(),
    graceLeft: z.number(),
    graceWeeks: z.number(),
    weeks: z.array(z.object({ weekStart: z.string(), active: z.boolean() })),
  }),
  cards: z.array(ReceivedCard),
  abilities: z.object({ sendCards: z.boolean() }),
});
export type Journey = z.infer<typeof Journey>;

export const CardTemplates = z.object({ templates: z.array(z.object({ id: z.string(), text: z.string() })) });

export const SendCardBody = z.object({
  recipientId: z.uuid('Please choose who the card is for.'),
  template: z.string().min(1, 'Please choose a message for the card.').max(60),
});
export type SendCardBody = z.infer<typeof SendCardBody>;

export const SentCard = z.object({ id: z.uuid(), template: z.string(), text: z.string(), createdAt: z.string() });
