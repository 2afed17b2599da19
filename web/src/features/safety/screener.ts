import type { ScreenerAnswers, ScreenerQuestion } from './api.ts';

/**
 * The screener follows the structure of the Columbia Suicide Severity Rating Scale (C-SSRS) screener:
 * a wish to be dead; non-specific thoughts; then, only if there were thoughts, method, intent and plan;
 * and always recent behaviour. The questions are written in our own words.
 */
export const SCREENER_ORDER: ScreenerQuestion[] = ['wishToBeDead', 'suicidalThoughts', 'method', 'intent', 'plan', 'recentBehaviour'];
const FOLLOW_UPS: ScreenerQuestion[] = ['method', 'intent', 'plan'];

/** The questions to show for the answers so far: follow-ups only after a yes to thoughts. */
export function visibleQuestions(answers: ScreenerAnswers): ScreenerQuestion[] {
  return SCREENER_ORDER.filter((q) => !FOLLOW_UPS.includes(q) || answers.suicidalThoughts === true);
}

/** The answers without any to questions that are no longer shown (changing "yes" to "no" hides its follow-ups). */
export function pruneAnswers(answers: ScreenerAnswers): ScreenerAnswers {
  const visible = visibleQuestions(answers);
  return Object.fromEntries(Object.entries(answers).filter(([q, v]) => visible.includes(q as ScreenerQuestion) && typeof v === 'boolean')) as ScreenerAnswers;
}

/** The questions still unanswered, in order. */
export function unansweredQuestions(answers: ScreenerAnswers): ScreenerQuestion[] {
  return visibleQuestions(answers).filter((q) => typeof answers[q] !== 'boolean');
}

/** Whether every shown question has an answer. */
export function isScreenerComplete(answers: ScreenerAnswers): boolean {
  return unansweredQuestions(answers).length === 0;
}
