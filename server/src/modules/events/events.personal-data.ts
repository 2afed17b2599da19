import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as repo from './events.repo.ts';

/** Event registrations: exported, and deleted with the account; events a person published stay, without their name. */
export function createEventsPersonalData(deps: { db: Db }): PersonalDataContributor {
  return {
    name: 'events',
    async export(userId) {
      return { registrations: await repo.listRegistrationsOf(deps.db, userId) };
    },
    async erase(tx: Tx, userId) {
      await repo.deleteRegistrationsOf(tx, userId);
      await repo.clearCreatedBy(tx, userId);
    },
  };
}
