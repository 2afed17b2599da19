import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { MatchingErrors } from './matching.errors.ts';
import { canKeepSupporterProfile } from './matching.policy.ts';
import * as repo from './matching.repo.ts';
import type { MatchingDeps } from './matching.deps.ts';
import type { SupporterProfileBody } from './matching.schemas.ts';
import { isTopic } from './text-model/index.ts';

const DEFAULTS: SupporterProfileBody = { livedExperience: [], gender: null, ageRange: null, availability: [], acceptingRequests: true, maxCaseload: 4 };

function present(userId: string, row: repo.SupporterProfileRow | null) {
  if (!row) return { userId, ...DEFAULTS };
  return {
    userId,
    livedExperience: row.livedExperience.filter(isTopic),
    gender: row.gender,
    ageRange: row.ageRange as SupporterProfileBody['ageRange'],
    availability: row.availability,
    acceptingRequests: row.acceptingRequests,
    maxCaseload: row.maxCaseload,
  };
}

/** A peer supporter's matching profile: lived experience they are open about, free windows, and how many at once. */
export function createSupporterProfiles(deps: MatchingDeps) {
  const { db } = deps;
  return {
    async getSupporterProfile(actor: Actor) {
      if (!canKeepSupporterProfile(actor)) throw MatchingErrors.notSupporter();
      return present(actor.userId, await repo.findSupporterProfile(db, actor.userId));
    },
    async saveSupporterProfile(actor: Actor, body: SupporterProfileBody) {
      if (!canKeepSupporterProfile(actor)) throw MatchingErrors.notSupporter();
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertSupporterProfile(tx, { orgId: actor.orgId, userId: actor.userId, ...body });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'supporter_profile.saved', entityType: 'supporter_profile', entityId: saved.id });
        return saved;
      });
      return present(actor.userId, row);
    },
  };
}
