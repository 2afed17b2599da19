import type { Actor } from '../../platform/http/actor.ts';
import { canBeSupervisor, canCancelMeeting, canManageAssignments, canRescheduleMeeting } from './supervision.policy.ts';
import type { Meeting } from './supervision.schemas.ts';
import * as repo from './supervision.repo.ts';
import { SupervisionErrors } from './supervision.errors.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const DAY = 86_400_000;

/** The supervisor's caseload view and the supporter's own dashboard. */
export function createDashboards(deps: SupervisionDeps) {
  const { db, cipher, now } = deps;

  /**
   * Supervision meetings joined to their private sessions (time and status live there), with what the viewer may do.
   * `upcoming` keeps scheduled meetings that have not ended, soonest first.
   */
  async function presentMeetings(actor: Actor, rows: repo.MeetingRow[], opts: { upcoming: boolean }): Promise<Meeting[]> {
    const sessions = new Map((await deps.sessions.listPrivateSessions(rows.map((m) => m.sessionId))).map((s) => [s.id, s]));
    const people = await repo.listPeople(db, rows.flatMap((m) => [m.supervisorId, m.supporterId]));
    const person = (id: string) => people.get(id) ?? { id, displayName: 'Someone' };
    const at = now();
    const out: Meeting[] = [];
    for (const m of rows) {
      const s = sessions.get(m.sessionId);
      if (!s || (opts.upcoming && (s.status === 'cancelled' || s.endsAt <= at))) continue;
      const open = s.status === 'scheduled' && s.endsAt > at;
      out.push({
        id: m.id,
        sessionId: s.id,
        supervisor: person(m.supervisorId),
        supporter: person(m.supporterId),
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        durationMinutes: Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
        status: s.status,
        agenda: m.agendaCiphertext ? cipher.decrypt(m.agendaCiphertext) : null,
        abilities: { reschedule: open && canRescheduleMeeting(actor, m), cancel: open && canCancelMeeting(actor, m) },
      });
    }
    return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  async function hoursOf(supporterId: string) {
    const sums = await repo.sumMinutes(db, supporterId, new Date(now().getTime() - 30 * DAY));
    return { sums, hours: { signedOffMinutes: sums.signedOff, pendingMinutes: sums.pending, last30DaysMinutes: sums.recent } };
  }

  async function feedbackOf(supporterId: string) {
    const rows = await repo.listFeedback(db, supporterId);
    const average = rows.length ? Math.round((rows.reduce((s, r) => s + r.rating, 0) / rows.length) * 10) / 10 : null;
    return { rows, count: rows.length, average };
  }

  return {
    presentMeetings,
    useCases: {
      /** Each supervised supporter's load (open one-to-one conversations), recent escalations, feedback and hours, plus upcoming sessions. */
      async getCaseload(actor: Actor) {
        const assignments = await repo.listAssignments(db, { orgId: actor.orgId, supervisorId: actor.userId });
        if (assignments.length === 0 && actor.role !== 'clinician' && !canManageAssignments(actor)) throw SupervisionErrors.notSupervisor();
        const ids = assignments.map((a) => a.supporterId);
        const people = await repo.listPeople(db, ids);
        const since = new Date(now().getTime() - 30 * DAY);
        const open = ids.length && deps.caseload?.countOpenConversations ? await deps.caseload.countOpenConversations(ids) : null;
        const cases = ids.length && deps.caseload?.countSafetyCases ? await deps.caseload.countSafetyCases(ids, since) : null;
        const supporters = [];
        for (const a of assignments) {
          const { sums, hours } = await hoursOf(a.supporterId);
          const feedback = await feedbackOf(a.supporterId);
          supporters.push({
            supporter: people.get(a.supporterId) ?? { id: a.supporterId, displayName: 'Someone' },
            load: { openConversations: open ? (open.get(a.supporterId) ?? 0) : null, activitiesLast30Days: sums.recentCount, minutesLast30Days: sums.recent },
            recentEscalations: { safetyCases: cases ? (cases.get(a.supporterId) ?? 0) : null, crisisReferrals: sums.recentCrisis },
            feedback: { count: feedback.count, average: feedback.average },
            hours,
            awaitingReview: sums.awaiting,
          });
        }
        return { supporters, meetings: await presentMeetings(actor, await repo.listMeetings(db, { supervisorId: actor.userId }), { upcoming: true }) };
      },

      /** My hours, feedback, certificates' state and what is due next. */
      async getMyDashboard(actor: Actor) {
        const { hours } = await hoursOf(actor.userId);
        const feedback = await feedbackOf(actor.userId);
        const assignments = await repo.listAssignments(db, { orgId: actor.orgId, supporterId: actor.userId });
        const supervisors = [...(await repo.listPeople(db, assignments.map((a) => a.supervisorId))).values()];
        const meetings = await presentMeetings(actor, await repo.listMeetings(db, { supporterId: actor.userId }), { upcoming: true });
        const certificates = await deps.certificates.listMine(actor);
        const due: Array<{ kind: string; params: Record<string, string | number> }> = [];
        for (const m of meetings.slice(0, 3)) due.push({ kind: 'meeting', params: { startsAt: m.startsAt, with: m.supervisor.displayName } });
        if (hours.pendingMinutes > 0) due.push({ kind: 'awaiting_sign_off', params: { minutes: hours.pendingMinutes } });
        const held = new Set(certificates.certificates.filter((c) => c.status === 'valid').map((c) => c.kind));
        for (const c of certificates.certificates) {
          const left = new Date(c.expiresAt).getTime() - now().getTime();
          if (c.status === 'valid' && left < certificates.settings.warningDays * DAY) due.push({ kind: 'certificate_expiring', params: { certificate: c.kind, expiresAt: c.expiresAt } });
          if (c.status === 'expired' && !held.has(c.kind)) due.push({ kind: 'certificate_expired', params: { certificate: c.kind } });
        }
        for (const e of certificates.eligibility) {
          if (held.has(e.kind)) continue;
          if (e.eligible) due.push({ kind: 'certificate_ready', params: { certificate: e.kind } });
          else for (const r of e.requirements.filter((x) => !x.met)) due.push({ kind: `requirement_${r.key}`, params: { certificate: e.kind, have: r.have, need: r.need } });
        }
        return {
          hours,
          byCategory: await repo.minutesByCategory(db, actor.userId),
          feedback: {
            count: feedback.count,
            average: feedback.average,
            recent: feedback.rows.slice(0, 5).map((f) => ({ rating: f.rating, comment: f.commentCiphertext ? cipher.decrypt(f.commentCiphertext) : null, createdAt: f.createdAt.toISOString() })),
          },
          supervisors,
          meetings,
          due,
        };
      },

      /** Who an admin may choose in the assignment form: supervisors (clinicians, certified supporters) and supporters. */
      async listCandidates(actor: Actor) {
        if (!canManageAssignments(actor)) throw SupervisionErrors.notAdmin();
        const people = await repo.listOrgPeople(db, actor.orgId, ['clinician', 'peer_supporter', 'facilitator']);
        const supervisors = [];
        for (const p of people) {
          const certified = p.role !== 'clinician' && (await deps.certificates.hasActiveCertificate(p.id, 'peer_supporter'));
          if (canBeSupervisor(p, certified)) supervisors.push({ id: p.id, displayName: p.displayName });
        }
        return { supervisors, supporters: people.filter((p) => p.role !== 'clinician').map((p) => ({ id: p.id, displayName: p.displayName })) };
      },

      /** The people I supervise (for the schedule form). */
      async listMyAssignments(actor: Actor) {
        const rows = await repo.listAssignments(db, { orgId: actor.orgId, ...(canManageAssignments(actor) ? {} : { supervisorId: actor.userId }) });
        const people = await repo.listPeople(db, rows.flatMap((a) => [a.supervisorId, a.supporterId]));
        const person = (id: string) => people.get(id) ?? { id, displayName: 'Someone' };
        return { assignments: rows.map((a) => ({ id: a.id, supervisor: person(a.supervisorId), supporter: person(a.supporterId), createdAt: a.createdAt.toISOString() })) };
      },
    },
  };
}
