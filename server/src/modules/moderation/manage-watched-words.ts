import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { isModerator } from './moderation.policy.ts';
import type { WatchedWordBody } from './moderation.schemas.ts';
import * as standingRepo from './standing.repo.ts';

const present = (w: standingRepo.WatchedWordRow) => ({ id: w.id, pattern: w.pattern, action: w.action, createdAt: w.createdAt.toISOString() });

/** An organization's watched words: block, require approval, flag, or censor. Moderators and admins. */
export function createWatchedWordUseCases(ctx: ModerationContext) {
  const { db } = ctx;

  async function loadOwn(actor: Actor, id: string) {
    const row = await standingRepo.findWatchedWord(db, id);
    if (!row || !isModerator(actor) || row.orgId !== actor.orgId) throw ModerationErrors.wordNotFound();
    return row;
  }

  return {
    async listWatchedWords(actor: Actor) {
      if (!isModerator(actor)) throw ModerationErrors.wordNotFound();
      return { words: (await standingRepo.listWatchedWords(db, actor.orgId)).map(present) };
    },
    async addWatchedWord(actor: Actor, body: WatchedWordBody) {
      if (!isModerator(actor)) throw ModerationErrors.wordNotFound();
      const row = await db.transaction(async (tx) => {
        const inserted = await standingRepo.insertWatchedWord(tx, { orgId: actor.orgId, pattern: body.pattern, action: body.action, createdBy: actor.userId });
        if (!inserted) throw ModerationErrors.wordExists();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'moderation.word_added', entityType: 'watched_word', entityId: inserted.id, data: { action: body.action } });
        return inserted;
      });
      ctx.forgetRules(actor.orgId);
      return present(row);
    },
    async changeWatchedWord(actor: Actor, id: string, action: WatchedWordBody['action']) {
      const row = await loadOwn(actor, id);
      await db.transaction(async (tx) => {
        await standingRepo.updateWatchedWord(tx, id, action);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'moderation.word_changed', entityType: 'watched_word', entityId: id, data: { action } });
      });
      ctx.forgetRules(actor.orgId);
      return present({ ...row, action });
    },
    async removeWatchedWord(actor: Actor, id: string) {
      await loadOwn(actor, id);
      await db.transaction(async (tx) => {
        await standingRepo.deleteWatchedWord(tx, id);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'moderation.word_removed', entityType: 'watched_word', entityId: id });
      });
      ctx.forgetRules(actor.orgId);
      return { ok: true as const };
    },
  };
}
