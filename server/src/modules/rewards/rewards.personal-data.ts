import { desc, eq } from 'drizzle-orm';
import { rewardMilestones, thankYouCards } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as repo from './rewards.repo.ts';

/** Milestones and thank-you cards: exported, and erased with the account (cards sent stay with their recipients, unsigned). */
export function createRewardsPersonalData(deps: { db: Db }): PersonalDataContributor {
  const { db } = deps;
  return {
    name: 'rewards',
    async export(userId) {
      const [milestones, received, sent] = await Promise.all([
        db.select({ milestone: rewardMilestones.ruleId, awardedAt: rewardMilestones.awardedAt }).from(rewardMilestones).where(eq(rewardMilestones.userId, userId)),
        db.select({ template: thankYouCards.template, receivedAt: thankYouCards.createdAt }).from(thankYouCards).where(eq(thankYouCards.recipientId, userId)).orderBy(desc(thankYouCards.createdAt)),
        db.select({ template: thankYouCards.template, sentAt: thankYouCards.createdAt }).from(thankYouCards).where(eq(thankYouCards.senderId, userId)).orderBy(desc(thankYouCards.createdAt)),
      ]);
      return { milestones, thankYouCardsReceived: received, thankYouCardsSent: sent };
    },
    async erase(tx: Tx, userId) {
      await repo.deleteMilestones(tx, userId);
      await repo.eraseCards(tx, userId);
    },
  };
}
