import { z } from 'zod';

export const ProgramParams = z.object({
  id: z.union([z.literal('all'), z.uuid()], { error: 'That program link is not valid. Please check it and try again.' }),
});
export const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
export const TABLES = ['outcomes', 'groups', 'sessions', 'retention', 'experience', 'cost'] as const;
export const CsvParams = ProgramParams.extend({ table: z.enum(TABLES, { error: `Please choose a table: ${TABLES.join(', ')}.` }) });
export const WindowQuery = z.object({
  days: z.coerce.number({ error: 'Please give a number of days.' }).int().min(7, 'Please choose at least 7 days.').max(730, 'Please choose two years or less.').default(90),
});
export const MoodQuery = z.object({ weeks: z.coerce.number({ error: 'Please give a number of weeks.' }).int().min(2, 'Please choose at least 2 weeks.').max(52, 'Please choose a year or less.').default(12) });

const Share = z.object({ count: z.number().int(), share: z.number() });
export const OutcomeSummary = z.object({
  instrument: z.enum(['phq9', 'gad7']),
  suppressed: z.boolean(),
  n: z.number().int().nullable(),
  minN: z.number().int(),
  baselineMean: z.number().optional(),
  followUpMean: z.number().optional(),
  change: z.object({ mean: z.number(), ciLow: z.number(), ciHigh: z.number(), sd: z.number() }).optional(),
  reliableChangePoints: z.number().optional(),
  caseness: z.number().optional(),
  categories: z.object({ recovered: Share, improved: Share, unchanged: Share, deteriorated: Share }).optional(),
});

export const GroupRow = z.object({
  groupId: z.string(),
  name: z.string(),
  suppressed: z.boolean(),
  members: z.number().int().nullable(),
  activeMembers: z.number().int().nullable(),
  sessions: z.number().int().nullable(),
  meanAttendance: z.number().nullable(),
  outcomes: z.object({ phq9: OutcomeSummary, gad7: OutcomeSummary }).nullable(),
});

export const CostLine = z.object({ item: z.enum(['emergencyVisit', 'readmission', 'therapySession']), people: z.number().int(), perPerson: z.number(), unitCost: z.number(), subtotal: z.number() });
const UnitCosts = z.object({ currency: z.string(), emergencyVisit: z.number(), readmission: z.number(), therapySession: z.number() });
const Assumptions = z.object({ emergencyVisitsPerImproved: z.number(), readmissionsPerImproved: z.number(), therapySessionsPerImproved: z.number() });
const Reliability = z.object({ phq9: z.object({ sd: z.number(), reliability: z.number() }), gad7: z.object({ sd: z.number(), reliability: z.number() }) });

export const ProgramReport = z.object({
  program: z.object({ id: z.string(), name: z.string(), groupIds: z.array(z.string()) }),
  window: z.object({ days: z.number().int(), from: z.string(), to: z.string() }),
  minGroupSize: z.number().int(),
  engagement: z.object({
    suppressed: z.boolean(),
    members: z.number().int().nullable(),
    activeMembers: z.number().int().nullable(),
    sessions: z.array(z.object({ sessionId: z.string(), groupId: z.string(), groupName: z.string(), title: z.string().nullable(), startsAt: z.string(), attended: z.number().int() })),
    retention: z.array(z.object({ cohort: z.string(), suppressed: z.boolean(), size: z.number().int().nullable(), retention: z.array(z.object({ week: z.number().int(), share: z.number().nullable() })).nullable() })),
  }),
  outcomes: z.object({ phq9: OutcomeSummary, gad7: OutcomeSummary, followUpMinDays: z.number().int(), method: z.string() }),
  groups: z.array(GroupRow),
  experience: z.object({
    suppressed: z.boolean(),
    responses: z.number().int().nullable(),
    people: z.number().int().nullable(),
    feltHeardRate: z.number().nullable(),
    meanSatisfaction: z.number().nullable(),
    bySatisfaction: z.array(z.object({ satisfaction: z.number().int(), n: z.number().int() })).nullable(),
    organization: z.object({ flags: z.number().int(), safetyCasesOpened: z.number().int(), safetyEscalations: z.number().int() }),
  }),
  cost: z.object({
    suppressed: z.boolean(),
    improvedPeople: z.number().int().nullable(),
    currency: z.string(),
    lines: z.array(CostLine),
    total: z.number().nullable(),
    examples: z.boolean(),
    unitCosts: UnitCosts,
    assumptions: Assumptions,
  }),
  abilities: z.object({ manage: z.boolean(), seesAllGroups: z.boolean() }),
});

export const ProgramList = z.object({
  programs: z.array(z.object({ id: z.string(), name: z.string(), groupIds: z.array(z.string()) })),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  abilities: z.object({ manage: z.boolean() }),
});
export const CreateProgramBody = z.object({
  name: z.string().trim().min(1, 'Please give the program a name.').max(120, 'Please keep the name under 120 characters.'),
  groupIds: z.array(z.uuid('Please choose groups from the list.')).min(1, 'Please choose at least one group.').max(200),
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

export const AnalyticsSettings = z.object({ minGroupSize: z.number().int(), unitCosts: UnitCosts, costAssumptions: Assumptions, reliability: Reliability, examples: z.boolean() });
const positive = (what: string) => z.number({ error: `Please give ${what} as a number.` }).min(0, `${what} cannot be negative.`).max(10_000_000, `${what} looks too large.`);
export const AnalyticsSettingsBody = z.object({
  minGroupSize: z.number({ error: 'Please give a number of people.' }).int().min(5, 'Please keep the minimum at 5 people or more, so nobody can be picked out.').max(100, 'Please choose 100 people or fewer.'),
  unitCosts: z.object({
    currency: z.string().trim().regex(/^[A-Z]{3}$/, 'Please give a three-letter currency code, like USD or GBP.'),
    emergencyVisit: positive('The cost of an emergency visit'),
    readmission: positive('The cost of a readmission'),
    therapySession: positive('The cost of a therapy session'),
  }),
  costAssumptions: z.object({
    emergencyVisitsPerImproved: z.number().min(0, 'Please give 0 or more.').max(50, 'Please give 50 or fewer.'),
    readmissionsPerImproved: z.number().min(0, 'Please give 0 or more.').max(50, 'Please give 50 or fewer.'),
    therapySessionsPerImproved: z.number().min(0, 'Please give 0 or more.').max(200, 'Please give 200 or fewer.'),
  }),
  reliability: z.object({
    phq9: z.object({ sd: z.number().positive('The SD must be above 0.').max(27), reliability: z.number().min(0.5, 'Reliability is between 0.5 and 0.99.').max(0.99, 'Reliability is between 0.5 and 0.99.') }),
    gad7: z.object({ sd: z.number().positive('The SD must be above 0.').max(21), reliability: z.number().min(0.5, 'Reliability is between 0.5 and 0.99.').max(0.99, 'Reliability is between 0.5 and 0.99.') }),
  }),
});
export type AnalyticsSettingsBody = z.infer<typeof AnalyticsSettingsBody>;

export const GroupMood = z.object({
  groupId: z.string(),
  minGroupSize: z.number().int(),
  weeks: z.array(z.object({ weekStart: z.string(), suppressed: z.boolean(), people: z.number().int().nullable(), checkinMean: z.number().nullable(), messageSentiment: z.number().nullable() })),
});
