import type { Db, Tx } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as cohortRepo from './cohort.repo.ts';
import * as repo from './matching.repo.ts';

/** Matching's part of "export my data" and "delete my account": requests, small-group places, supporter profile,
 * program applications. */
export function createMatchingPersonalData(deps: { db: Db; cipher: FieldCipher }): PersonalDataContributor {
  const { db, cipher } = deps;
  return {
    name: 'matching',
    async export(userId) {
      const requests = await repo.listRequestsOf(db, userId);
      return {
        supportRequests: requests.map((r) => ({
          id: r.id, status: r.status, createdAt: r.createdAt, resolvedAt: r.resolvedAt, rating: r.rating,
          ...(JSON.parse(cipher.decrypt(r.detailsCiphertext)) as { intro: string; topics: string[] }),
        })),
        smallGroups: await repo.listOnDemandMembershipsOf(db, userId),
        supporterProfile: await repo.findSupporterProfile(db, userId),
        programApplications: (await cohortRepo.listApplicationsOf(db, userId)).map((a) => ({ programId: a.programId, groupId: a.groupId, appliedAt: a.createdAt })),
      };
    },
    async erase(tx: Tx, userId) {
      await repo.deletePersonalRows(tx, userId);
      await cohortRepo.deleteApplicationsOf(tx, userId);
    },
  };
}
