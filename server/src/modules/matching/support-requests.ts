import { writeAudit, type Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { loadSupporterCandidates } from './group-recommendations.ts';
import { MatchingErrors } from './matching.errors.ts';
import { canSeeQueue, canSeeRequest } from './matching.policy.ts';
import * as repo from './matching.repo.ts';
import { userRoom, type MatchingDeps } from './matching.deps.ts';
import type { CreateSupportRequestBody, SupportRequest } from './matching.schemas.ts';
import { scoreSupporter } from './supporter-score.ts';
import { classifyTopics, type Topic } from './text-model/index.ts';

export const REQUEST_TIMEOUT_QUEUE = 'matching.request-timeout';
/** How many of the best-matched supporters hear about a new request at once. */
const NOTIFY_TOP = 5;

type Details = { intro: string; topics: Topic[] };

/**
 * The on-demand one-to-one queue, on top of chat's direct conversations: a member asks for "someone now"; matched,
 * certified peer supporters are told; the first to accept opens an accepted conversation. If nobody accepts before
 * the deadline (a durable job), the request goes to the on-call team.
 */
export function createSupportRequests(deps: MatchingDeps) {
  const { db, cipher, hub, jobs, logger, now, notifier, safety } = deps;

  const readDetails = (row: repo.SupportRequestRow): Details => JSON.parse(cipher.decrypt(row.detailsCiphertext)) as Details;

  async function present(row: repo.SupportRequestRow, viewerId: string, safetyCard: 'concern' | 'urgent' | null = null): Promise<SupportRequest> {
    const details = readDetails(row);
    const supporter = row.acceptedBy ? await repo.findUserBrief(db, row.acceptedBy) : null;
    const mine = row.memberId === viewerId;
    return {
      id: row.id,
      status: row.status,
      intro: mine || row.acceptedBy === viewerId ? details.intro : '',
      topics: details.topics,
      language: row.language,
      createdAt: row.createdAt.toISOString(),
      deadlineAt: row.deadlineAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      ahead: row.status === 'waiting' ? await repo.countWaitingBefore(db, row.orgId, row.createdAt) : null,
      conversationId: row.conversationId,
      supporter: supporter ? { id: supporter.id, displayName: supporter.displayName } : null,
      rating: row.rating,
      safety: safetyCard ? { card: safetyCard } : null,
      abilities: {
        withdraw: mine && row.status === 'waiting',
        rate: mine && row.status === 'accepted' && row.rating === null,
        chat: row.status === 'accepted' && row.conversationId !== null,
      },
    };
  }

  async function getVisible(actor: Actor, id: string) {
    const row = await repo.findSupportRequest(db, id);
    if (!row || !canSeeRequest(actor, row)) throw MatchingErrors.requestNotFound();
    return row;
  }

  const tellMember = (memberId: string) => hub.publish(userRoom(memberId), { type: 'invalidate', keys: ['matching.requests'] }).catch(() => {});

  /** The deadline passed: a still-waiting request goes to on-call. Runs once across nodes. */
  jobs.register(REQUEST_TIMEOUT_QUEUE, async (tx: Tx, payload) => {
    const row = await repo.lockSupportRequest(tx, String(payload.requestId));
    if (!row || row.status !== 'waiting') return;
    await repo.updateSupportRequest(tx, row.id, { status: 'routed_to_oncall', resolvedAt: now() });
    await writeAudit(tx, { orgId: row.orgId, actorId: null, action: 'support_request.routed_to_oncall', entityType: 'support_request', entityId: row.id, data: { reason: 'timeout' } });
    if (notifier) await notifier.notify({ userId: row.memberId, kind: 'matching.request_routed', url: `/support/requests/${row.id}`, dedupeKey: `request-routed:${row.id}` }, tx);
    return async () => {
      await safety
        .raiseForPerson?.({ orgId: row.orgId, userId: row.memberId, raisedBy: null, level: row.level === 'urgent' ? 'urgent' : 'concern', source: { kind: 'support_request', id: row.id }, reasons: ['no peer supporter accepted in time'] })
        .catch((err) => logger.error({ err, requestId: row.id }, 'on-call hand-off failed'));
      await tellMember(row.memberId);
    };
  });

  return {
    /**
     * A member asks for a peer supporter now. The words are assessed first: urgent goes straight to on-call (and the
     * member sees the crisis card); concern is also reported to on-call while the request waits for a supporter.
     */
    async createSupportRequest(actor: Actor, body: CreateSupportRequestBody): Promise<SupportRequest> {
      const assessed = await safety.assess({ userId: actor.userId, orgId: actor.orgId }, body.intro);
      const user = await repo.findUserBrief(db, actor.userId);
      const topics = classifyTopics(body.intro, 3).filter((t, i) => i === 0 || t.p >= 0.15).map((t) => t.topic);
      const at = now();
      const deadline = new Date(at.getTime() + deps.requestWaitSeconds * 1000);
      const urgent = assessed.level === 'urgent';
      const row = await db.transaction(async (tx) => {
        if (await repo.findWaitingRequestOf(tx, actor.userId)) throw MatchingErrors.requestWaiting();
        const inserted = await repo.insertSupportRequest(tx, {
          orgId: actor.orgId, memberId: actor.userId, detailsCiphertext: cipher.encrypt(JSON.stringify({ intro: body.intro, topics } satisfies Details)),
          language: user?.languages[0] ?? 'en', level: assessed.level, deadlineAt: deadline,
          ...(urgent ? { status: 'routed_to_oncall' as const, resolvedAt: at } : {}),
        });
        if (!urgent) await jobs.enqueue(tx, REQUEST_TIMEOUT_QUEUE, { requestId: inserted.id }, deadline, `support-request:${inserted.id}`);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: urgent ? 'support_request.routed_to_oncall' : 'support_request.created', entityType: 'support_request', entityId: inserted.id, data: { level: assessed.level } });
        return inserted;
      });
      // Crisis routing first: on-call hears before any supporter is notified.
      if (assessed.level !== 'none') {
        await safety
          .raiseForPerson?.({ orgId: actor.orgId, userId: actor.userId, raisedBy: actor.userId, level: assessed.level, source: { kind: 'support_request', id: row.id }, reasons: [`support request: ${assessed.level} language`] })
          .catch((err) => logger.error({ err, requestId: row.id }, 'on-call hand-off failed'));
      }
      if (!urgent && notifier) {
        const candidates = await loadSupporterCandidates(deps, actor.orgId);
        const wishes = { topics: new Map(classifyTopics(body.intro, 16).map((t) => [t.topic, t.p])), languages: user?.languages ?? [] };
        const best = candidates.map((c) => scoreSupporter(wishes, c, at)).filter((m) => m.eligible && m.userId !== actor.userId).sort((a, b) => b.score - a.score).slice(0, NOTIFY_TOP);
        for (const s of best) {
          await notifier.notify({ userId: s.userId, kind: 'direct.request', url: '/support/queue', dedupeKey: `request-waiting:${row.id}:${s.userId}` }).catch((err) => logger.error({ err }, 'notify failed'));
        }
      }
      return present(row, actor.userId, assessed.level === 'none' ? null : assessed.level);
    },

    async getSupportRequest(actor: Actor, id: string): Promise<SupportRequest> {
      return present(await getVisible(actor, id), actor.userId);
    },

    async listMySupportRequests(actor: Actor): Promise<SupportRequest[]> {
      return Promise.all((await repo.listRequestsOf(db, actor.userId)).map((r) => present(r, actor.userId)));
    },

    async withdrawSupportRequest(actor: Actor, id: string): Promise<SupportRequest> {
      await getVisible(actor, id);
      const row = await db.transaction(async (tx) => {
        const locked = await repo.lockSupportRequest(tx, id);
        if (!locked || locked.memberId !== actor.userId) throw MatchingErrors.requestNotFound();
        if (locked.status !== 'waiting') throw MatchingErrors.requestClosed();
        const updated = await repo.updateSupportRequest(tx, id, { status: 'withdrawn', resolvedAt: now() });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'support_request.withdrawn', entityType: 'support_request', entityId: id });
        return updated;
      });
      return present(row, actor.userId);
    },

    async rateSupportRequest(actor: Actor, id: string, rating: number): Promise<SupportRequest> {
      const row = await getVisible(actor, id);
      if (row.memberId !== actor.userId) throw MatchingErrors.requestNotFound();
      if (row.status !== 'accepted') throw MatchingErrors.ratingNotYet();
      const updated = await db.transaction(async (tx) => {
        const r = await repo.updateSupportRequest(tx, id, { rating });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'support_request.rated', entityType: 'support_request', entityId: id });
        return r;
      });
      return present(updated, actor.userId);
    },

    /** The waiting queue as a peer supporter sees it: topics and language only, best match first; words after accepting. */
    async listQueue(actor: Actor) {
      if (!canSeeQueue(actor)) throw MatchingErrors.notSupporter();
      if (deps.canTakeOneToOne && !(await deps.canTakeOneToOne(actor))) throw MatchingErrors.certificationRequired();
      const rows = (await repo.listWaitingRequests(db, actor.orgId)).filter((r) => r.memberId !== actor.userId);
      const me = (await loadSupporterCandidates(deps, actor.orgId)).find((c) => c.userId === actor.userId);
      const at = now();
      const items = rows.map((r) => {
        const details = readDetails(r);
        const wishes = { topics: new Map(details.topics.map((t, i) => [t, i === 0 ? 0.7 : 0.3] as const)), languages: [r.language] };
        const m = me ? scoreSupporter(wishes, { ...me, certified: true }, at) : null;
        return {
          id: r.id, topics: details.topics, language: r.language, waitingSince: r.createdAt.toISOString(), deadlineAt: r.deadlineAt.toISOString(),
          score: m?.score ?? 0, reasons: (m?.reasons ?? []).filter((x) => x.kind === 'lived_experience' || x.kind === 'language'),
        };
      });
      return items.sort((a, b) => b.score - a.score || (a.waitingSince < b.waitingSince ? -1 : 1));
    },

    /** A certified peer supporter takes a waiting request: the first one wins, and a direct conversation opens. */
    async acceptSupportRequest(actor: Actor, id: string): Promise<SupportRequest> {
      if (!canSeeQueue(actor)) throw MatchingErrors.requestNotFound();
      if (deps.canTakeOneToOne && !(await deps.canTakeOneToOne(actor))) throw MatchingErrors.certificationRequired();
      const taken = await db.transaction(async (tx) => {
        const row = await repo.lockSupportRequest(tx, id);
        if (!row || row.orgId !== actor.orgId || row.memberId === actor.userId) throw MatchingErrors.requestNotFound();
        if (row.status !== 'waiting') throw MatchingErrors.requestTaken();
        const updated = await repo.updateSupportRequest(tx, id, { status: 'accepted', acceptedBy: actor.userId, resolvedAt: now() });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'support_request.accepted', entityType: 'support_request', entityId: id });
        return updated;
      });
      let conversationId: string;
      try {
        ({ conversationId } = await deps.chat.openMatchedConversation({ userId: actor.userId, orgId: actor.orgId }, taken.memberId, readDetails(taken).intro));
      } catch (err) {
        // Put the request back so another supporter (or the deadline) can still take it.
        await repo.updateSupportRequest(db, id, { status: 'waiting', acceptedBy: null, resolvedAt: null });
        throw err;
      }
      const row = await repo.updateSupportRequest(db, id, { conversationId });
      if (notifier) {
        await notifier
          .notify({ userId: row.memberId, kind: 'direct.accepted', url: `/support/${conversationId}`, params: { supporter: actor.displayName }, dedupeKey: `request-accepted:${id}` })
          .catch((err) => logger.error({ err }, 'notify failed'));
      }
      await tellMember(row.memberId);
      return present(row, actor.userId);
    },
  };
}
