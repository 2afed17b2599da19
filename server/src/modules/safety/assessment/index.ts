/**
 * Crisis-risk assessment: curated rules (English + Spanish), a small committed classifier, and the person's recent
 * trajectory. Synchronous, no I/O after module load. See README.md.
 */
import { createAssessor, type AssessOptions } from './assess.ts';
import type { ClassifierModel } from './classifier.ts';
import modelJson from './model.json' with { type: 'json' };
import type { RiskAssessment, RiskContext } from './types.ts';

export type { RiskAssessment, RiskContext, RiskLevel } from './types.ts';

const assess = createAssessor(modelJson as unknown as ClassifierModel);

export type { AssessOptions } from './assess.ts';

/** Synchronous and cheap: runs before a message is broadcast. `options` are for the evaluation commands only. */
export function assessRisk(text: string, context?: RiskContext, options?: AssessOptions): RiskAssessment {
  return assess(text, context, new Date(), options);
}

/** What a message gets when its assessment fails: a person looks at it (concern), because a crash is not a "none". */
export const ASSESSMENT_FAILED: RiskAssessment = Object.freeze({ level: 'concern', score: 0.4, reasons: ['assessment error'], aboutSomeoneElse: false }) as RiskAssessment;

/**
 * `assessRisk` that never throws and fails safe: an error is reported through `onError` (the caller logs it at
 * error level) and the message is treated as concern, so it is reviewed by a person rather than silently passed.
 */
export function assessRiskSafely(text: string, context: RiskContext | undefined, onError: (err: unknown) => void, run: typeof assessRisk = assessRisk): RiskAssessment {
  try {
    return run(text, context);
  } catch (err) {
    onError(err);
    return { ...ASSESSMENT_FAILED, reasons: [...ASSESSMENT_FAILED.reasons] };
  }
}
