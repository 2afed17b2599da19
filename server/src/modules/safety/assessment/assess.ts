import { predictProbability, type ClassifierModel } from './classifier.ts';
import { applyContext } from './context.ts';
import { evaluateRules } from './rules.ts';
import type { RiskAssessment, RiskContext, RiskLevel } from './types.ts';

export const URGENT_AT = 0.7;
export const CONCERN_AT = 0.4;

export function levelOf(score: number): RiskLevel {
  return score >= URGENT_AT ? 'urgent' : score >= CONCERN_AT ? 'concern' : 'none';
}

/**
 * How much the classifier may say on its own. Short messages are where a bag of n-grams is least reliable
 * (ordinary sad posts), so alone it can only reach concern; long posts get its full probability.
 */
function classifierCap(tokens: number, dampened: boolean): number {
  if (tokens <= 25 || (dampened && tokens < 80)) return 0.6;
  if (tokens >= 80) return 1;
  return 0.6 + (0.4 * (tokens - 25)) / 55;
}

export function createAssessor(model: ClassifierModel | null) {
  return function assess(text: string, context?: RiskContext, now: Date = new Date()): RiskAssessment {
    const rules = evaluateRules(text);
    const reasons = [...rules.reasons];
    let score = rules.score;
    if (model && rules.tokens > 0) {
      const p = predictProbability(model, rules.cleaned);
      const cap = classifierCap(rules.tokens, rules.dampened && !rules.urgentCapable);
      // The classifier speaks when it is confident; scaled so that p=1 reaches the cap.
      const fromClassifier = p * cap;
      if (fromClassifier >= CONCERN_AT) reasons.push(`classifier ${p.toFixed(2)}`);
      // With an explicit phrase, agreement from the classifier nudges the score up.
      score = rules.urgentCapable && rules.score >= URGENT_AT ? Math.min(1, score + 0.08 * p) : Math.max(score, fromClassifier);
    }
    let level = levelOf(score);
    const adjusted = rules.aboutSomeoneElse ? { level, score, reason: undefined } : applyContext(level, score, rules.urgentCapable, context, now);
    if (adjusted.reason) reasons.push(adjusted.reason);
    level = adjusted.level;
    score = adjusted.score;
    return { level, score: Math.round(score * 1000) / 1000, reasons, aboutSomeoneElse: rules.aboutSomeoneElse && level !== 'urgent' };
  };
}
