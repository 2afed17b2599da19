import { countAuditActions, writeAudit, type Db } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { GroupFacts } from '../groups/index.ts';
import { weekStart, type OutcomesService } from '../outcomes/index.ts';
import type { SessionFacts } from '../sessions/index.ts';
import { AnalyticsErrors } from './analytics.errors.ts';
import { canManageAnalytics, canViewAnalytics, seesAllGroups } from './analytics.policy.ts';
import * as repo from './analytics.repo.ts';
import type { AnalyticsSettingsBody, CreateProgramBody } from './analytics.schemas.ts';
import { EXAMPLE_ASSUMPTIONS, EXAMPLE_UNIT_COSTS, estimateCostAvoided, retentionByCohort } from './engagement.ts';
import { CASENESS, DEFAULT_RELIABILITY, FOLLOW_UP_MIN_DAYS, pairScores, summarizeOutcomes, type ScorePoint } from './outcome-summary.ts';
import { classifyChange, reliableChangeThreshold } from './stats.ts';

const DAY_MS = 86_400_000;
/**
 * Other modules' data arrives through their ports: groups and memberships from groups, sessions and attendance from
 * sessions, measures and feedback from outcomes.
 */
export type AnalyticsDeps = {
  db: Db;
  groups: Pick<GroupFacts, 'listOrgGroups' | 'listLedGroupIds' | 'listMemberJoins'>;
  sessions: Pick<SessionFacts, 'listGroupAttendance' | 'listSessionAttendance'>;
  outcomes: Pick<OutcomesService, 'listScoreHistory' | 'listMoodHistory' | 'summarizeSessionFeedback' | 'listGroupMessageMoods'>;
  now?: () => Date;
};
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

export const OUTCOME_METHOD =
  'Each person\'s first PHQ-9/GAD-7 is their baseline; their latest one at least 14 days later is the follow-up. Mean change (follow-up minus baseline; negative is better) with a 95% CI from the t distribution. Reliable change (Jacobson & Truax 1991): |change| ≥ 1.96·√2·SD·√(1 − r). Recovered: reliable improvement from at or above the caseness cut-off (PHQ-9 10, GAD-7 8) to below it. Figures for fewer people than the minimum are not shown.';

/**
 * Program analytics for facilitators, clinicians and admins: engagement, outcomes with uncertainty, experience and
 * an openly assumed cost avoided. Only aggregates leave this module, and every figure about people is suppressed
 * below the organization's minimum group size.
 */
export function createAnalyticsService(input: AnalyticsDeps) {
  const { db, groups: groupFacts, sessions: sessionFacts, outcomes } = input;
  const now = input.now ?? (() => new Date());

  async function loadSettings(orgId: string) {
    const s = await repo.findSettings(db, orgId);
    return {
      minGroupSize: s.minGroupSize,
      unitCosts: s.unitCosts ?? EXAMPLE_UNIT_COSTS,
      costAssumptions: s.costAssumptions ?? EXAMPLE_ASSUMPTIONS,
      reliability: s.reliability ?? DEFAULT_RELIABILITY,
      examples: !s.unitCosts || !s.costAssumptions,
    };
  }

  async function loadProgram(actor: Actor, programId: string) {
    const groups = await groupFacts.listOrgGroups(actor.orgId);
    if (programId === 'all') return { program: { id: 'all', name: 'All groups', groupIds: groups.map((g) => g.id) }, groups };
    const row = await repo.findProgram(db, programId);
    if (!row || row.orgId !== actor.orgId) throw AnalyticsErrors.programNotFound();
    const known = new Set(groups.map((g) => g.id));
    return { program: { id: row.id, name: row.name, groupIds: row.groupIds.filter((id) => known.has(id)) }, groups };
  }

  async function buildReport(actor: Actor, programId: string, days: number) {
    if (!canViewAnalytics(actor)) throw AnalyticsErrors.notAllowed();
    const at = now();
    const since = new Date(at.getTime() - days * DAY_MS);
    const settings = await loadSettings(actor.orgId);
    const minN = settings.minGroupSize;
    const { program, groups } = await loadProgram(actor, programId);
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const led = seesAllGroups(actor) ? null : new Set(await groupFacts.listLedGroupIds(actor.userId));
    const visibleGroupIds = program.groupIds.filter((id) => !led || led.has(id));

    const [memberships, attendance, sessionRows, feedback, audit] = await Promise.all([
      groupFacts.listMemberJoins(program.groupIds),
      sessionFacts.listGroupAttendance(program.groupIds),
      sessionFacts.listSessionAttendance(program.groupIds, since, at),
      outcomes.summarizeSessionFeedback(program.groupIds, since),
      countAuditActions(db, actor.orgId, ['moderation.flagged', 'safety_case.opened', 'safety_case.escalated'], since),
    ]);
    const people = [...new Set(memberships.map((m) => m.userId))];
    const history: ScorePoint[] = await outcomes.listScoreHistory(people);
    const membersOf = (groupId: string) => [...new Set(memberships.filter((m) => m.groupId === groupId).map((m) => m.userId))];
    const activeIn = (userIds: string[], groupIds: string[]) => {
      const set = new Set(userIds);
      const gs = new Set(groupIds);
      return new Set(attendance.filter((a) => set.has(a.userId) && gs.has(a.groupId) && a.at >= since && a.at <= at).map((a) => a.userId)).size;
    };
    const summarize = (userIds: string[]) => {
      const set = new Set(userIds);
      const points = history.filter((h) => set.has(h.userId));
      return {
        phq9: summarizeOutcomes(pairScores(points, 'phq9'), 'phq9', minN, settings.reliability),
        gad7: summarizeOutcomes(pairScores(points, 'gad7'), 'gad7', minN, settings.reliability),
      };
    };

    const groupRows = visibleGroupIds.map((groupId) => {
      const members = membersOf(groupId);
      const name = groupName.get(groupId) ?? '';
      if (members.length < minN) return { groupId, name, suppressed: true, members: null, activeMembers: null, sessions: null, meanAttendance: null, outcomes: null };
      const own = sessionRows.filter((s) => s.groupId === groupId);
      return {
        groupId, name, suppressed: false, members: members.length, activeMembers: activeIn(members, [groupId]), sessions: own.length,
        meanAttendance: own.length ? own.reduce((s, r) => s + r.attended, 0) / own.length : null, outcomes: summarize(members),
      };
    });
    const shownGroups = new Set(groupRows.filter((g) => !g.suppressed).map((g) => g.groupId));

    // Cost avoided: people reliably improved or recovered on either questionnaire.
    const improved = new Set<string>();
    const paired = new Set<string>();
    for (const instrument of ['phq9', 'gad7'] as const) {
      const threshold = reliableChangeThreshold(settings.reliability[instrument].sd, settings.reliability[instrument].reliability);
      for (const p of pairScores(history, instrument)) {
        paired.add(p.userId);
        const category = classifyChange(p.baseline, p.followUp, threshold, CASENESS[instrument]);
        if (category === 'improved' || category === 'recovered') improved.add(p.userId);
      }
    }
    const costSuppressed = paired.size < minN;
    const cost = estimateCostAvoided(costSuppressed ? 0 : improved.size, settings.unitCosts, settings.costAssumptions);
    const feedbackSuppressed = feedback.people < minN;

    return {
      program,
      window: { days, from: since.toISOString(), to: at.toISOString() },
      minGroupSize: minN,
      engagement: {
        suppressed: people.length < minN,
        members: people.length < minN ? null : people.length,
        activeMembers: people.length < minN ? null : activeIn(people, program.groupIds),
        sessions: sessionRows.filter((s) => shownGroups.has(s.groupId)).map((s) => ({ ...s, groupName: groupName.get(s.groupId) ?? '', startsAt: s.startsAt.toISOString() })),
        retention: retentionByCohort(
          memberships.map((m) => ({ userId: m.userId, joinedAt: m.joinedAt })),
          attendance.map((a) => ({ userId: a.userId, at: a.at })),
          at,
          minN,
        ),
      },
      outcomes: { ...summarize(people), followUpMinDays: FOLLOW_UP_MIN_DAYS, method: OUTCOME_METHOD },
      groups: groupRows,
      experience: {
        suppressed: feedbackSuppressed,
        responses: feedbackSuppressed ? null : feedback.responses,
        people: feedbackSuppressed ? null : feedback.people,
        feltHeardRate: feedbackSuppressed || !feedback.responses ? null : feedback.feltHeard / feedback.responses,
        meanSatisfaction: feedbackSuppressed || !feedback.responses ? null : feedback.satisfactionSum / feedback.responses,
        bySatisfaction: feedbackSuppressed ? null : [1, 2, 3, 4, 5].map((s) => ({ satisfaction: s, n: feedback.bySatisfaction.find((b) => b.satisfaction === s)?.n ?? 0 })),
        organization: { flags: audit['moderation.flagged']!, safetyCasesOpened: audit['safety_case.opened']!, safetyEscalations: audit['safety_case.escalated']! },
      },
      cost: {
        suppressed: costSuppressed,
        improvedPeople: costSuppressed ? null : improved.size,
        currency: cost.currency,
        lines: costSuppressed ? [] : cost.lines,
        total: costSuppressed ? null : cost.total,
        examples: settings.examples,
        unitCosts: settings.unitCosts,
        assumptions: settings.costAssumptions,
      },
      abilities: { manage: canManageAnalytics(actor), seesAllGroups: seesAllGroups(actor) },
    };
  }

  return {
    buildReport,

    async listPrograms(actor: Actor) {
      if (!canViewAnalytics(actor)) throw AnalyticsErrors.notAllowed();
      const [programs, groups] = await Promise.all([repo.listPrograms(db, actor.orgId), groupFacts.listOrgGroups(actor.orgId)]);
      return {
        programs: [{ id: 'all', name: 'All groups', groupIds: groups.map((g) => g.id) }, ...programs.map((p) => ({ id: p.id, name: p.name, groupIds: p.groupIds }))],
        groups: groups.filter((g) => !g.archivedAt).map((g) => ({ id: g.id, name: g.name })),
        abilities: { manage: canManageAnalytics(actor) },
      };
    },

    async createProgram(actor: Actor, body: CreateProgramBody) {
      if (!canManageAnalytics(actor)) throw AnalyticsErrors.notAdmin();
      const known = new Set((await groupFacts.listOrgGroups(actor.orgId)).map((g) => g.id));
      const unknown = body.groupIds.filter((id) => !known.has(id));
      if (unknown.length) throw AnalyticsErrors.unknownGroups();
      return db.transaction(async (tx) => {
        const row = await repo.insertProgram(tx, { orgId: actor.orgId, name: body.name, groupIds: [...new Set(body.groupIds)] });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'program.created', entityType: 'program', entityId: row.id, data: { groups: row.groupIds.length } });
        return { id: row.id, name: row.name, groupIds: row.groupIds };
      });
    },

    async deleteProgram(actor: Actor, id: string) {
      if (!canManageAnalytics(actor)) throw AnalyticsErrors.notAdmin();
      const row = await repo.findProgram(db, id);
      if (!row || row.orgId !== actor.orgId) throw AnalyticsErrors.programNotFound();
      await db.transaction(async (tx) => {
        await repo.deleteProgram(tx, id);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'program.deleted', entityType: 'program', entityId: id });
      });
      return { ok: true as const };
    },

    async getSettings(actor: Actor) {
      if (!canViewAnalytics(actor)) throw AnalyticsErrors.notAllowed();
      return loadSettings(actor.orgId);
    },

    async saveSettings(actor: Actor, body: AnalyticsSettingsBody) {
      if (!canManageAnalytics(actor)) throw AnalyticsErrors.notAdmin();
      await db.transaction(async (tx) => {
        await repo.upsertSettings(tx, actor.orgId, body);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'analytics_settings.saved', entityType: 'org', entityId: actor.orgId, data: { minGroupSize: body.minGroupSize } });
      });
      return loadSettings(actor.orgId);
    },

    /**
     * A group's mood over time for its facilitators: weekly mean check-in mood of its members and mean sentiment of
     * messages in its rooms. Aggregates only; a week with fewer people than the minimum shows nothing.
     */
    async getGroupMood(actor: Actor, groupId: string, weeks: number) {
      const group = (await groupFacts.listOrgGroups(actor.orgId)).find((g) => g.id === groupId);
      const allowed = group && canViewAnalytics(actor) && (seesAllGroups(actor) || (await groupFacts.listLedGroupIds(actor.userId)).includes(groupId));
      if (!allowed) throw AnalyticsErrors.groupNotFound();
      const { minGroupSize: minN } = await loadSettings(actor.orgId);
      const since = new Date(now().getTime() - weeks * 7 * DAY_MS);
      const members = [...new Set((await groupFacts.listMemberJoins([groupId])).map((m) => m.userId))];
      const [checkins, messages] = await Promise.all([outcomes.listMoodHistory(members, since), outcomes.listGroupMessageMoods(groupId, since)]);
      const buckets = new Map<string, { people: Set<string>; moods: number[]; sentiment: number[] }>();
      const bucket = (at: Date) => {
        const key = weekStart(at);
        if (!buckets.has(key)) buckets.set(key, { people: new Set(), moods: [], sentiment: [] });
        return buckets.get(key)!;
      };
      for (const c of checkins) {
        const b = bucket(c.at);
        b.people.add(c.userId);
        b.moods.push(c.mood);
      }
      for (const m of messages) {
        const b = bucket(m.at);
        b.people.add(m.userId);
        b.sentiment.push(m.compound);
      }
      const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null);
      return {
        groupId,
        minGroupSize: minN,
        weeks: [...buckets]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([week, b]) =>
            b.people.size < minN
              ? { weekStart: week, suppressed: true, people: null, checkinMean: null, messageSentiment: null }
              : { weekStart: week, suppressed: false, people: b.people.size, checkinMean: avg(b.moods), messageSentiment: avg(b.sentiment) },
          ),
      };
    },
  };
}
