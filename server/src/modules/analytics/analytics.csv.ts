import { toCsv } from '../outcomes/index.ts';
import type { createAnalyticsService } from './analytics.service.ts';
import type { TABLES } from './analytics.schemas.ts';

type Report = Awaited<ReturnType<ReturnType<typeof createAnalyticsService>['buildReport']>>;
type Summary = Report['outcomes']['phq9'];

const round = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const outcomeRow = (scope: string, s: Summary): Record<string, unknown> =>
  s.suppressed
    ? { scope, instrument: s.instrument, n: `fewer than ${s.minN}`, suppressed: 'yes' }
    : {
        scope, instrument: s.instrument, n: s.n, suppressed: 'no', baselineMean: round(s.baselineMean), followUpMean: round(s.followUpMean), meanChange: round(s.change.mean),
        ciLow: round(s.change.ciLow), ciHigh: round(s.change.ciHigh), reliableChangePoints: round(s.reliableChangePoints), recovered: round(s.categories.recovered.share, 4),
        improved: round(s.categories.improved.share, 4), unchanged: round(s.categories.unchanged.share, 4), deteriorated: round(s.categories.deteriorated.share, 4),
      };

/** Every table of the program page as CSV, with the same suppression as the page. */
export function reportTableCsv(report: Report, table: (typeof TABLES)[number]): string {
  switch (table) {
    case 'outcomes': {
      const rows: Record<string, unknown>[] = [outcomeRow(report.program.name, report.outcomes.phq9), outcomeRow(report.program.name, report.outcomes.gad7)];
      for (const g of report.groups) rows.push(...(g.outcomes ? [outcomeRow(g.name, g.outcomes.phq9), outcomeRow(g.name, g.outcomes.gad7)] : [{ scope: g.name, instrument: 'both', n: `fewer than ${report.minGroupSize}`, suppressed: 'yes' }]));
      return toCsv(['scope', 'instrument', 'n', 'suppressed', 'baselineMean', 'followUpMean', 'meanChange', 'ciLow', 'ciHigh', 'reliableChangePoints', 'recovered', 'improved', 'unchanged', 'deteriorated'], rows);
    }
    case 'groups':
      return toCsv(['name', 'suppressed', 'members', 'activeMembers', 'sessions', 'meanAttendance'], report.groups.map((g) => ({ ...g, suppressed: g.suppressed ? 'yes' : 'no', meanAttendance: round(g.meanAttendance, 1) })));
    case 'sessions':
      return toCsv(['startsAt', 'groupName', 'title', 'attended'], report.engagement.sessions);
    case 'retention':
      return toCsv(
        ['cohort', 'size', 'week0', 'week2', 'week4', 'week8', 'week12'],
        report.engagement.retention.map((c) => ({
          cohort: c.cohort, size: c.size ?? `fewer than ${report.minGroupSize}`,
          ...Object.fromEntries((c.retention ?? []).map((r) => [`week${r.week}`, round(r.share, 4)])),
        })),
      );
    case 'experience': {
      const e = report.experience;
      return toCsv(['measure', 'value'], [
        { measure: 'responses', value: e.responses ?? `fewer than ${report.minGroupSize} people` },
        { measure: 'feltHeardRate', value: round(e.feltHeardRate, 4) },
        { measure: 'meanSatisfaction', value: round(e.meanSatisfaction) },
        { measure: 'flags (organization)', value: e.organization.flags },
        { measure: 'safety cases opened (organization)', value: e.organization.safetyCasesOpened },
        { measure: 'safety escalations (organization)', value: e.organization.safetyEscalations },
      ]);
    }
    case 'cost':
      return toCsv(['item', 'people', 'perPerson', 'unitCost', 'subtotal', 'currency', 'examples'], report.cost.lines.map((l) => ({ ...l, currency: report.cost.currency, examples: report.cost.examples ? 'example values' : 'organization values' })));
  }
}
