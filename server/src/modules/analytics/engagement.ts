import type { CostAssumptions, UnitCosts } from '../../db/schema/analytics.ts';

const WEEK_MS = 7 * 86_400_000;
/** Weeks after joining at which retention is read. */
export const RETENTION_WEEKS = [0, 2, 4, 8, 12] as const;

export type Joined = { userId: string; joinedAt: Date };
export type Attended = { userId: string; at: Date };

export type CohortRow =
  | { cohort: string; suppressed: true; size: null; retention: null }
  | { cohort: string; suppressed: false; size: number; retention: Array<{ week: number; share: number | null }> };

/**
 * Retention by joining month: of the people who joined in a month, the share who attended a session at least
 * `week` weeks after they joined. Week 0 is the share who came to at least one session. A person's start is their
 * first join, or their first attended session when that is earlier on record (rejoining a group resets the join date,
 * and people can attend before the membership row says they joined), so earlier attendance is never read as "never
 * came". A week not yet reached by everyone in the cohort is left empty (null), never guessed. Cohorts under `minN`
 * people are suppressed.
 */
export function retentionByCohort(joined: readonly Joined[], attended: readonly Attended[], now: Date, minN: number): CohortRow[] {
  const start = new Map<string, number>();
  for (const j of joined) start.set(j.userId, Math.min(start.get(j.userId) ?? Infinity, j.joinedAt.getTime()));
  const lastAttended = new Map<string, number>();
  for (const a of attended) {
    const began = start.get(a.userId);
    if (began === undefined) continue;
    start.set(a.userId, Math.min(began, a.at.getTime()));
    lastAttended.set(a.userId, Math.max(lastAttended.get(a.userId) ?? -Infinity, a.at.getTime()));
  }
  const cohorts = new Map<string, string[]>();
  for (const [userId, at] of start) {
    const key = new Date(at).toISOString().slice(0, 7);
    cohorts.set(key, [...(cohorts.get(key) ?? []), userId]);
  }
  return [...cohorts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, people]): CohortRow => {
      if (people.length < Math.max(minN, 1)) return { cohort, suppressed: true, size: null, retention: null };
      const retention = RETENTION_WEEKS.map((week) => {
        const observable = people.every((u) => now.getTime() - start.get(u)! >= week * WEEK_MS);
        if (!observable) return { week, share: null };
        const kept = people.filter((u) => (lastAttended.get(u) ?? -Infinity) >= start.get(u)! + week * WEEK_MS).length;
        return { week, share: kept / people.length };
      });
      return { cohort, suppressed: false, size: people.length, retention };
    });
}

/** Example values, labelled as examples in the app: organizations replace them with their own. */
export const EXAMPLE_UNIT_COSTS: UnitCosts = { currency: 'USD', emergencyVisit: 1200, readmission: 15000, therapySession: 120 };
export const EXAMPLE_ASSUMPTIONS: CostAssumptions = { emergencyVisitsPerImproved: 0.1, readmissionsPerImproved: 0.02, therapySessionsPerImproved: 1 };

export type CostLine = { item: 'emergencyVisit' | 'readmission' | 'therapySession'; people: number; perPerson: number; unitCost: number; subtotal: number };

/** Cost avoided = people reliably improved × assumed avoided events per person × unit cost, line by line. */
export function estimateCostAvoided(improvedPeople: number, costs: UnitCosts, assumptions: CostAssumptions) {
  const lines: CostLine[] = [
    { item: 'emergencyVisit', people: improvedPeople, perPerson: assumptions.emergencyVisitsPerImproved, unitCost: costs.emergencyVisit, subtotal: 0 },
    { item: 'readmission', people: improvedPeople, perPerson: assumptions.readmissionsPerImproved, unitCost: costs.readmission, subtotal: 0 },
    { item: 'therapySession', people: improvedPeople, perPerson: assumptions.therapySessionsPerImproved, unitCost: costs.therapySession, subtotal: 0 },
  ].map((l) => ({ ...l, subtotal: Math.round(l.people * l.perPerson * l.unitCost * 100) / 100 })) as CostLine[];
  return { currency: costs.currency, lines, total: Math.round(lines.reduce((s, l) => s + l.subtotal, 0) * 100) / 100 };
}
