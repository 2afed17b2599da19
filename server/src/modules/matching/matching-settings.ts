import { writeAudit, type DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { MatchingDeps } from './matching.deps.ts';
import { MatchingErrors } from './matching.errors.ts';
import { canManageMatchingSettings } from './matching.policy.ts';
import * as repo from './matching-settings.repo.ts';
import { idleCheckPrefix, ROOM_IDLE_QUEUE } from './on-demand-idle.ts';
import type { MatchingSettings, MatchingSettingsBody } from './matching-settings.schemas.ts';

/**
 * An organization's on-demand small-group settings, falling back to the server's defaults (20 idle minutes, two rooms
 * per host) until an admin saves their own. Placement and the idle-close job read them at the moment they act.
 */
export function readMatchingSettings(deps: Pick<MatchingDeps, 'roomIdleMinutes' | 'maxRoomsPerHost'>) {
  return async (db: DbOrTx, orgId: string): Promise<MatchingSettings> => {
    const row = await repo.findMatchingSettings(db, orgId);
    return row
      ? { roomIdleMinutes: row.roomIdleMinutes, maxRoomsPerHost: row.maxRoomsPerHost, isDefault: false }
      : { roomIdleMinutes: deps.roomIdleMinutes, maxRoomsPerHost: deps.maxRoomsPerHost, isDefault: true };
  };
}

/** Admins read and change their organization's matching settings. */
export function createMatchingSettings(deps: MatchingDeps) {
  const { db, jobs } = deps;
  const read = readMatchingSettings(deps);
  return {
    async getMatchingSettings(actor: Actor): Promise<MatchingSettings> {
      if (!canManageMatchingSettings(actor)) throw MatchingErrors.notAdmin();
      return read(db, actor.orgId);
    },

    /**
     * Saves both values. Rooms already open follow the new idle time at once: each pending idle check moves by the
     * change (it was scheduled at the last activity it knew of plus the old idle time), so a shorter time closes a
     * quiet room on time and a longer one checks no earlier than needed. A check that finds activity since simply
     * schedules the next one; the decision to close is always made by the current setting.
     */
    async saveMatchingSettings(actor: Actor, body: MatchingSettingsBody): Promise<MatchingSettings> {
      if (!canManageMatchingSettings(actor)) throw MatchingErrors.notAdmin();
      const row = await db.transaction(async (tx) => {
        await repo.lockSettingsForChange(tx, actor.orgId);
        const before = await read(tx, actor.orgId);
        const saved = await repo.upsertMatchingSettings(tx, actor.orgId, body);
        const byMs = (saved.roomIdleMinutes - before.roomIdleMinutes) * 60_000;
        if (byMs !== 0) await jobs.shiftPendingJobs(tx, ROOM_IDLE_QUEUE, (await repo.listOpenRoomIds(tx, actor.orgId)).map(idleCheckPrefix), byMs);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'matching_settings.saved', entityType: 'org', entityId: actor.orgId, data: { ...body } });
        return saved;
      });
      return { roomIdleMinutes: row.roomIdleMinutes, maxRoomsPerHost: row.maxRoomsPerHost, isDefault: false };
    },
  };
}
