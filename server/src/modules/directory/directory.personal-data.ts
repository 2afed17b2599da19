import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as repo from './directory.repo.ts';

/** Corrections a person suggested: exported, and deleted with their account (the service itself stays). */
export function createDirectoryPersonalData(deps: { db: Db }): PersonalDataContributor {
  return {
    name: 'directory',
    async export(userId) {
      return { suggestionsYouMade: await repo.listSuggestionsBy(deps.db, userId) };
    },
    async erase(tx: Tx, userId) {
      await repo.deleteSuggestionsBy(tx, userId);
    },
  };
}
