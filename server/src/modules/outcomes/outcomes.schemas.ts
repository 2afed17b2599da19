import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
export const InstrumentName = z.enum(['phq9', 'gad7'], { error: 'Please choose a questionnaire: phq9 or gad7.' });
export const InstrumentParams = z.object({ instrument: InstrumentName });

/** Feeling words offered with a check-in. A fixed list, so nothing identifying is typed and every word translates. */
export const FEELINGS = [
  'calm', 'hopeful', 'grateful', 'content', 'connected', 'proud', 'rested',
  'tired', 'anxious', 'sad', 'lonely', 'angry', 'overwhelmed', 'numb', 'stressed', 'restless', 'frustrated',
] as const;
export const Feeling = z.enum(FEELINGS, { error: 'Please choose feeling words from the list.' });

export const CheckinBody = z.object({
  mood: z.number({ error: 'Please choose how you feel from 1 to 10.' }).int('Please choose a whole number from 1 to 10.').min(1, 'Please choose a number from 1 to 10.').max(10, 'Please choose a number from 1 to 10.'),
  feelings: z.array(Feeling).max(6, 'Please choose up to six words.').default([]),
  note: z.string().trim().max(1000, 'Please keep the note under 1,000 characters. Your text is kept.').optional(),
  sessionId: z.uuid('That session link is not valid.').optional(),
});
export type CheckinBody = z.infer<typeof CheckinBody>;

export const Checkin = z.object({
  id: z.string(),
  mood: z.number().int(),
  feelings: z.array(z.string()),
  note: z.string().nullable(),
  sessionId: z.string().nullable(),
  createdAt: z.string(),
});
export type Checkin = z.infer<typeof Checkin>;

const Answer = z.number({ error: 'Please answer every question.' }).int().min(0, 'Each answer is 0 to 3.').max(3, 'Each answer is 0 to 3.');
export const ScreeningBody = z.object({ instrument: InstrumentName, answers: z.array(Answer) }).superRefine((body, ctx) => {
  const needed = body.instrument === 'phq9' ? 9 : 7;
  if (body.answers.length !== needed) ctx.addIssue({ code: 'custom', path: ['answers'], message: `Please answer all ${needed} questions.` });
});
export type ScreeningBody = z.infer<typeof ScreeningBody>;

export const Severity = z.enum(['minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
export const Screening = z.object({
  id: z.string(),
  instrument: InstrumentName,
  answers: z.array(z.number().int()),
  total: z.number().int(),
  severity: Severity,
  createdAt: z.string(),
});
export type Screening = z.infer<typeof Screening>;

/** What the person sees at once after a PHQ-9 with item 9 above 0: the support card and the risk screener offer. */
export const ScreeningSafety = z.object({ card: z.enum(['concern', 'urgent']), aboutSomeoneElse: z.literal(false), offerScreener: z.literal(true), caseId: z.string().nullable() });
export const ScreeningResult = z.object({ screening: Screening, safety: ScreeningSafety.nullable() });

export const InstrumentDefinition = z.object({
  instrument: InstrumentName,
  title: z.string(),
  stem: z.string(),
  items: z.array(z.object({ loinc: z.string(), text: z.string() })),
  answers: z.array(z.object({ value: z.number().int(), text: z.string() })),
  attribution: z.string(),
});

const Due = z.object({ due: z.boolean(), dueAt: z.string().nullable(), lastAt: z.string().nullable() });
export const Preferences = z.object({ remindersEnabled: z.boolean(), researchOptIn: z.boolean(), researchOptInAt: z.string().nullable(), alertSupporterOnDecline: z.boolean() });
export const PreferencesBody = z.object({
  remindersEnabled: z.boolean({ error: 'Please say yes or no to reminders.' }),
  researchOptIn: z.boolean({ error: 'Please say yes or no to sharing for research.' }),
  alertSupporterOnDecline: z.boolean({ error: 'Please say yes or no to letting your peer supporter know.' }),
});
export type PreferencesBody = z.infer<typeof PreferencesBody>;

export const Nudge = z.object({ id: z.string(), createdAt: z.string() });
export const Overview = z.object({
  checkin: Due.extend({ afterSession: z.object({ sessionId: z.string(), title: z.string().nullable(), endedAt: z.string() }).nullable() }),
  phq9: Due,
  gad7: Due,
  preferences: Preferences,
  nudge: Nudge.nullable(),
  attribution: z.string(),
});

export const Progress = z.object({
  screenings: z.array(z.object({ id: z.string(), instrument: InstrumentName, total: z.number().int(), severity: Severity, at: z.string() })),
  mood: z.array(z.object({ at: z.string(), mood: z.number().int() })),
  attendance: z.array(z.object({ weekStart: z.string(), sessions: z.number().int() })),
  messageMood: z.array(z.object({ weekStart: z.string(), average: z.number(), messages: z.number().int() })),
});

export const SessionFeedbackBody = z.object({
  feltHeard: z.boolean({ error: 'Please say whether you felt heard.' }),
  satisfaction: z.number({ error: 'Please choose from 1 to 5.' }).int().min(1, 'Please choose from 1 to 5.').max(5, 'Please choose from 1 to 5.'),
  comment: z.string().trim().max(1000, 'Please keep the comment under 1,000 characters. Your text is kept.').optional(),
});
export type SessionFeedbackBody = z.infer<typeof SessionFeedbackBody>;
export const Feedback = z.object({ id: z.string(), feltHeard: z.boolean(), satisfaction: z.number().int(), comment: z.string().nullable(), createdAt: z.string() });

export const OutcomeSettings = z.object({ screeningIntervalDays: z.number().int(), checkinIntervalDays: z.number().int() });
export const OutcomeSettingsBody = z.object({
  screeningIntervalDays: z.number({ error: 'Please give a number of days.' }).int().min(14, 'Please choose 14 to 28 days (every 2 to 4 weeks).').max(28, 'Please choose 14 to 28 days (every 2 to 4 weeks).'),
  checkinIntervalDays: z.number({ error: 'Please give a number of days.' }).int().min(3, 'Please choose 3 to 30 days, so reminders stay gentle.').max(30, 'Please choose 3 to 30 days.'),
});
export type OutcomeSettingsBody = z.infer<typeof OutcomeSettingsBody>;

export const ResearchRow = z.object({ researchId: z.string(), kind: z.enum(['phq9', 'gad7', 'mood']), day: z.number().int(), score: z.number().int(), answers: z.array(z.number().int()).nullable() });
export const ResearchExport = z.object({ people: z.number().int(), rows: z.array(ResearchRow), note: z.string() });
