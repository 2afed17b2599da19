import { writeAudit, type Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { openOrJoinCase } from './case-routing.ts';
import { SAFETY_COPY } from './safety.copy.ts';
import { oncallRoom, userRoom, type SafetyDeps } from './safety.deps.ts';
import { SafetyErrors } from './safety.errors.ts';
import { canAcknowledgeCase, canActOnCase, canViewCase, isSafetyStaff } from './safety.policy.ts';
import { pickSections, presentCaseEvent, presentCaseSummary } from './safety.presenter.ts';
import * as repo from './safety.repo.ts';
import type { CaseDetail, CasesQuery } from './safety.schemas.ts';

/** How many messages either side of the flagged one the case view shows. */
const CONTEXT_AROUND = 5;

/** What on-call staff do with a case: the queue, the case view, acknowledge, notes, contact and the outcome. */
export function createCaseWork(deps: SafetyDeps) {
  const { db, hub, cipher, now, chat } = deps;

  async function getViewableCase(actor: Actor, id: string) {
    const row = await repo.findCaseListRow(db, id);
    if (!row || !canViewCase(actor, row.c)) throw SafetyErrors.caseNotFound();
    return row;
  }

  const invalidate = (orgId: string) => hub.publish(oncallRoom(orgId), { type: 'invalidate', keys: ['safety.cases'] }).catch(() => {});

  async function buildDetail(actor: Actor, id: string): Promise<CaseDetail> {
    const row = await getViewableCase(actor, id);
    const { c } = row;
    const [events, history, plan] = await Promise.all([repo.listCaseEvents(db, c.id), repo.listRiskHistory(db, c.subjectUserId), repo.findPlan(db, c.subjectUserId)]);
    let messages: CaseDetail['context']['messages'] = [];
    if (c.sourceKind === 'chat_message' && c.roomId && c.sourceId) {
      const around = await chat.listMessagesAround(c.roomId, c.sourceId, CONTEXT_AROUND);
      messages = around.map((m) => ({ id: m.id, seq: m.seq, author: m.author, body: m.body, createdAt: m.createdAt, flagged: m.id === c.sourceId }));
    }
    const forumPost = c.sourceKind === 'forum_post' && c.sourceId && deps.findForumPost ? await deps.findForumPost(c.sourceId) : null;
    return {
      ...presentCaseSummary(row, actor, now()),
      outcomeNotes: c.outcomeNotesCiphertext ? cipher.decrypt(c.outcomeNotesCiphertext) : null,
      timeline: events.map((e) => presentCaseEvent(e, cipher)),
      context: { roomId: c.roomId, messages, forumPost },
      riskHistory: history.map((h) => ({ level: h.level, score: h.score, reasons: h.reasons, sourceKind: h.sourceKind, at: h.at.toISOString() })),
      // The plan is the person's own; staff see it only when they chose to share it.
      safetyPlan: plan?.shareWithOncall ? pickSections(JSON.parse(cipher.decrypt(plan.planCiphertext))) : null,
    };
  }

  /** Runs a state change on a locked case, with its timeline event and audit row in one transaction. */
  async function change(actor: Actor, id: string, kind: 'acknowledged' | 'note' | 'outcome' | 'contacted', apply: (tx: Tx, c: repo.CaseRow) => Promise<Record<string, unknown>>) {
    await getViewableCase(actor, id);
    const orgId = await db.transaction(async (tx) => {
      const c = await repo.lockCase(tx, id);
      if (!c) throw SafetyErrors.caseNotFound();
      const data = await apply(tx, c);
      await repo.insertCaseEvent(tx, { caseId: id, kind, actorId: actor.userId, at: now(), data });
      const { textCiphertext: _omit, ...auditData } = data;
      await writeAudit(tx, { orgId: c.orgId, actorId: actor.userId, action: `safety_case.${kind}`, entityType: 'safety_case', entityId: id, data: auditData });
      return c.orgId;
    });
    await invalidate(orgId);
  }

  return {
    /** The queue: severity first, then who has waited longest. */
    async listCases(actor: Actor, query: CasesQuery) {
      if (!isSafetyStaff(actor)) throw SafetyErrors.notSafetyStaff();
      const at = now();
      const { status, level, kind, outcome, days } = query;
      const filters = { level, kind, outcome, ...(days ? { openedSince: new Date(at.getTime() - days * 86_400_000) } : {}) };
      const rows = await repo.listCases(db, actor.orgId, status === 'active' ? ['open', 'acknowledged'] : ['resolved'], filters);
      return rows.filter((r) => canViewCase(actor, r.c)).map((r) => presentCaseSummary(r, actor, at));
    },

    /** The case view. Opening it is recorded: the timeline shows who saw what and when. */
    async getCase(actor: Actor, id: string): Promise<CaseDetail> {
      const row = await getViewableCase(actor, id);
      await db.transaction(async (tx) => {
        await repo.insertCaseEvent(tx, { caseId: id, kind: 'viewed', actorId: actor.userId, at: now(), data: {} });
        await writeAudit(tx, { orgId: row.c.orgId, actorId: actor.userId, action: 'safety_case.viewed', entityType: 'safety_case', entityId: id });
      });
      return buildDetail(actor, id);
    },

    async acknowledge(actor: Actor, id: string) {
      await change(actor, id, 'acknowledged', async (tx, c) => {
        if (c.status === 'resolved') throw SafetyErrors.caseResolved();
        if (!canAcknowledgeCase(actor, c)) throw SafetyErrors.caseAcknowledged();
        const at = now();
        await repo.updateCase(tx, c.id, { status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: actor.userId });
        return { waitedSeconds: Math.round((at.getTime() - c.openedAt.getTime()) / 1000), tier: c.tier };
      });
      return buildDetail(actor, id);
    },

    async addNote(actor: Actor, id: string, text: string) {
      await change(actor, id, 'note', async () => ({ textCiphertext: cipher.encrypt(text) }));
      return buildDetail(actor, id);
    },

    async recordOutcome(actor: Actor, id: string, outcome: 'resolved' | 'referred' | 'emergency_services' | 'false_alarm', notes?: string) {
      await change(actor, id, 'outcome', async (tx, c) => {
        if (!canActOnCase(actor, c)) throw SafetyErrors.caseResolved();
        const at = now();
        await repo.updateCase(tx, c.id, {
          status: 'resolved', resolvedAt: at, outcome, outcomeNotesCiphertext: notes ? cipher.encrypt(notes) : null,
          // Closing a case that nobody acknowledged still records who took it.
          ...(c.acknowledgedAt ? {} : { acknowledgedAt: at, acknowledgedBy: actor.userId }),
        });
        return { outcome };
      });
      return buildDetail(actor, id);
    },

    /** Opens (or reopens) a one-to-one chat between the on-call worker and the person. */
    async contact(actor: Actor, id: string) {
      const { c } = await getViewableCase(actor, id);
      if (!canActOnCase(actor, c)) throw SafetyErrors.caseResolved();
      const conversation = await chat.openStaffConversation({ userId: actor.userId, orgId: actor.orgId }, c.subjectUserId);
      await change(actor, id, 'contacted', async (tx, c2) => {
        // Reaching out to the person is an acknowledgement too.
        if (c2.status === 'open') await repo.updateCase(tx, c2.id, { status: 'acknowledged', acknowledgedAt: now(), acknowledgedBy: actor.userId });
        return conversation;
      });
      return conversation;
    },

    /** "Talk to someone now": the person asks for a human; on-call is alerted at once. */
    async talkNow(actor: Actor) {
      const routed = await db.transaction(async (tx) =>
        openOrJoinCase(deps, tx, {
          orgId: actor.orgId, subjectUserId: actor.userId, kind: 'self_request', sourceKind: 'self_request', sourceId: null, roomId: null, level: 'urgent', actorId: actor.userId,
        }),
      );
      await routed!.after().catch((err) => deps.logger.error({ err }, 'safety alert delivery failed'));
      await hub.publish(userRoom(actor.userId), { type: 'invalidate', keys: ['safety.talk-now'] }).catch(() => {});
      return { caseId: routed!.caseRow.id, message: SAFETY_COPY.talkNowConfirmation };
    },
  };
}
