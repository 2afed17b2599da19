import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';
import { orgs } from './orgs.ts';

/** Unit costs in the organization's currency; the defaults are examples, labelled as such in the app. */
export type UnitCosts = { currency: string; emergencyVisit: number; readmission: number; therapySession: number };
/** How many of each avoided event one reliably improved (or recovered) person is assumed to stand for. */
export type CostAssumptions = { emergencyVisitsPerImproved: number; readmissionsPerImproved: number; therapySessionsPerImproved: number };
/** Jacobson–Truax inputs per instrument: a reference SD and a reliability coefficient. */
export type ReliabilityParams = { phq9: { sd: number; reliability: number }; gad7: { sd: number; reliability: number } };

/** Per-organization analytics settings; a missing row means the defaults. */
export const analyticsSettings = pgTable('analytics_settings', {
  id: id(),
  orgId: uuid('org_id').notNull().unique().references(() => orgs.id, { onDelete: 'cascade' }),
  /** Fewer people than this and a figure is not shown, so nobody can be picked out. */
  minGroupSize: smallint('min_group_size').notNull().default(10),
  unitCosts: jsonb('unit_costs').$type<UnitCosts>(),
  costAssumptions: jsonb('cost_assumptions').$type<CostAssumptions>(),
  reliability: jsonb('reliability').$type<ReliabilityParams>(),
  ...timestamps,
});

/** A program: a named set of the organization's groups whose outcomes are reported together. */
export const programs = pgTable(
  'programs',
  {
    id: id(),
    orgId: uuid('org_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    groupIds: uuid('group_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ...timestamps,
  },
  (t) => [index('programs_org_idx').on(t.orgId)],
);
