import type { Actor } from '../platform/http/actor.ts';
import type { RewardsService } from '../modules/rewards/index.ts';

/** A thank-you card for the demo member and their first milestones, from the activity the seed already created. */
export async function seedDemoRewards(services: { rewards: RewardsService }, actor: (key: string) => Actor, userIds: string[]): Promise<void> {
  try {
    await services.rewards.sendCard(actor('peer'), { recipientId: actor('member').userId, template: 'kept-going' });
  } catch {
    // The demo peer supporter may not share a group with the demo member in every demo layout; the journey still shows.
  }
  for (const id of userIds) await services.rewards.checkMilestones(id, 'America/New_York');
}
