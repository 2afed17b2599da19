import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as repo from './resources.repo.ts';

/** Library resources a staff member wrote: listed in their export; on deletion the resource stays, without its author. */
export function createResourcesPersonalData(deps: { db: Db }): PersonalDataContributor {
  return {
    name: 'resources',
    async export(userId) {
      return { resourcesYouWrote: await repo.listCreatedBy(deps.db, userId) };
    },
    async erase(tx: Tx, userId) {
      await repo.clearCreatedBy(tx, userId);
    },
  };
}
