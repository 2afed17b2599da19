import { predictProbability, type ClassifierModel, type RuleSignals } from './classifier.ts';
import { applyContext } from './context.ts';
import { evaluateRules, type RuleOptions, type RuleResult } from './rules.ts';
import type { RiskAssessment, RiskContext, RiskLevel } from './types.ts';

export const URGENT_AT = 0.7;
export const CONCERN_AT = 0.4;

/** Tokens from which a text reads as a long post or a history of several posts rather than a chat message. */
export const LONG_TEXT = 150;
/** Up to this many tokens a text is a chat message. */
export const SHORT_TEXT = 25;
/**
 * From this many tokens (or three posts joined with the evaluation's history separator) a text reads as a history of many posts: there the
 * classifier, which was trained on such histories, may reach urgent without a risk phrase (on the validation folds it
 * finds at-risk users the rules miss). On a single post it may not (see `engineScore`).
 */
export const HISTORY_TEXT = 400;
/** The highest score the classifier may give on its own (concern), without a risk phrase from the rules. */
export const CONCERN_CAP = 0.6;

export function levelOf(score: number): RiskLevel {
  return score >= URGENT_AT ? 'urgent' : score >= CONCERN_AT ? 'concern' : 'none';
}

/**
 * How much the classifier may say on its own past chat length: up to concern on a short post or one the rules dampened
 * (negation, idiom, someone else, recovery), rising to all of it on a long post, where a dampener somewhere in a
 * history of many posts says little.
 */
function classifierCap(tokens: number, dampened: boolean): number {
  if (tokens >= 80) return 1;
  if (dampened) return 0.6;
  return 0.6 + (0.4 * (tokens - SHORT_TEXT)) / (80 - SHORT_TEXT);
}

/**
 * Maps the calibrated probability onto the engine's score scale, so the model's own thresholds (chosen on validation
 * folds, never on the test split) land on CONCERN_AT and URGENT_AT.
 */
export function classifierScore(thresholds: ClassifierModel['thresholds'], p: number): number {
  const { urgent } = thresholds;
  // The concern threshold may sit above a low urgent one (it is also bounded by ordinary forum posts); here the
  // concern band then starts just under urgent.
  const concern = Math.min(thresholds.concern, urgent - 0.01);
  if (p >= urgent) return URGENT_AT + ((1 - URGENT_AT) * (p - urgent)) / Math.max(1e-6, 1 - urgent);
  if (p >= concern) return CONCERN_AT + ((URGENT_AT - CONCERN_AT) * (p - concern)) / Math.max(1e-6, urgent - concern);
  return (CONCERN_AT * p) / Math.max(1e-6, concern);
}

/**
 * Rules and classifier together, before context: an explicit phrase decides (the classifier only nudges it up);
 * otherwise the higher of the two, the classifier capped on short or dampened text. Exported for the training
 * script, which chooses the thresholds on validation folds through this same function.
 */
export function engineScore(rules: RuleResult, p: number | null, thresholds: ClassifierModel['thresholds']): number {
  if (p === null || rules.tokens === 0) return rules.score;
  const fromClassifier = classifierScore(thresholds, p);
  if (rules.urgentCapable && rules.score >= URGENT_AT) {
    // A long history (many posts) that quotes or recounts a risk phrase, where the classifier sees no ideation-like
    // writing around it, goes to review as a concern rather than paging on-call. It is never silenced.
    if (rules.tokens >= LONG_TEXT && p < thresholds.concern) return Math.min(rules.score, 0.65);
    return Math.min(1, rules.score + 0.08 * p);
  }
  // Chat-length messages are the rules' and the context's: on a line or two the classifier's word counts say more
  // about style (many "I"s) than about risk (validation: ROC AUC about 0.55 on single posts of 25 words or fewer).
  if (rules.tokens <= SHORT_TEXT) return rules.score;
  // Without a risk phrase the classifier alone reaches concern at most on a single post: on ordinary mental-health
  // posts (anxiety, loneliness, depression) it cannot tell distress from crisis, and an alarm there is a false one.
  const history = rules.tokens >= HISTORY_TEXT || (rules.posts >= 3 && rules.tokens >= 80);
  // One post (however long) whose only risk is someone else's (advice on helping a friend, a worried parent, a resource
  // page quoted back) is concern at most: the classifier learnt first-person writing and cannot tell who is at risk.
  if (rules.aboutSomeoneElse && !history) return Math.max(rules.score, Math.min(CONCERN_CAP, fromClassifier));
  if (rules.score < CONCERN_AT && !history) {
    // Concern only past the concern threshold itself, which no more than about one ordinary forum post in five
    // reaches on the validation folds.
    const concern = Math.max(1e-6, thresholds.concern);
    return Math.max(rules.score, p >= concern ? CONCERN_CAP : (CONCERN_AT * p) / concern);
  }
  const cap = classifierCap(rules.tokens, rules.dampened && !rules.urgentCapable);
  return Math.max(rules.score, Math.min(cap, fromClassifier));
}

/** What the rules found, as the classifier's dense features (training uses the same function). */
export function ruleSignals(rules: RuleResult): RuleSignals {
  return { score: rules.score, urgentCapable: rules.urgentCapable, others: rules.otherHits, own: rules.ownHits };
}

/** Options for the evaluation commands; the server passes none. */
export type AssessOptions = Pick<RuleOptions, 'historySeparator'>;

/** Labels that explain why a text was lowered (they did shape the level, so they stay on a "none" result). */
const DAMPENER_REASONS = new Set(['negated', 'idiom', 'recovery story', 'joking tone', 'about someone else', 'guidance', 'general statement', 'topic label']);

/**
 * Reasons as a moderator should read them: on a "none" result, risk phrases that did not reach concern are marked
 * "weak signal: …" so they are not mistaken for why a message was flagged.
 */
export function presentReasons(level: RiskLevel, reasons: string[]): string[] {
  if (level !== 'none') return reasons;
  return reasons.map((r) => (DAMPENER_REASONS.has(r) ? r : `weak signal: ${r}`));
}

export function createAssessor(model: ClassifierModel | null) {
  return function assess(text: string, context?: RiskContext, now: Date = new Date(), options: AssessOptions = {}): RiskAssessment {
    const rules = evaluateRules(text, options);
    const reasons = [...rules.reasons];
    const p = model && rules.tokens > 0 ? predictProbability(model, rules.cleaned, ruleSignals(rules)) : null;
    let score = engineScore(rules, p, model?.thresholds ?? { concern: CONCERN_AT, urgent: URGENT_AT });
    // The classifier is named only where it changed the level (an explicit phrase it merely nudges stays the reason).
    if (p !== null && levelOf(score) !== levelOf(rules.score)) reasons.push(`classifier ${p.toFixed(2)}`);
    let level = levelOf(score);
    const adjusted = rules.aboutSomeoneElse ? { level, score, reason: undefined } : applyContext(level, score, rules.urgentCapable, context, now);
    if (adjusted.reason) reasons.push(adjusted.reason);
    level = adjusted.level;
    score = adjusted.score;
    return { level, score: Math.round(score * 1000) / 1000, reasons: presentReasons(level, reasons), aboutSomeoneElse: rules.aboutSomeoneElse && level !== 'urgent' };
  };
}
