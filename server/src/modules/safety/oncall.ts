import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { listOnCallNow, resolveTier } from './safety.alerts.ts';
import type { SafetyDeps } from './safety.deps.ts';
import { SafetyErrors } from './safety.errors.ts';
import { canKeepShifts, canManageSafetySettings, isSafetyStaff } from './safety.policy.ts';
import * as repo from './safety.repo.ts';
import type { SettingsBody, ShiftsBody } from './safety.schemas.ts';
import { formatClock, isOnShift, parseClock } from './oncall.schedule.ts';

/** The on-call rota (own weekly shifts), who is on call now, and the organization's safety settings. */
export function createOncall(deps: SafetyDeps) {
  const { db, now } = deps;

  async function presentShifts(actor: Actor) {
    const rows = await repo.listUserShifts(db, actor.userId);
    const at = now();
    return {
      timezone: rows[0]?.timezone ?? actor.timezone,
      shifts: rows.map((r) => ({ weekday: r.weekday, start: formatClock(r.startMinute), end: formatClock(r.endMinute) })),
      onCallNow: rows.some((r) => isOnShift(r, at)),
    };
  }

  return {
    async getMyShifts(actor: Actor) {
      if (!canKeepShifts(actor)) throw SafetyErrors.notShiftWorker();
      return presentShifts(actor);
    },

    /** Replaces the caller's own weekly shifts. */
    async saveMyShifts(actor: Actor, body: ShiftsBody) {
      if (!canKeepShifts(actor)) throw SafetyErrors.notShiftWorker();
      await db.transaction(async (tx) => {
        await repo.replaceUserShifts(
          tx,
          actor.userId,
          body.shifts.map((s) => ({ orgId: actor.orgId, userId: actor.userId, weekday: s.weekday, startMinute: parseClock(s.start), endMinute: parseClock(s.end), timezone: body.timezone })),
        );
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'oncall_shifts.saved', entityType: 'user', entityId: actor.userId, data: { count: body.shifts.length, timezone: body.timezone } });
      });
      return presentShifts(actor);
    },

    /** The rota: each moderator and clinician with their weekly shifts in their own time zone, and who is on now. */
    async getRota(actor: Actor) {
      if (!isSafetyStaff(actor)) throw SafetyErrors.notSafetyStaff();
      const at = now();
      const people = await repo.listRota(db, actor.orgId);
      return {
        people: people.map((p) => ({
          id: p.id, displayName: p.displayName, role: p.role,
          timezone: p.shifts[0]?.timezone ?? null,
          shifts: p.shifts.map((s) => ({ weekday: s.weekday, start: formatClock(s.startMinute), end: formatClock(s.endMinute) })),
          onCallNow: p.shifts.some((s) => isOnShift(s, at)),
        })),
      };
    },

    /** Who an urgent case would reach right now, and at which tier. */
    async getOncallNow(actor: Actor) {
      if (!isSafetyStaff(actor)) throw SafetyErrors.notSafetyStaff();
      const at = now();
      const onCall = await listOnCallNow(db, actor.orgId, at);
      const routed = onCall.length > 0 ? { tier: 1, recipients: onCall } : await resolveTier(db, actor.orgId, 1, at);
      return { tier: routed.tier, people: routed.recipients };
    },

    async getSettings(actor: Actor) {
      if (!canManageSafetySettings(actor)) throw SafetyErrors.notAdmin();
      return repo.findSettings(db, actor.orgId);
    },

    async saveSettings(actor: Actor, body: SettingsBody) {
      if (!canManageSafetySettings(actor)) throw SafetyErrors.notAdmin();
      return db.transaction(async (tx) => {
        const saved = await repo.upsertSettings(tx, actor.orgId, body);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'safety_settings.saved', entityType: 'org', entityId: actor.orgId, data: { ...body } });
        return saved;
      });
    },

    /** Whether a person counts as on call now (used by the realtime channel and tests). */
    isOnShift,
  };
}
