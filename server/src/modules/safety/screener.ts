import { SAFETY_COPY } from './safety.copy.ts';
import type { ScreenerAnswers } from './safety.schemas.ts';

export type ScreenerLevel = 'none' | 'concern' | 'urgent';

/**
 * The risk screener's questions, in our own words, following the C-SSRS screener's structure (Posner et al., The
 * Columbia Lighthouse Project): wish to be dead; non-specific active thoughts; if yes, then method, intent and plan;
 * and always recent behaviour (past three months).
 */
export const SCREENER_QUESTIONS = [
  { key: 'wishToBeDead', text: 'In the past month, have you wished you were not alive, or hoped you might not wake up?', askWhen: 'always' },
  { key: 'suicidalThoughts', text: 'In the past month, have you had any thoughts of ending your life?', askWhen: 'always' },
  { key: 'method', text: 'Have you thought about how you might do it?', askWhen: 'suicidalThoughts' },
  { key: 'intent', text: 'Have you had these thoughts and felt you might act on them?', askWhen: 'suicidalThoughts' },
  { key: 'plan', text: 'Have you started to work out, or worked out, the details of a plan, and do you mean to carry it out?', askWhen: 'suicidalThoughts' },
  { key: 'recentBehaviour', text: 'In the past three months, have you done anything, started to do anything, or prepared to do anything to end your life?', askWhen: 'always' },
] as const;

/** Any intent, plan or recent behaviour is urgent; a wish to be dead, thoughts or method thoughts are a concern. */
export function scoreScreener(answers: ScreenerAnswers): ScreenerLevel {
  if (answers.intent || answers.plan || answers.recentBehaviour) return 'urgent';
  if (answers.wishToBeDead || answers.suicidalThoughts || answers.method) return 'concern';
  return 'none';
}

/** The questions as the API returns them, with the credit for the structure. */
export function describeScreener() {
  return { questions: SCREENER_QUESTIONS.map((q) => ({ ...q })), intro: SAFETY_COPY.screener.intro, credit: SAFETY_COPY.screener.credit };
}
