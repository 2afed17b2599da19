import { writeAudit, type Tx } from '../../platform/db/index.ts';
import { alertChannels, deliverAlert, listEveryTierRecipients, resolveTier, type Alert, type Recipient } from './safety.alerts.ts';
import { oncallRoom, type SafetyDeps } from './safety.deps.ts';
import { levelRank, nextTier, severityOf } from './safety.policy.ts';
import * as repo from './safety.repo.ts';

export const SLA_QUEUE = 'safety.case-ack-sla';

type Level = 'none' | 'concern' | 'urgent';
export type CaseKind = repo.CaseRow['kind'];
export type SourceKind = repo.CaseRow['sourceKind'];
type AfterCommit = () => Promise<void>;

export type CaseSignal = {
  orgId: string;
  subjectUserId: string;
  kind: CaseKind;
  sourceKind: SourceKind;
  sourceId: string | null;
  roomId: string | null;
  level: Level;
  /** Who caused the signal: the person themselves, staff giving a screener or raising a worry; null for Hearth itself. */
  actorId: string | null;
  data?: Record<string, unknown>;
};

/** After the last tier, unacknowledged alerts repeat: every SLA period at first, then at most every 15 minutes. */
const REPEAT_BACKOFF_AFTER = 5;
const REPEAT_SLOW_SECONDS = 15 * 60;

/**
 * Alerts a case's current tier: records who was alerted and on which channels, and schedules the acknowledgement
 * SLA check in the same transaction (so it survives a restart). Delivery happens after commit.
 */
async function raiseAlert(deps: SafetyDeps, tx: Tx, c: repo.CaseRow, kind: Alert['kind'], recipients: Recipient[], repeat = 0): Promise<AfterCommit> {
  const at = deps.now();
  await repo.insertCaseEvent(tx, {
    caseId: c.id, kind: 'alerted', actorId: null, at,
    data: { tier: c.tier, recipients: recipients.map((r) => r.id), channels: alertChannels(deps), ...(repeat > 0 ? { repeat } : {}) },
  });
  const { ackSlaSeconds } = await repo.findSettings(tx, c.orgId);
  const waitSeconds = repeat >= REPEAT_BACKOFF_AFTER ? Math.max(ackSlaSeconds, REPEAT_SLOW_SECONDS) : ackSlaSeconds;
  await deps.jobs.enqueue(tx, SLA_QUEUE, { caseId: c.id, tier: c.tier, repeat }, new Date(at.getTime() + waitSeconds * 1000), `${c.id}:${c.tier}:${repeat}`);
  const alert: Alert = { kind, orgId: c.orgId, caseId: c.id, level: c.level, tier: c.tier, repeat, at, recipients };
  return () => deliverAlert(deps, alert);
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
 * someone, record it on the timeline and alert that tier. After the last tier the alert repeats to everyone who can
 * help until someone acknowledges. Stale checks (case acknowledged, resolved, or already moved on) do nothing.
 */
export function registerEscalation(deps: SafetyDeps) {
  deps.jobs.register(SLA_QUEUE, async (tx, payload) => {
    const c = await repo.lockCase(tx, String(payload.caseId));
    if (!c || c.status !== 'open' || c.tier !== Number(payload.tier)) return;
    const at = deps.now();
    const waitedSeconds = Math.round((at.getTime() - c.openedAt.getTime()) / 1000);
    const next = nextTier(c.tier);
    if (next === null) {
      const repeat = Number(payload.repeat ?? 0) + 1;
      const recipients = await listEveryTierRecipients(tx, c.orgId, at);
      await writeAudit(tx, { orgId: c.orgId, actorId: null, action: 'safety_case.realerted', entityType: 'safety_case', entityId: c.id, data: { tier: c.tier, repeat, waitedSeconds } });
      return raiseAlert(deps, tx, c, 'repeated', recipients, repeat);
    }
    const routed = await resolveTier(tx, c.orgId, next, at);
    const updated = await repo.updateCase(tx, c.id, { tier: routed.tier });
    await repo.insertCaseEvent(tx, { caseId: c.id, kind: 'escalated', actorId: null, at, data: { fromTier: c.tier, toTier: routed.tier, waitedSeconds } });
    await writeAudit(tx, { orgId: c.orgId, actorId: null, action: 'safety_case.escalated', entityType: 'safety_case', entityId: c.id, data: { fromTier: c.tier, toTier: routed.tier } });
    return raiseAlert(deps, tx, updated, 'escalated', routed.recipients);
  });
}
