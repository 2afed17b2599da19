import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { SupervisionErrors } from './supervision.errors.ts';
import { canBeSupervisor, canCancelMeeting, canManageAssignments, canRescheduleMeeting, canReviewActivity, canViewActivity, canViewMeeting } from './supervision.policy.ts';
import * as repo from './supervision.repo.ts';
import type { Activity, CreateActivityBody, FeedbackBody, MeetingBody, RescheduleBody, ReviewBody } from './supervision.schemas.ts';
import { createDashboards } from './supervision.dashboards.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export type { CaseloadPort, CertificatePort, ConversationPort, SupervisionDeps } from './supervision.deps.ts';

export type SupervisionService = ReturnType<typeof createSupervisionService>;

const MINUTE = 60_000;
/** The neutral title calendars and reminders show: never the agenda or anyone's name. */
const MEETING_TITLE = 'Supervision session';

/** Members' ratings of a supporter's one-to-one conversations (1 to 5). */
export type SupporterRating = { count: number; average: number | null; lastRatedAt: Date | null };

/** Supervision: assignments, the activity log, review and sign-off, meetings, feedback and dashboards. */
export function createSupervisionService(input: Omit<SupervisionDeps, 'now'> & { now?: () => Date }) {
  const deps: SupervisionDeps = { ...input, now: input.now ?? (() => new Date()) };
  const { db, cipher, now, notifier } = deps;
  const dashboards = createDashboards(deps);

  const isSupervisorOf = async (supervisorId: string, supporterId: string) => (await repo.findActiveAssignment(db, supervisorId, supporterId)) !== null;

  async function presentActivities(actor: Actor, rows: repo.ActivityRow[]): Promise<Activity[]> {
    const comments = await repo.listComments(db, rows.map((r) => r.id));
    const people = await repo.listPeople(db, [...rows.flatMap((r) => [r.supporterId, r.reviewedBy ?? '']), ...comments.map((c) => c.authorId ?? '')].filter(Boolean));
    const supervising = new Map<string, boolean>();
    for (const id of new Set(rows.map((r) => r.supporterId))) supervising.set(id, await isSupervisorOf(actor.userId, id));
    const person = (id: string | null) => (id ? (people.get(id) ?? { id, displayName: 'Someone' }) : null);
    return rows.map((r) => ({
      id: r.id,
      supporter: person(r.supporterId)!,
      category: r.category,
      occurredAt: r.occurredAt.toISOString(),
      durationMinutes: r.durationMinutes,
      notes: r.notesCiphertext ? cipher.decrypt(r.notesCiphertext) : null,
      conversationId: r.conversationId,
      status: r.status,
      reviewedBy: person(r.reviewedBy),
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      comments: comments.filter((c) => c.activityId === r.id).map((c) => ({ id: c.id, author: person(c.authorId), body: cipher.decrypt(c.bodyCiphertext), createdAt: c.createdAt.toISOString() })),
      abilities: { review: canReviewActivity(actor, r, supervising.get(r.supporterId)!) && r.status !== 'signed_off', comment: true },
    }));
  }

  async function getVisibleActivity(actor: Actor, id: string) {
    const row = await repo.findActivity(db, id);
    if (!row || row.orgId !== actor.orgId) throw SupervisionErrors.activityNotFound();
    const supervising = await isSupervisorOf(actor.userId, row.supporterId);
    if (!canViewActivity(actor, row, supervising)) throw SupervisionErrors.activityNotFound();
    return { row, supervising };
  }

  /** A meeting the actor takes part in, or a 404 (its existence stays hidden from everyone else). */
  async function getVisibleMeeting(actor: Actor, id: string) {
    const meeting = await repo.findMeeting(db, id);
    if (!meeting || meeting.orgId !== actor.orgId || !canViewMeeting(actor, meeting)) throw SupervisionErrors.meetingNotFound();
    return meeting;
  }

  async function presentOne(actor: Actor, id: string) {
    return (await presentActivities(actor, [(await repo.findActivity(db, id))!]))[0]!;
  }

  return {
    /** Signed-off practice minutes: the only minutes that count toward certification. */
    async signedOffPracticeMinutes(userId: string): Promise<number> {
      return (await repo.sumMinutes(db, userId, now())).signedOff;
    },

    /** An admin assigns a clinician or a certified senior supporter to supervise a supporter. */
    async assignSupervisor(actor: Actor, body: { supervisorId: string; supporterId: string }) {
      if (!canManageAssignments(actor)) throw SupervisionErrors.notAdmin();
      const supervisor = await repo.findUser(db, body.supervisorId);
      const supporter = await repo.findUser(db, body.supporterId);
      if (!supervisor || supervisor.orgId !== actor.orgId) throw SupervisionErrors.personNotFound('supervisorId');
      if (!supporter || supporter.orgId !== actor.orgId) throw SupervisionErrors.personNotFound('supporterId');
      if (supervisor.id === supporter.id) throw SupervisionErrors.selfSupervision();
      if (!canBeSupervisor(supervisor, await deps.certificates.hasActiveCertificate(supervisor.id, 'peer_supporter'))) throw SupervisionErrors.cannotSupervise();
      const row = await db.transaction(async (tx) => {
        if (await repo.findActiveAssignment(tx, supervisor.id, supporter.id)) throw SupervisionErrors.alreadyAssigned();
        const a = await repo.insertAssignment(tx, { orgId: actor.orgId, supervisorId: supervisor.id, supporterId: supporter.id, assignedBy: actor.userId });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.assigned', entityType: 'supervision_assignment', entityId: a.id, data: { supervisorId: supervisor.id, supporterId: supporter.id } });
        return a;
      });
      return { id: row.id, supervisor: { id: supervisor.id, displayName: supervisor.displayName }, supporter: { id: supporter.id, displayName: supporter.displayName }, createdAt: row.createdAt.toISOString() };
    },

    async endAssignment(actor: Actor, id: string) {
      if (!canManageAssignments(actor)) throw SupervisionErrors.notAdmin();
      const row = await repo.findAssignment(db, id);
      if (!row || row.orgId !== actor.orgId || row.endedAt) throw SupervisionErrors.activityNotFound();
      await db.transaction(async (tx) => {
        await repo.endAssignment(tx, id, now());
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.unassigned', entityType: 'supervision_assignment', entityId: id });
      });
      return { ok: true as const };
    },

    /** A supporter logs an activity; notes are encrypted. Entries from a conversation are logged once. */
    async logActivity(actor: Actor, body: CreateActivityBody) {
      const occurredAt = new Date(body.occurredAt);
      if (occurredAt.getTime() > now().getTime() + 5 * MINUTE) throw SupervisionErrors.inFuture();
      if (body.conversationId) {
        const c = await deps.conversations?.getConversation(actor, body.conversationId).catch(() => null);
        if (!c || c.myRole !== 'supporter') throw SupervisionErrors.conversationNotFound();
      }
      const row = await db.transaction(async (tx) => {
        const a = await repo.insertActivity(tx, {
          orgId: actor.orgId, supporterId: actor.userId, category: body.category, occurredAt, durationMinutes: body.durationMinutes,
          notesCiphertext: body.notes ? cipher.encrypt(body.notes) : null, conversationId: body.conversationId ?? null,
        });
        if (!a) throw SupervisionErrors.alreadyLogged();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.activity_logged', entityType: 'supervision_activity', entityId: a.id, data: { category: body.category, minutes: body.durationMinutes } });
        return a;
      });
      return presentOne(actor, row.id);
    },

    /** A draft entry from a one-to-one conversation the supporter took part in and that has ended. */
    async prefillFromConversation(actor: Actor, conversationId: string) {
      if (!deps.conversations) throw SupervisionErrors.conversationNotFound();
      const c = await deps.conversations.getConversation(actor, conversationId).catch(() => null);
      if (!c || c.myRole !== 'supporter') throw SupervisionErrors.conversationNotFound();
      if (c.status !== 'closed' || !c.respondedAt || !c.roomId) throw SupervisionErrors.conversationNotOver();
      const started = new Date(c.respondedAt);
      const last = (await deps.conversations.lastMessageAt(actor, c.roomId)) ?? started;
      const minutes = Math.min(720, Math.max(5, Math.ceil((last.getTime() - started.getTime()) / MINUTE / 5) * 5));
      return { category: 'emotional_support' as const, occurredAt: started.toISOString(), durationMinutes: minutes, conversationId };
    },

    async listMyActivities(actor: Actor) {
      return { activities: await presentActivities(actor, await repo.listActivities(db, actor.userId)) };
    },

    async listSupporterActivities(actor: Actor, supporterId: string) {
      if (!(await isSupervisorOf(actor.userId, supporterId))) throw SupervisionErrors.notSupervisorOf();
      return { activities: await presentActivities(actor, await repo.listActivities(db, supporterId)) };
    },

    async commentOnActivity(actor: Actor, id: string, body: string) {
      const { row } = await getVisibleActivity(actor, id);
      await db.transaction(async (tx) => {
        await repo.insertComment(tx, { activityId: row.id, authorId: actor.userId, bodyCiphertext: cipher.encrypt(body) });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.commented', entityType: 'supervision_activity', entityId: row.id });
      });
      if (row.supporterId !== actor.userId) await notifier?.notify({ userId: row.supporterId, kind: 'supervision.comment', url: '/supervision', dedupeKey: `supervision-comment:${row.id}:${now().getTime()}` });
      return presentOne(actor, id);
    },

    /** The assigned supervisor signs off (the minutes then count toward certification) or returns the entry with a comment. */
    async reviewActivity(actor: Actor, id: string, body: ReviewBody) {
      const { row, supervising } = await getVisibleActivity(actor, id);
      if (!canReviewActivity(actor, row, supervising)) throw SupervisionErrors.notReviewable();
      await db.transaction(async (tx) => {
        const locked = (await repo.lockActivity(tx, id))!;
        if (locked.status === 'signed_off') throw SupervisionErrors.alreadyReviewed();
        await repo.updateActivity(tx, id, { status: body.decision === 'sign_off' ? 'signed_off' : 'returned', reviewedBy: actor.userId, reviewedAt: now() });
        if (body.comment) await repo.insertComment(tx, { activityId: id, authorId: actor.userId, bodyCiphertext: cipher.encrypt(body.comment) });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: body.decision === 'sign_off' ? 'supervision.signed_off' : 'supervision.returned', entityType: 'supervision_activity', entityId: id, data: { minutes: row.durationMinutes } });
      });
      await notifier?.notify({ userId: row.supporterId, kind: `supervision.${body.decision === 'sign_off' ? 'signed_off' : 'returned'}`, url: '/supervision', dedupeKey: `supervision-review:${id}:${body.decision}` });
      return presentOne(actor, id);
    },

    /**
     * A supervisor schedules a supervision session with one of their supporters. It is a private session on the
     * sessions module, so both get its reminders, it appears in their calendar feeds, and the supporter is told.
     */
    async scheduleMeeting(actor: Actor, body: MeetingBody) {
      if (!(await isSupervisorOf(actor.userId, body.supporterId))) throw SupervisionErrors.notSupervisorOf();
      const startsAt = new Date(body.startsAt);
      if (startsAt.getTime() <= now().getTime()) throw SupervisionErrors.meetingInPast();
      const row = await db.transaction(async (tx) => {
        const session = await deps.sessions.schedulePrivateSession(tx, {
          orgId: actor.orgId, organizerId: actor.userId, guestIds: [body.supporterId], purpose: 'supervision', title: MEETING_TITLE, startsAt, durationMinutes: body.durationMinutes,
        });
        const m = await repo.insertMeeting(tx, { orgId: actor.orgId, supervisorId: actor.userId, supporterId: body.supporterId, sessionId: session.id, agendaCiphertext: body.agenda ? cipher.encrypt(body.agenda) : null });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.meeting_scheduled', entityType: 'supervision_meeting', entityId: m.id });
        return m;
      });
      return (await dashboards.presentMeetings(actor, [row], { upcoming: false }))[0]!;
    },

    /** The supervisor moves a session; reminders follow the new time and the supporter is told. */
    async rescheduleMeeting(actor: Actor, id: string, body: RescheduleBody) {
      const meeting = await getVisibleMeeting(actor, id);
      if (!canRescheduleMeeting(actor, meeting)) throw SupervisionErrors.notMeetingHost();
      const startsAt = new Date(body.startsAt);
      if (startsAt.getTime() <= now().getTime()) throw SupervisionErrors.meetingInPast();
      await db.transaction(async (tx) => {
        await deps.sessions.reschedulePrivateSession(tx, meeting.sessionId, { startsAt, ...(body.durationMinutes ? { durationMinutes: body.durationMinutes } : {}) }, actor.userId);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.meeting_moved', entityType: 'supervision_meeting', entityId: id });
      });
      return (await dashboards.presentMeetings(actor, [meeting], { upcoming: false }))[0]!;
    },

    /** Either person cancels a session; its reminders stop and the other person is told. */
    async cancelMeeting(actor: Actor, id: string) {
      const meeting = await getVisibleMeeting(actor, id);
      if (!canCancelMeeting(actor, meeting)) throw SupervisionErrors.meetingNotFound();
      await db.transaction(async (tx) => {
        await deps.sessions.cancelPrivateSession(tx, meeting.sessionId, actor.userId);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.meeting_cancelled', entityType: 'supervision_meeting', entityId: id });
      });
      return (await dashboards.presentMeetings(actor, [meeting], { upcoming: false }))[0]!;
    },

    /**
     * Members' ratings of supporters' one-to-one conversations, summarised per supporter (count, average to one
     * decimal, latest). For matching and other modules; people without ratings get { count: 0, average: null }.
     */
    async getSupporterRatings(userIds: string[]): Promise<Map<string, SupporterRating>> {
      const rows = await repo.summarizeFeedback(db, [...new Set(userIds)]);
      const out = new Map<string, SupporterRating>(userIds.map((id) => [id, { count: 0, average: null, lastRatedAt: null }]));
      for (const r of rows) out.set(r.supporterId, { count: r.count, average: Math.round(r.average * 10) / 10, lastRatedAt: new Date(r.lastAt) });
      return out;
    },

    /** A member rates a one-to-one conversation they asked for, once it has ended. */
    async rateConversation(actor: Actor, body: FeedbackBody) {
      const c = await deps.conversations?.getConversation(actor, body.conversationId).catch(() => null);
      if (!c) throw SupervisionErrors.conversationNotFound();
      if (c.myRole !== 'member') throw SupervisionErrors.notYourConversation();
      if (c.status !== 'closed') throw SupervisionErrors.conversationNotOver();
      await db.transaction(async (tx) => {
        const row = await repo.insertFeedback(tx, { orgId: actor.orgId, supporterId: c.supporterId, memberId: actor.userId, conversationId: body.conversationId, rating: body.rating, commentCiphertext: body.comment ? cipher.encrypt(body.comment) : null });
        if (!row) throw SupervisionErrors.alreadyRated();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supervision.feedback_given', entityType: 'supporter_feedback', entityId: row.id });
      });
      return { ok: true as const };
    },

    /**
     * What each person may do about an ended one-to-one conversation: the member rates it once; the supporter logs it
     * once (pre-filled). Anyone else gets a 404, as for the conversation itself.
     */
    async getConversationFollowUp(actor: Actor, conversationId: string) {
      const c = await deps.conversations?.getConversation(actor, conversationId).catch(() => null);
      if (!c) throw SupervisionErrors.conversationNotFound();
      const ended = c.status === 'closed' && c.respondedAt !== null;
      if (c.myRole === 'member') {
        const feedback = await repo.findFeedbackFor(db, conversationId);
        return { rating: feedback?.rating ?? null, abilities: { rate: ended && !feedback, logActivity: false } };
      }
      const logged = await repo.findActivityForConversation(db, actor.userId, conversationId);
      return { rating: null, abilities: { rate: false, logActivity: ended && !logged } };
    },

    ...dashboards.useCases,
  };
}
