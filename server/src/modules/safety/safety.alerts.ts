import type { DbOrTx } from '../../platform/db/index.ts';
import { isOnShift } from './oncall.schedule.ts';
import * as repo from './safety.repo.ts';
import { oncallRoom, type SafetyDeps } from './safety.deps.ts';

export type Recipient = { id: string; displayName: string; role: string };
export type Alert = {
  kind: 'opened' | 'escalated' | 'repeated';
  orgId: string;
  caseId: string;
  level: 'none' | 'concern' | 'urgent';
  tier: number;
  /** 0 for the first alert at a tier; 1, 2 … for the repeats after the last tier. */
  repeat: number;
  at: Date;
  recipients: Recipient[];
};

/** The notification kind the notifications module words and sends by push and e-mail (no message content). */
export const CASE_ALERT_KIND = 'safety.case_alert';

/** The channels an alert goes out on: realtime always; push and e-mail when the notifications module is wired. */
export function alertChannels(deps: Pick<SafetyDeps, 'notifier'>): string[] {
  return deps.notifier ? ['realtime', 'notification'] : ['realtime'];
}

/** In-app path of the case view (what a push or e-mail opens). */
export const caseUrl = (caseId: string) => `/on-call/cases/${caseId}`;

/** Moderators and clinicians whose shift covers `at`, in their own time zones. */
export async function listOnCallNow(db: DbOrTx, orgId: string, at: Date): Promise<Recipient[]> {
  const rows = await repo.listOrgShifts(db, orgId);
  const byId = new Map<string, Recipient>();
  for (const r of rows) if (isOnShift(r.shift, at)) byId.set(r.shift.userId, { id: r.shift.userId, displayName: r.displayName, role: r.role });
  return [...byId.values()];
}

/** Who a tier reaches: 1 whoever is on call now, 2 the organization's clinicians, 3 its admins. */
export async function listTierRecipients(db: DbOrTx, orgId: string, tier: number, at: Date): Promise<Recipient[]> {
  if (tier <= 1) return listOnCallNow(db, orgId, at);
  return repo.listStaff(db, orgId, tier === 2 ? ['clinician'] : ['admin']);
}

/** The first tier from `from` that reaches at least one person, so an empty rota never leaves an alert unheard. */
export async function resolveTier(db: DbOrTx, orgId: string, from: number, at: Date): Promise<{ tier: number; recipients: Recipient[] }> {
  for (let tier = from; tier <= 3; tier++) {
    const recipients = await listTierRecipients(db, orgId, tier, at);
    if (recipients.length > 0) return { tier, recipients };
  }
  return { tier: Math.max(from, 3), recipients: [] };
}

/**
 * Everyone who can help once every tier has been alerted and nobody has acknowledged: whoever is on call now, the
 * clinicians and the admins. Repeats go to all of them, because the case must not go quiet.
 */
export async function listEveryTierRecipients(db: DbOrTx, orgId: string, at: Date): Promise<Recipient[]> {
  const byId = new Map<string, Recipient>();
  for (const tier of [1, 2, 3]) for (const r of await listTierRecipients(db, orgId, tier, at)) byId.set(r.id, r);
  return [...byId.values()];
}

/**
 * The one fan-out for safety alerts, called after commit. Realtime goes first to the on-call dashboard of the
 * organization (every watching moderator, clinician and admin); then each recipient gets a notification, which the
 * notifications module sends by web push and e-mail for staff who are not looking at the dashboard. The notification
 * carries only the level and a link to the case, never the person's words. One failed delivery never stops the rest.
 */
export async function deliverAlert(deps: Pick<SafetyDeps, 'hub' | 'notifier' | 'logger'>, alert: Alert): Promise<void> {
  const room = oncallRoom(alert.orgId);
  if (alert.kind === 'opened') await deps.hub.publish(room, { type: 'case.opened', caseId: alert.caseId, level: alert.level });
  else await deps.hub.publish(room, { type: 'case.escalated', caseId: alert.caseId, level: alert.level, tier: alert.tier });
  const { notifier } = deps;
  if (!notifier) return;
  const results = await Promise.allSettled(
    alert.recipients.map((r) =>
      notifier.notify({
        userId: r.id,
        kind: CASE_ALERT_KIND,
        url: caseUrl(alert.caseId),
        params: { level: alert.level, tier: alert.tier, repeat: alert.repeat },
        dedupeKey: `safety-alert:${alert.caseId}:${alert.tier}:${alert.kind}:${alert.repeat}:${alert.at.getTime()}`,
      }),
    ),
  );
  for (const r of results) if (r.status === 'rejected') deps.logger.error({ err: r.reason, caseId: alert.caseId }, 'safety alert notification failed');
}
