import type { DbOrTx } from '../../platform/db/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import { isOnShift } from './oncall.schedule.ts';
import * as repo from './safety.repo.ts';
import { oncallRoom } from './safety.deps.ts';

export type Recipient = { id: string; displayName: string; role: string };
export type Alert = { kind: 'opened' | 'escalated'; orgId: string; caseId: string; level: 'none' | 'concern' | 'urgent'; tier: number; recipients: Recipient[] };

/** The channels an alert goes out on today. Web push and e-mail arrive with notifications (issue 9). */
export const ALERT_CHANNELS = ['realtime'] as const;

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
 * The one fan-out for safety alerts, called after commit. Realtime goes to the on-call dashboard of the
 * organization (every watching moderator, clinician and admin); notifications will add push and e-mail to
 * `alert.recipients` here.
 */
export async function deliverAlert(hub: RealtimeHub, alert: Alert): Promise<void> {
  const room = oncallRoom(alert.orgId);
  if (alert.kind === 'opened') await hub.publish(room, { type: 'case.opened', caseId: alert.caseId, level: alert.level });
  else await hub.publish(room, { type: 'case.escalated', caseId: alert.caseId, level: alert.level, tier: alert.tier });
}
