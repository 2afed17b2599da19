import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** How each milestone is earned is data (rules.json), documented in the app from the same file. */
export const Rule = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  category: z.enum(['showing_up', 'looking_after_yourself', 'learning', 'supporting_others', 'rhythm']),
  metric: z.string().regex(/^[a-z_]+$/),
  threshold: z.number().int().min(1),
  title: z.string().min(1).max(60),
  description: z.string().min(1).max(200),
});
export type Rule = z.infer<typeof Rule>;

export const RuleBook = z
  .object({ graceWeeks: z.number().int().min(0).max(4), metrics: z.record(z.string(), z.string()), rules: z.array(Rule).min(1) })
  .refine((b) => new Set(b.rules.map((r) => r.id)).size === b.rules.length, 'rule ids must be unique')
  .refine((b) => b.rules.every((r) => r.metric in b.metrics), 'every rule needs its metric explained');
export type RuleBook = z.infer<typeof RuleBook>;

export const CardTemplate = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text: z.string().min(1).max(200) });
export type CardTemplate = z.infer<typeof CardTemplate>;

const read = (name: string) => JSON.parse(fs.readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));

export function loadRuleBook(): RuleBook {
  return RuleBook.parse(read('./rules.json'));
}

export function loadCardTemplates(): CardTemplate[] {
  return z.array(CardTemplate).min(1).parse(read('./thank-you-templates.json'));
}

/** The metric computed from everyone else's activity days rather than from one source. */
export const RHYTHM_METRIC = 'rhythm_weeks';
