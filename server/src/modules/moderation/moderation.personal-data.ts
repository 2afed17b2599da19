import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import type { ModerationContext } from './moderation.context.ts';
import * as repo from './moderation.repo.ts';
import * as standingRepo from './standing.repo.ts';

/**
 * Moderation's part of "export my data" and "delete my account": the flags a person made, their blocks and mutes,
 * their standing, appeals and notices. The modlog must keep what was decided, so records about them are de-identified
 * (their id removed, their own words wiped) rather than deleted; moderators' private notes about them are deleted.
 */
export function createModerationPersonalData(ctx: ModerationContext): PersonalDataContributor {
  const { db, cipher } = ctx;
  return {
    name: 'moderation',
    async export(userId: string) {
      const [flags, blocks, standing, appeals, notices] = await Promise.all([
        repo.listFlagsBy(db, userId),
        standingRepo.listBlocks(db, userId),
        standingRepo.findStanding(db, userId),
        repo.listAppealsBy(db, userId),
        repo.listNotices(db, userId, 500),
      ]);
      return {
        flagsMade: flags.map((f) => ({ targetKind: f.targetKind, reason: f.reason, note: f.noteCiphertext ? cipher.decrypt(f.noteCiphertext) : null, outcome: f.outcome, createdAt: f.createdAt.toISOString() })),
        blocksAndMutes: blocks.map((b) => ({ userId: b.targetId, kind: b.kind, createdAt: b.createdAt.toISOString() })),
        standing: standing && {
          trustLevel: standing.trustLevel, daysVisited: standing.daysVisited, postsRead: standing.postsRead,
          mutedUntil: standing.mutedUntil?.toISOString() ?? null, suspendedUntil: standing.suspendedUntil?.toISOString() ?? null, banned: standing.bannedAt !== null,
        },
        appeals: appeals.map((a) => ({ status: a.status, statement: a.statementCiphertext ? cipher.decrypt(a.statementCiphertext) : '', createdAt: a.createdAt.toISOString() })),
        notices: notices.map((n) => ({ kind: n.kind, createdAt: n.createdAt.toISOString() })),
      };
    },
    async erase(tx, userId) {
      await standingRepo.deleteBlocksTouching(tx, userId);
      await standingRepo.deleteReadMarks(tx, userId);
      await repo.deidentifyPerson(tx, userId);
    },
  };
}
