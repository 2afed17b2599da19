import { writeAudit, type Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import * as cohortRepo from './cohort.repo.ts';
import { planProgramEdit, type ProgramState } from './cohort-program-edits.ts';
import type { AssignmentPreview, CreateProgramBody, Program, UpdateProgramBody } from './cohort.schemas.ts';
import { assignCohortsExact, assignCohortsGreedy } from './cohort.ts';
import { MatchingErrors } from './matching.errors.ts';
import type { MatchingDeps } from './matching.deps.ts';
import { canManagePrograms } from './matching.policy.ts';
import * as repo from './matching.repo.ts';
import { describePerson, embedGroup, scoreGroup, type MatchGroup } from './recommend.ts';
import { classifyTopics } from './text-model/index.ts';

/** Scores stay below this, so mismatch = CEILING − score is never negative; ×100 keeps the flow's costs integers. */
const SCORE_CEILING = 2;
const HORIZON_MS = 28 * 24 * 3600_000;

/** A program whose closing time has passed takes no new applications (withdrawing stays possible until assignment). */
const isClosed = (program: { applicationsCloseAt: Date | null }, at: Date) => program.applicationsCloseAt !== null && program.applicationsCloseAt <= at;

/**
 * Cohort programs: a facilitator or admin sets up fixed groups with capacities; people apply with their intake profile;
 * staff preview the assignment that minimises total mismatch (min-cost flow, with each person's reasons and the
 * greedy's total for comparison) and apply it, which enrols everyone in their group and tells them.
 */
export function createCohortPrograms(deps: MatchingDeps) {
  const { db, now, notifier, logger } = deps;

  async function present(actor: Actor, rows: cohortRepo.ProgramRow[]): Promise<Program[]> {
    const ids = rows.map((r) => r.id);
    const [groupRows, counts, mine] = await Promise.all([cohortRepo.listProgramGroups(db, ids), cohortRepo.countApplications(db, ids), cohortRepo.listApplicationsOf(db, actor.userId)]);
    const assignedCounts = new Map<string, number>();
    if (rows.some((r) => r.status === 'assigned')) {
      for (const r of rows.filter((x) => x.status === 'assigned')) {
        for (const a of await cohortRepo.listApplications(db, r.id)) if (a.application.groupId) assignedCounts.set(`${r.id}:${a.application.groupId}`, (assignedCounts.get(`${r.id}:${a.application.groupId}`) ?? 0) + 1);
      }
    }
    const manage = canManagePrograms(actor);
    const at = now();
    return rows.map((r) => {
      const application = mine.find((m) => m.programId === r.id) ?? null;
      const taking = r.status === 'open' && !isClosed(r, at);
      return {
        id: r.id, name: r.name, description: r.description, status: r.status,
        groups: groupRows.filter((g) => g.programId === r.id).map((g) => ({ groupId: g.groupId, name: g.group.name, capacity: g.capacity, assigned: assignedCounts.get(`${r.id}:${g.groupId}`) ?? 0 })),
        applicants: counts.get(r.id) ?? 0,
        createdAt: r.createdAt.toISOString(),
        assignedAt: r.assignedAt?.toISOString() ?? null,
        startsAt: r.startsAt?.toISOString() ?? null,
        applicationsCloseAt: r.applicationsCloseAt?.toISOString() ?? null,
        mine: { applied: application !== null, groupId: application?.groupId ?? null },
        abilities: {
          apply: taking && application === null,
          withdraw: r.status === 'open' && application !== null && application.groupId === null,
          manage,
          assign: manage && r.status === 'open',
          edit: manage,
          editSchedule: manage && r.status === 'open',
        },
      };
    });
  }

  /** The program as the edit rules see it, with how many people are placed in each group. */
  async function loadState(tx: Tx, program: cohortRepo.ProgramRow): Promise<ProgramState> {
    const [groupRows, applications] = await Promise.all([cohortRepo.listProgramGroups(tx, [program.id]), cohortRepo.listApplications(tx, program.id)]);
    return {
      status: program.status, name: program.name, description: program.description, startsAt: program.startsAt, applicationsCloseAt: program.applicationsCloseAt,
      groups: groupRows.map((g) => ({ groupId: g.groupId, capacity: g.capacity, assigned: applications.filter((a) => a.application.groupId === g.groupId).length })),
    };
  }

  async function checkGroupsInOrg(actor: Actor, groups: { groupId: string }[]) {
    const found = new Set((await cohortRepo.findOrgGroups(db, actor.orgId, groups.map((g) => g.groupId))).map((g) => g.id));
    const missing = groups.map((g, i) => (found.has(g.groupId) ? null : `groups.${i}.groupId`)).filter((p): p is string => p !== null);
    if (missing.length > 0) throw MatchingErrors.groupsNotFound(missing);
  }

  async function getVisible(actor: Actor, id: string) {
    const row = await cohortRepo.findProgram(db, id);
    if (!row || row.orgId !== actor.orgId) throw MatchingErrors.programNotFound();
    return row;
  }

  async function getManaged(actor: Actor, id: string) {
    const row = await getVisible(actor, id);
    if (!canManagePrograms(actor)) throw MatchingErrors.notProgramStaff();
    return row;
  }

  /** The optimal assignment for a program's current applicants (deterministic: same inputs, same answer). */
  async function computeAssignment(db2: typeof db | Tx, program: cohortRepo.ProgramRow): Promise<AssignmentPreview> {
    const groupRows = await cohortRepo.listProgramGroups(db2, [program.id]);
    const applications = await cohortRepo.listApplications(db2, program.id);
    const at = now();
    const starts = await deps.sessions.listUpcomingStarts(groupRows.map((g) => g.groupId), at, new Date(at.getTime() + HORIZON_MS));
    const groups = groupRows.map((g) => {
      const row = g.group;
      // Capacity is the program's, handled by the flow; balance does not apply to a cohort that has not met yet.
      const group: MatchGroup = {
        id: row.id, name: row.name, description: row.description, topics: row.topics, communities: row.communities, language: row.language, format: row.format,
        venue: row.venueLat !== null && row.venueLng !== null ? { lat: row.venueLat, lng: row.venueLng } : null,
        capacity: null, activeMembers: 0, acuteMembers: 0, upcomingStarts: starts.get(row.id) ?? [],
      };
      return { group, vector: embedGroup(row), capacity: g.capacity };
    });
    const people = await Promise.all(
      applications.map(async (a) => {
        const profile = deps.findProfile ? await deps.findProfile(a.application.userId) : null;
        const user = await repo.findUserBrief(db2, a.application.userId);
        const person = describePerson({
          text: profile?.text ?? '', challenges: profile?.challenges ?? [], communities: profile?.communities ?? [], languages: profile?.languages.length ? profile.languages : (user?.languages ?? []),
          timezone: profile?.timezone ?? user?.timezone ?? 'UTC', windows: profile?.windows ?? [], format: profile?.format ?? 'any', place: profile?.place ?? null, acute: false,
        });
        return { userId: a.application.userId, displayName: a.displayName, person };
      }),
    );
    const matches = people.map((p) => groups.map((g) => scoreGroup(p.person, g.group, g.vector)));
    const cost = matches.map((row) => row.map((m) => Math.max(0, Math.round((SCORE_CEILING - m.score) * 100))));
    const problem = { cost, capacity: groups.map((g) => g.capacity) };
    const exact = assignCohortsExact(problem);
    const greedy = assignCohortsGreedy(problem);
    const placements: AssignmentPreview['placements'] = [];
    const unassigned: AssignmentPreview['unassigned'] = [];
    const assigned = new Map<string, number>();
    people.forEach((p, i) => {
      const g = exact.groupOf[i]!;
      if (g < 0) return unassigned.push({ userId: p.userId, displayName: p.displayName });
      const m = matches[i]![g]!;
      const group = groups[g]!.group;
      assigned.set(group.id, (assigned.get(group.id) ?? 0) + 1);
      placements.push({ userId: p.userId, displayName: p.displayName, groupId: group.id, groupName: group.name, mismatch: cost[i]![g]!, summary: m.summary, reasons: m.reasons });
    });
    return {
      programId: program.id, totalMismatch: exact.total, greedyTotalMismatch: greedy.total, placements, unassigned,
      groups: groups.map((g) => ({ groupId: g.group.id, name: g.group.name, capacity: g.capacity, assigned: assigned.get(g.group.id) ?? 0 })),
    };
  }

  return {
    async listPrograms(actor: Actor) {
      return present(actor, await cohortRepo.listPrograms(db, actor.orgId));
    },

    async getProgram(actor: Actor, id: string) {
      return (await present(actor, [await getVisible(actor, id)]))[0]!;
    },

    /** A facilitator or admin sets up a program with its fixed groups and how many each takes. */
    async createProgram(actor: Actor, body: Omit<CreateProgramBody, 'startsAt' | 'applicationsCloseAt'> & Partial<Pick<CreateProgramBody, 'startsAt' | 'applicationsCloseAt'>>) {
      if (!canManagePrograms(actor)) throw MatchingErrors.notProgramStaff();
      await checkGroupsInOrg(actor, body.groups);
      const blank: ProgramState = { status: 'open', name: body.name, description: body.description, startsAt: null, applicationsCloseAt: null, groups: [] };
      const { problems, next } = planProgramEdit(blank, body, now());
      if (problems.length > 0) throw MatchingErrors.programEditProblems(problems);
      const row = await db.transaction(async (tx) => {
        const program = await cohortRepo.insertProgram(tx, {
          orgId: actor.orgId, name: body.name, description: body.description, startsAt: next.startsAt, applicationsCloseAt: next.applicationsCloseAt, createdBy: actor.userId,
        });
        await cohortRepo.insertProgramGroups(tx, body.groups.map((g) => ({ programId: program.id, groupId: g.groupId, capacity: g.capacity })));
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'cohort_program.created', entityType: 'cohort_program', entityId: program.id, data: { groups: body.groups.length } });
        return program;
      });
      return (await present(actor, [row]))[0]!;
    },

    /** A person applies; their intake profile is what they are matched on, so it must say what brings them here. */
    async applyToProgram(actor: Actor, id: string) {
      const program = await getVisible(actor, id);
      if (program.status !== 'open') throw MatchingErrors.programClosed();
      if (isClosed(program, now())) throw MatchingErrors.applicationsClosed();
      const profile = deps.findProfile ? await deps.findProfile(actor.userId) : null;
      if (!profile || profile.text.trim().length === 0) throw MatchingErrors.profileNeeded();
      await db.transaction(async (tx) => {
        await cohortRepo.upsertApplication(tx, program.id, actor.userId);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'cohort_program.applied', entityType: 'cohort_program', entityId: program.id });
      });
      return (await present(actor, [program]))[0]!;
    },

    /**
     * A person takes their application back before the groups are assigned: it is deleted (not kept as "withdrawn"),
     * so staff no longer see them and the assignment leaves them out. The program row is locked, as when applying the
     * assignment, so a withdrawal and an assignment never cross.
     */
    async withdrawApplication(actor: Actor, id: string) {
      const program = await getVisible(actor, id);
      await db.transaction(async (tx) => {
        const locked = await cohortRepo.lockProgram(tx, program.id);
        if (!locked || locked.status !== 'open') throw MatchingErrors.programAssignedWithdraw();
        if (!(await cohortRepo.deleteApplication(tx, program.id, actor.userId))) throw MatchingErrors.notApplied();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'cohort_program.withdrawn', entityType: 'cohort_program', entityId: program.id });
      });
      return (await present(actor, [(await cohortRepo.findProgram(db, program.id))!]))[0]!;
    },

    /**
     * Staff edit a program. The rules (what may change in which state) are in `planProgramEdit`; the program row is
     * locked so an edit and the assignment never cross. When the dates move or a group is added or taken away, each
     * applicant is told, after commit, with a link to the program, where they can also withdraw.
     */
    async updateProgram(actor: Actor, id: string, body: UpdateProgramBody) {
      await getManaged(actor, id);
      if (body.groups) await checkGroupsInOrg(actor, body.groups);
      const result = await db.transaction(async (tx) => {
        const program = await cohortRepo.lockProgram(tx, id);
        if (!program) throw MatchingErrors.programNotFound();
        const plan = planProgramEdit(await loadState(tx, program), body, now());
        if (plan.locked.length > 0) throw MatchingErrors.programAssignedEdit(plan.locked);
        if (plan.problems.length > 0) throw MatchingErrors.programEditProblems(plan.problems);
        if (plan.changed.length === 0) return { program, told: 0 };
        const { next } = plan;
        await cohortRepo.updateProgram(tx, program.id, { name: next.name, description: next.description, startsAt: next.startsAt, applicationsCloseAt: next.applicationsCloseAt });
        if (plan.changed.includes('groups')) await cohortRepo.replaceProgramGroups(tx, program.id, next.groups);
        let told = 0;
        if (plan.meaningful && notifier) {
          const stamp = now().getTime();
          for (const a of await cohortRepo.listApplications(tx, program.id)) {
            if (a.application.userId === actor.userId) continue;
            const params: Record<string, string> = { program: next.name };
            if (next.startsAt) params.startsAt = next.startsAt.toISOString();
            await notifier.notify({ userId: a.application.userId, kind: 'matching.cohort_program_changed', url: `/programs/${program.id}`, params, dedupeKey: `cohort-changed:${program.id}:${a.application.userId}:${stamp}` }, tx);
            told++;
          }
        }
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'cohort_program.updated', entityType: 'cohort_program', entityId: program.id, data: { fields: plan.changed, told } });
        return { program: (await cohortRepo.findProgram(tx, program.id))!, told };
      });
      if (result.told > 0) logger.info({ programId: id, told: result.told }, 'cohort program changed; applicants told');
      return (await present(actor, [result.program]))[0]!;
    },

    /** Applicants with what matching reads from their profile (topics, languages); never their own words. */
    async listApplicants(actor: Actor, id: string) {
      const program = await getManaged(actor, id);
      const rows = await cohortRepo.listApplications(db, program.id);
      return Promise.all(
        rows.map(async (r) => {
          const profile = deps.findProfile ? await deps.findProfile(r.application.userId) : null;
          const topics = profile ? classifyTopics([profile.text, ...profile.challenges].join('. '), 2).filter((t, i) => i === 0 || t.p >= 0.2).map((t) => t.topic) : [];
          return { userId: r.application.userId, displayName: r.displayName, appliedAt: r.application.createdAt.toISOString(), topics, languages: profile?.languages ?? [], groupId: r.application.groupId };
        }),
      );
    },

    /** The assignment that minimises total mismatch, with each person's reasons; nothing changes yet. */
    async previewAssignment(actor: Actor, id: string): Promise<AssignmentPreview> {
      const program = await getManaged(actor, id);
      if (program.status !== 'open') throw MatchingErrors.programAssigned();
      return computeAssignment(db, program);
    },

    /** Applies the optimal assignment: enrols everyone in their group, in one transaction, then tells each person. */
    async applyAssignment(actor: Actor, id: string): Promise<AssignmentPreview> {
      await getManaged(actor, id);
      if (!deps.groups) throw new Error('cohort assignment needs the groups module');
      const groupsPort = deps.groups;
      const preview = await db.transaction(async (tx) => {
        const program = await cohortRepo.lockProgram(tx, id);
        if (!program) throw MatchingErrors.programNotFound();
        if (program.status !== 'open') throw MatchingErrors.programAssigned();
        const result = await computeAssignment(tx, program);
        for (const g of result.groups) {
          const userIds = result.placements.filter((p) => p.groupId === g.groupId).map((p) => p.userId);
          if (userIds.length > 0) await groupsPort.enrolMembers(tx, { orgId: actor.orgId, groupId: g.groupId, userIds, actorId: actor.userId });
        }
        for (const p of result.placements) await cohortRepo.setApplicationGroup(tx, program.id, p.userId, p.groupId);
        await cohortRepo.updateProgram(tx, program.id, { status: 'assigned', assignedAt: now() });
        await writeAudit(tx, {
          orgId: actor.orgId, actorId: actor.userId, action: 'cohort_program.assigned', entityType: 'cohort_program', entityId: program.id,
          data: { placed: result.placements.length, unassigned: result.unassigned.length, totalMismatch: result.totalMismatch },
        });
        if (notifier) {
          for (const p of result.placements) {
            await notifier.notify({ userId: p.userId, kind: 'matching.cohort_assigned', url: `/groups/${p.groupId}`, params: { program: program.name, group: p.groupName }, dedupeKey: `cohort:${program.id}:${p.userId}` }, tx);
          }
        }
        return result;
      });
      logger.info({ programId: id, placed: preview.placements.length }, 'cohort assignment applied');
      return preview;
    },
  };
}
