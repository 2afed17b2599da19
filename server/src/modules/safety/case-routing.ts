import { writeAudit, type Tx } from '../../platform/db/index.ts';
import { deliverAlert, resolveTier, ALERT_CHANNELS } from './safety.alerts.ts';
import { oncallRoom, type SafetyDeps } from './safety.deps.ts';
import { levelRank, nextTier, severityOf } from './safety.policy.ts';
import * as repo from './safety.repo.ts';

export const SLA_QUEUE = 'safety.case-ack-sla';

type Level = 'none' | 'concern' | 'urgent';
type AfterCommit = () => Promise<void>;

export type CaseSignal = {
  orgId: string;
  subjectUserId: string;
  kind: 'risk_message' | 'self_request' | 'screener';
  sourceKind: 'chat_message' | 'forum_post' | 'screener' | 'self_request' | 'intake';
  sourceId: string | null;
  roomId: string | null;
  level: Level;
  /** Who caused the signal: the person themselves, or staff giving a screener. */
  actorId: string;
  data?: Record<string, unknown>;
};

/**
 * Alerts a case's current tier: records who was alerted and on which channels, and schedules the acknowledgement
 * SLA check in the same transaction (so it survives a restart). Delivery happens after commit.
 */
async function raiseAlert(deps: SafetyDeps, tx: Tx, c: repo.CaseRow, kind: 'opened' | 'escalated', recipients: { id: string; displayName: string; role: string }[]): Promise<AfterCommit> {
  const at = deps.now();
  await repo.insertCaseEvent(tx, { caseId: c.id, kind: 'alerted', actorId: null, at, data: { tier: c.tier, recipients: recipients.map((r) => r.id), channels: [...ALERT_CHANNELS] } });
  if (nextTier(c.tier) !== null) {
    const { ackSlaSeconds } = await repo.findSettings(tx, c.orgId);
    await deps.jobs.enqueue(tx, SLA_QUEUE, { caseId: c.id, tier: c.tier }, new Date(at.getTime() + ackSlaSeconds * 1000), `${c.id}:${c.tier}`);
  }
  const alert = { kind, orgId: c.orgId, caseId: c.id, level: c.level, tier: c.tier, recipients };
  return () => deliverAlert(deps.hub, alert);
}

const invalidateQueue = (deps: SafetyDeps, orgId: string): AfterCommit => () =>
  deps.hub.publish(oncallRoom(orgId), { type: 'invalidate', keys: ['safety.cases'] });

/**
 * Opens a case for a signal, or joins the person's case that is still active, so one person has one case. An urgent
 * signal (or a request to talk now) alerts on-call; a concern waits in the queue as a low-priority review item.
 */
export async function openOrJoinCase(deps: SafetyDeps, tx: Tx, s: CaseSignal): Promise<{ caseRow: repo.CaseRow; after: AfterCommit } | null> {
  const at = deps.now();
  const severity = severityOf(s.kind, s.level);
  const alerting = s.level === 'urgent';
  const existing = await repo.lockActiveCaseFor(tx, s.subjectUserId);
  if (!existing) {
    if (s.level === 'none') return null;
    const routed = alerting ? await resolveTier(tx, s.orgId, 1, at) : { tier: 1, recipients: [] };
    const caseRow = await repo.insertCase(tx, {
      orgId: s.orgId, subjectUserId: s.subjectUserId, kind: s.kind, sourceKind: s.sourceKind, sourceId: s.sourceId, roomId: s.roomId,
      level: s.level, severity, tier: routed.tier, openedAt: at,
    });
    await repo.insertCaseEvent(tx, { caseId: caseRow.id, kind: 'opened', actorId: s.actorId, at, data: { sourceKind: s.sourceKind, sourceId: s.sourceId, level: s.level, ...s.data } });
    await writeAudit(tx, { orgId: s.orgId, actorId: s.actorId, action: 'safety_case.opened', entityType: 'safety_case', entityId: caseRow.id, data: { kind: s.kind, level: s.level } });
    const after = alerting ? await raiseAlert(deps, tx, caseRow, 'opened', routed.recipients) : invalidateQueue(deps, s.orgId);
    return { caseRow, after };
  }
  await repo.insertCaseEvent(tx, { caseId: existing.id, kind: 'note', actorId: null, at, data: { signal: s.sourceKind, sourceId: s.sourceId, level: s.level, ...s.data } });
  const raised = levelRank(s.level) > levelRank(existing.level);
  let caseRow = existing;
  if (raised || severity > existing.severity) {
    caseRow = await repo.updateCase(tx, existing.id, {
      level: raised ? s.level : existing.level,
      severity: Math.max(severity, existing.severity),
      ...(s.roomId && !existing.roomId ? { roomId: s.roomId } : {}),
    });
    await writeAudit(tx, { orgId: s.orgId, actorId: s.actorId, action: 'safety_case.raised', entityType: 'safety_case', entityId: existing.id, data: { level: caseRow.level } });
  }
  // Still unacknowledged and now urgent, or the person asked again to talk: alert again.
  if (caseRow.status === 'open' && alerting && (raised || s.kind === 'self_request')) {
    const routed = await resolveTier(tx, s.orgId, 1, at);
    if (routed.tier !== caseRow.tier) caseRow = await repo.updateCase(tx, caseRow.id, { tier: routed.tier });
    return { caseRow, after: await raiseAlert(deps, tx, caseRow, 'opened', routed.recipients) };
  }
  return { caseRow, after: invalidateQueue(deps, s.orgId) };
}

/**
 * The SLA check: if nobody acknowledged the case at this tier in time, move it to the next tier that reaches
 * someone, record it on the timeline and alert that tier. Stale checks (case acknowledged, resolved, or already
 * moved on) do nothing.
 */
export function registerEscalation(deps: SafetyDeps) {
  deps.jobs.register(SLA_QUEUE, async (tx, payload) => {
    const c = await repo.lockCase(tx, String(payload.caseId));
    if (!c || c.status !== 'open' || c.tier !== Number(payload.tier)) return;
    const next = nextTier(c.tier);
    if (next === null) return;
    const at = deps.now();
    const routed = await resolveTier(tx, c.orgId, next, at);
    const updated = await repo.updateCase(tx, c.id, { tier: routed.tier });
    const waitedSeconds = Math.round((at.getTime() - c.openedAt.getTime()) / 1000);
    await repo.insertCaseEvent(tx, { caseId: c.id, kind: 'escalated', actorId: null, at, data: { fromTier: c.tier, toTier: routed.tier, waitedSeconds } });
    await writeAudit(tx, { orgId: c.orgId, actorId: null, action: 'safety_case.escalated', entityType: 'safety_case', entityId: c.id, data: { fromTier: c.tier, toTier: routed.tier } });
    return raiseAlert(deps, tx, updated, 'escalated', routed.recipients);
  });
}
