import { z } from 'zod';
import { isValidTimeZone } from './oncall.schedule.ts';

export const RiskLevel = z.enum(['none', 'concern', 'urgent']);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const CaseStatus = z.enum(['open', 'acknowledged', 'resolved']);
export const CaseOutcome = z.enum(['resolved', 'referred', 'emergency_services', 'false_alarm'], {
  error: 'Please choose an outcome: resolved, referred, emergency_services or false_alarm.',
});
export const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });

/** What the sender's own screen shows after a message: the gentle card, privately. */
export const SafetyNotice = z.object({
  card: z.enum(['concern', 'urgent']),
  aboutSomeoneElse: z.boolean(),
  /** A held forum post: the author sees it, with a note that a person will reach out. */
  held: z.boolean().optional(),
  notice: z.string().optional(),
});
export type SafetyNotice = z.infer<typeof SafetyNotice>;

// ── Cases ────────────────────────────────────────────────────────────────────
export const CaseKind = z.enum(['risk_message', 'self_request', 'screener', 'raised']);
export const CasesQuery = z.object({
  status: z.enum(['active', 'resolved']).default('active'),
  level: z.enum(['concern', 'urgent'], { error: 'Please choose a level: concern or urgent.' }).optional(),
  kind: CaseKind.optional(),
  outcome: CaseOutcome.optional(),
  /** Only cases opened in the last N days. */
  days: z.coerce.number({ error: 'Please give a number of days.' }).int().min(1, 'Please choose at least one day.').max(366, 'Please choose a year or less.').optional(),
});
export type CasesQuery = z.infer<typeof CasesQuery>;

const Person = z.object({ id: z.string(), displayName: z.string() });
export const CaseSummary = z.object({
  id: z.string(),
  kind: CaseKind,
  level: RiskLevel,
  status: CaseStatus,
  severity: z.number().int(),
  tier: z.number().int(),
  subject: Person,
  sourceKind: z.string(),
  openedAt: z.string(),
  waitingSeconds: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: Person.nullable(),
  resolvedAt: z.string().nullable(),
  outcome: CaseOutcome.nullable(),
  abilities: z.object({ acknowledge: z.boolean(), note: z.boolean(), contact: z.boolean(), recordOutcome: z.boolean(), screen: z.boolean() }),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseList = z.object({ cases: z.array(CaseSummary) });

export const CaseEvent = z.object({
  id: z.string(),
  kind: z.string(),
  actor: Person.nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
const ContextMessage = z.object({ id: z.string(), seq: z.number().int(), author: Person.nullable(), body: z.string(), createdAt: z.string(), flagged: z.boolean() });
const PlanSections = {
  warningSigns: z.array(z.string()),
  copingStrategies: z.array(z.string()),
  distractionsPeopleAndPlaces: z.array(z.string()),
  peopleToAskForHelp: z.array(z.string()),
  professionalsAndServices: z.array(z.string()),
  makingEnvironmentSafer: z.array(z.string()),
  reasonsForLiving: z.array(z.string()),
};
export const CaseDetail = CaseSummary.extend({
  outcomeNotes: z.string().nullable(),
  timeline: z.array(CaseEvent),
  context: z.object({
    roomId: z.string().nullable(),
    messages: z.array(ContextMessage),
    forumPost: z.object({ id: z.string(), threadId: z.string(), title: z.string(), body: z.string(), held: z.boolean() }).nullable(),
  }),
  riskHistory: z.array(z.object({ level: RiskLevel, score: z.number(), reasons: z.array(z.string()), sourceKind: z.string(), at: z.string() })),
  safetyPlan: z.object(PlanSections).nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const NoteBody = z.object({
  text: z.string({ error: 'Please write the note before saving.' }).trim().min(1, 'Please write the note before saving.').max(4000, 'Please keep a note to 4,000 characters or fewer.'),
});
export const OutcomeBody = z.object({
  outcome: CaseOutcome,
  notes: z.string().trim().max(4000, 'Please keep the notes to 4,000 characters or fewer.').optional(),
});
export const ContactResponse = z.object({ conversationId: z.string(), roomId: z.string() });

// ── On-call ──────────────────────────────────────────────────────────────────
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please use a 24-hour time like 09:00 or 17:30.');
export const Shift = z.object({ weekday: z.number().int().min(1, 'Weekdays run from 1 (Monday) to 7 (Sunday).').max(7, 'Weekdays run from 1 (Monday) to 7 (Sunday).'), start: Clock, end: Clock });
export const ShiftsBody = z.object({
  timezone: z.string().refine(isValidTimeZone, 'Please choose a time zone from the list, such as Europe/London.'),
  shifts: z.array(Shift).max(50, 'Please keep to 50 shifts or fewer.'),
});
export type ShiftsBody = z.infer<typeof ShiftsBody>;
export const ShiftsResponse = z.object({ timezone: z.string(), shifts: z.array(Shift), onCallNow: z.boolean() });
export const Rota = z.object({
  people: z.array(Person.extend({ role: z.string(), timezone: z.string().nullable(), shifts: z.array(Shift), onCallNow: z.boolean() })),
});
export const OncallNow = z.object({ people: z.array(Person.extend({ role: z.string() })), tier: z.number().int() });

export const SettingsBody = z.object({
  ackSlaSeconds: z.number().int().min(30, 'Please allow at least 30 seconds.').max(3600, 'Please keep it to an hour or less.'),
  holdUrgentForumPosts: z.boolean(),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

// ── Talk now ─────────────────────────────────────────────────────────────────
export const TalkNowResponse = z.object({ caseId: z.string(), message: z.string() });

// ── Safety plan ──────────────────────────────────────────────────────────────
const Item = z.string().trim().min(1, 'Please remove empty lines.').max(300, 'Please keep each line to 300 characters or fewer.');
const Section = z.array(Item).max(20, 'Please keep each section to 20 lines or fewer.').default([]);
export const SafetyPlanBody = z.object({
  warningSigns: Section,
  copingStrategies: Section,
  distractionsPeopleAndPlaces: Section,
  peopleToAskForHelp: Section,
  professionalsAndServices: Section,
  makingEnvironmentSafer: Section,
  reasonsForLiving: Section,
  shareWithOnCall: z.boolean().default(false),
});
export type SafetyPlanBody = z.infer<typeof SafetyPlanBody>;
export const SafetyPlan = z.object({ ...PlanSections, shareWithOnCall: z.boolean(), updatedAt: z.string() });
export type SafetyPlan = z.infer<typeof SafetyPlan>;
export type PlanSections = Omit<SafetyPlan, 'shareWithOnCall' | 'updatedAt'>;
export const SafetyPlanResponse = z.object({ plan: SafetyPlan.nullable() });

// ── Screener ─────────────────────────────────────────────────────────────────
export const ScreenerAnswers = z
  .object({
    wishToBeDead: z.boolean({ error: 'Please answer yes or no.' }),
    suicidalThoughts: z.boolean({ error: 'Please answer yes or no.' }),
    method: z.boolean().optional(),
    intent: z.boolean().optional(),
    plan: z.boolean().optional(),
    recentBehaviour: z.boolean({ error: 'Please answer yes or no.' }),
  })
  .superRefine((a, ctx) => {
    for (const key of ['method', 'intent', 'plan'] as const) {
      if (a.suicidalThoughts && a[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'Please answer yes or no.' });
    }
  });
export type ScreenerAnswers = z.infer<typeof ScreenerAnswers>;
export const ScreenerBody = z.object({ answers: ScreenerAnswers, caseId: z.uuid('That case link is not valid.').optional() });
export const ScreenerResult = z.object({ id: z.string(), level: RiskLevel, caseId: z.string().nullable(), message: z.string(), safety: SafetyNotice.nullable() });
export const ScreenerQuestions = z.object({
  intro: z.string(),
  credit: z.string(),
  questions: z.array(z.object({ key: z.string(), text: z.string(), askWhen: z.string() })),
});
export const Settings = SettingsBody;
