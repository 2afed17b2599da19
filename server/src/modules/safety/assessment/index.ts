/**
 * Crisis-risk assessment: curated rules (English + Spanish), a small committed classifier, and the person's recent
 * trajectory. Synchronous, no I/O after module load. See README.md.
 */
import { createAssessor } from './assess.ts';
import type { ClassifierModel } from './classifier.ts';
import modelJson from './model.json' with { type: 'json' };
import type { RiskAssessment, RiskContext } from './types.ts';

export type { RiskAssessment, RiskContext, RiskLevel } from './types.ts';

const assess = createAssessor(modelJson as unknown as ClassifierModel);

/** Synchronous and cheap: runs before a message is broadcast. */
export function assessRisk(text: string, context?: RiskContext): RiskAssessment {
  return assess(text, context);
}
