import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import type { BlockBody } from './moderation.schemas.ts';
import * as repo from './moderation.repo.ts';
import * as standingRepo from './standing.repo.ts';

/**
 * Anyone can block or mute anyone in their organization. Block: they cannot ask you for a one-to-one conversation
 * and their words are hidden from you. Mute: their words are collapsed for you. Neither is ever shown to them.
 */
export function createBlockUseCases(ctx: ModerationContext) {
  const { db } = ctx;

  return {
    async listBlocks(actor: Actor) {
      const rows = await standingRepo.listBlocks(db, actor.userId);
      const names = await repo.findNames(db, rows.map((r) => r.targetId));
      return { blocks: rows.map((r) => ({ userId: r.targetId, displayName: names.get(r.targetId) ?? '', kind: r.kind, createdAt: r.createdAt.toISOString() })) };
    },
    async addBlock(actor: Actor, body: BlockBody) {
      if (body.userId === actor.userId) throw ModerationErrors.cannotBlockSelf();
      const person = await ctx.accounts.findUser(body.userId);
      if (!person || person.orgId !== actor.orgId) throw ModerationErrors.personNotFound();
      await db.transaction(async (tx) => {
        if (await standingRepo.insertBlock(tx, actor.userId, body.userId, body.kind)) {
          // The audit row names no one else: who someone blocked is their own business.
          await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: `person.${body.kind}ed`, entityType: 'person_block', entityId: null });
        }
      });
      return this.listBlocks(actor);
    },
    async removeBlock(actor: Actor, body: BlockBody) {
      await db.transaction(async (tx) => {
        if (await standingRepo.deleteBlock(tx, actor.userId, body.userId, body.kind)) {
          await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: `person.un${body.kind}ed`, entityType: 'person_block', entityId: null });
        }
      });
      return this.listBlocks(actor);
    },
    /** For chat: a person who blocked someone is not asked for a conversation by them. */
    async assertMayRequestConversation(member: { userId: string; orgId: string }, supporterId: string) {
      if (await standingRepo.hasBlocked(db, supporterId, member.userId)) throw ModerationErrors.blockedByPerson();
    },
  };
}
