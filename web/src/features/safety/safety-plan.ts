import { PLAN_SECTIONS, type SafetyPlan, type SafetyPlanBody } from './api.ts';

export const MAX_ITEMS = 20;
export const MAX_ITEM_LENGTH = 300;

/** An empty plan: every section an empty list, not shared. */
export function emptyPlan(): SafetyPlanBody {
  return { ...(Object.fromEntries(PLAN_SECTIONS.map((s) => [s, []])) as unknown as Record<(typeof PLAN_SECTIONS)[number], string[]>), shareWithOnCall: false };
}

/** Only the fields the server accepts, with missing sections filled in. */
export function toPlanBody(plan: Partial<SafetyPlan> | null | undefined): SafetyPlanBody {
  const base = emptyPlan();
  if (!plan) return base;
  for (const s of PLAN_SECTIONS) {
    const v = plan[s];
    if (Array.isArray(v)) base[s] = v.filter((x): x is string => typeof x === 'string');
  }
  base.shareWithOnCall = plan.shareWithOnCall === true;
  return base;
}

/** What is saved: each item trimmed, blanks and repeats dropped, within the limits. */
export function cleanPlan(plan: SafetyPlanBody): SafetyPlanBody {
  const out = emptyPlan();
  for (const s of PLAN_SECTIONS) {
    const seen = new Set<string>();
    for (const raw of plan[s]) {
      const item = raw.trim().slice(0, MAX_ITEM_LENGTH);
      const key = item.toLowerCase();
      if (!item || seen.has(key)) continue;
      seen.add(key);
      out[s].push(item);
      if (out[s].length >= MAX_ITEMS) break;
    }
  }
  out.shareWithOnCall = plan.shareWithOnCall;
  return out;
}

/** Whether the plan has nothing written in it. */
export function isPlanEmpty(plan: SafetyPlanBody): boolean {
  return PLAN_SECTIONS.every((s) => plan[s].every((item) => !item.trim()));
}

/** Whether two plans would save the same. */
export function samePlan(a: SafetyPlanBody, b: SafetyPlanBody): boolean {
  return JSON.stringify(cleanPlan(a)) === JSON.stringify(cleanPlan(b));
}

/** Reads a draft kept on this device; null when there is none or it cannot be read. */
export function parsePlanDraft(raw: string): SafetyPlanBody | null {
  if (!raw) return null;
  try {
    return toPlanBody(JSON.parse(raw) as Partial<SafetyPlan>);
  } catch {
    return null;
  }
}
