import { describe, expect, it } from 'vitest';
import { PLAN_SECTIONS } from './api.ts';
import { cleanPlan, emptyPlan, isPlanEmpty, parsePlanDraft, samePlan, toPlanBody } from './safety-plan.ts';

describe('safety plan', () => {
  it('starts with all seven sections empty and not shared', () => {
    const plan = emptyPlan();
    expect(PLAN_SECTIONS.map((s) => plan[s])).toEqual(PLAN_SECTIONS.map(() => []));
    expect(plan.shareWithOnCall).toBe(false);
    expect(isPlanEmpty(plan)).toBe(true);
  });

  it('trims items and drops blanks and repeats before saving', () => {
    const plan = { ...emptyPlan(), reasonsForLiving: ['  My dog ', '', 'my dog', 'Seeing the sea'] };
    expect(cleanPlan(plan).reasonsForLiving).toEqual(['My dog', 'Seeing the sea']);
  });

  it('treats plans that save the same as unchanged', () => {
    expect(samePlan({ ...emptyPlan(), warningSigns: ['Not sleeping', ' '] }, { ...emptyPlan(), warningSigns: ['Not sleeping'] })).toBe(true);
    expect(samePlan(emptyPlan(), { ...emptyPlan(), shareWithOnCall: true })).toBe(false);
  });

  it('keeps only known fields from the server and from drafts', () => {
    expect(toPlanBody({ warningSigns: ['a'], updatedAt: '2026-01-01T00:00:00Z', shareWithOnCall: true })).toEqual({ ...emptyPlan(), warningSigns: ['a'], shareWithOnCall: true });
    expect(parsePlanDraft('not json')).toBeNull();
    expect(parsePlanDraft('')).toBeNull();
    expect(parsePlanDraft(JSON.stringify({ copingStrategies: ['Walk'] }))?.copingStrategies).toEqual(['Walk']);
  });
});
