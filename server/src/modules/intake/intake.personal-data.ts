import type { Db, Tx } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as repo from './intake.repo.ts';

/** Intake's part of "export my data" and "delete my account": the profile and every assistant transcript. */
export function createIntakePersonalData(deps: { db: Db; cipher: FieldCipher }): PersonalDataContributor {
  const { db, cipher } = deps;
  return {
    name: 'intake',
    async export(userId) {
      const profile = await repo.findProfile(db, userId);
      const conversations = await repo.listConversationsOf(db, userId);
      return {
        profile: profile
          ? { ...JSON.parse(cipher.decrypt(profile.detailsCiphertext)), languages: profile.languages, timezone: profile.timezone, availability: profile.availability, format: profile.format, place: profile.placeLabel, updatedAt: profile.updatedAt }
          : null,
        conversations: await Promise.all(
          conversations.map(async (c) => ({
            id: c.id,
            status: c.status,
            startedAt: c.createdAt,
            messages: (await repo.listMessages(db, c.id)).map((m) => ({ author: m.author, createdAt: m.createdAt, ...(JSON.parse(cipher.decrypt(m.bodyCiphertext)) as object) })),
          })),
        ),
      };
    },
    async erase(tx: Tx, userId) {
      await repo.deleteAllOf(tx, userId);
    },
  };
}
