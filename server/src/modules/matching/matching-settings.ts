import { writeAudit, type DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { MatchingDeps } from './matching.deps.ts';
import { MatchingErrors } from './matching.errors.ts';
import { canManageMatchingSettings } from './matching.policy.ts';
import * as repo from './matching-settings.repo.ts';
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
  const { db } = deps;
  const read = readMatchingSettings(deps);
  return {
    async getMatchingSettings(actor: Actor): Promise<MatchingSettings> {
      if (!canManageMatchingSettings(actor)) throw MatchingErrors.notAdmin();
      return read(db, actor.orgId);
    },

    /** Saves both values; rooms already open follow the new idle time at their next check. */
    async saveMatchingSettings(actor: Actor, body: MatchingSettingsBody): Promise<MatchingSettings> {
      if (!canManageMatchingSettings(actor)) throw MatchingErrors.notAdmin();
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertMatchingSettings(tx, actor.orgId, body);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'matching_settings.saved', entityType: 'org', entityId: actor.orgId, data: { ...body } });
        return saved;
      });
      return { roomIdleMinutes: row.roomIdleMinutes, maxRoomsPerHost: row.maxRoomsPerHost, isDefault: false };
    },
  };
}
