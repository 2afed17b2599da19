import { writeAudit } from '../../platform/db/index.ts';
import type { ModerationContext } from './moderation.context.ts';
import * as standingRepo from './standing.repo.ts';
import { earnedTrustLevel, promote } from './trust.ts';

/**
 * Promotes a person when their participation (days visited, posts read, supportive reactions received, no upheld
 * flags) meets the organization's thresholds for a higher level. Only ever moves up; the change is audited.
 */
export async function promoteIfEarned(ctx: ModerationContext, person: { orgId: string; userId: string }): Promise<void> {
  const [standing, settings, reactions] = await Promise.all([
    standingRepo.ensureStanding(ctx.db, person.orgId, person.userId),
    ctx.loadSettings(person.orgId),
    ctx.forums.countReactionsReceived(person.userId),
  ]);
  const earned = earnedTrustLevel(
    { daysVisited: standing.daysVisited, postsRead: standing.postsRead, reactionsReceived: reactions, upheldFlags: standing.upheldFlags },
    settings.trustThresholds,
  );
  const next = promote(standing.trustLevel, earned);
  if (next === standing.trustLevel) return;
  await ctx.db.transaction(async (tx) => {
    await standingRepo.updateStanding(tx, person.userId, { trustLevel: next });
    await writeAudit(tx, { orgId: person.orgId, actorId: person.userId, action: 'moderation.trust_promoted', entityType: 'user', entityId: person.userId, data: { from: standing.trustLevel, to: next } });
  });
}
