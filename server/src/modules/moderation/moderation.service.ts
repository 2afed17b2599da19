import { createAppealUseCases } from './appeals.ts';
import { createBlockUseCases } from './blocks.ts';
import { createFlagUseCases } from './flag-content.ts';
import { createGate } from './gate.ts';
import { createLiveSessionUseCases } from './live-session.ts';
import { createWatchedWordUseCases } from './manage-watched-words.ts';
import { createModlogUseCases } from './modlog.ts';
import { createModerationContext } from './moderation.context.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { createModerationPersonalData } from './moderation.personal-data.ts';
import { isModerator } from './moderation.policy.ts';
import { createPrecheck } from './precheck.ts';
import { createReviewActions } from './review-actions.ts';
import { createReadingUseCases } from './reading.ts';
import { createQueueUseCases } from './review-queue.ts';
import { createStandingUseCases } from './standing.ts';
import * as standingRepo from './standing.repo.ts';

export type ModerationService = ReturnType<typeof createModerationService>;

/**
 * Moderation and trust: flags and the review queue, graded actions, appeals, the modlog, trust levels, auto-moderation
 * in the message path (after the safety assessment), block and mute, and facilitators' live-session controls.
 */
export function createModerationService(input: Omit<ModerationDeps, 'now'> & { now?: () => Date }) {
  const ctx = createModerationContext({ ...input, now: input.now ?? (() => new Date()) });
  const gate = createGate(ctx);
  const blocks = createBlockUseCases(ctx);
  return {
    ...createFlagUseCases(ctx),
    ...createQueueUseCases(ctx),
    ...createReviewActions(ctx),
    ...createAppealUseCases(ctx),
    ...createModlogUseCases(ctx),
    ...createStandingUseCases(ctx),
    ...createWatchedWordUseCases(ctx),
    ...blocks,
    ...createLiveSessionUseCases(ctx),
    ...createPrecheck(ctx),
    ...createReadingUseCases(ctx),
    personalData: createModerationPersonalData(ctx),

    /** The message-path port chat and forums take as `moderation` (see their MessageGate / PostGate types). */
    gate: { check: gate.check, assertMayRequestConversation: blocks.assertMayRequestConversation },

    /** For accounts' sign-in: suspended and banned people are told why, kindly. */
    async assertMaySignIn(userId: string) {
      const standing = await standingRepo.findStanding(ctx.db, userId);
      if (!standing) return;
      if (standing.bannedAt) throw ModerationErrors.banned();
      if (standing.suspendedUntil && standing.suspendedUntil > ctx.now()) throw ModerationErrors.suspended();
    },

    /** Realtime: the live queue `modqueue:<orgId>` is for that organization's moderators and admins. */
    canWatchQueue: async (actor: { orgId: string; role: string }, orgId: string) => isModerator(actor) && actor.orgId === orgId,
  };
}
