import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { WARNING_TEMPLATES } from './moderation.copy.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { canActOn, canReviewItem, isModerator } from './moderation.policy.ts';
import { presentQueueItem } from './moderation.presenter.ts';
import * as repo from './moderation.repo.ts';
import type { NoteBody } from './moderation.schemas.ts';
import * as standingRepo from './standing.repo.ts';

const CONTEXT_AROUND = 5;

/** The moderators' live queue and the review of one item in context. */
export function createQueueUseCases(ctx: ModerationContext) {
  const { db, cipher, chat, forums } = ctx;

  async function loadReviewable(actor: Actor, itemId: string) {
    const item = await repo.findItem(db, itemId);
    if (!item || !canReviewItem(actor, item)) throw ModerationErrors.itemNotFound();
    return item;
  }

  async function contextOf(item: repo.ItemRow) {
    if (item.targetKind === 'chat_message' && item.roomId) {
      const around = await chat.listMessagesAround(item.roomId, item.targetId, CONTEXT_AROUND);
      return around.map((m) => ({ id: m.id, author: m.author, body: m.body, createdAt: m.createdAt, hidden: m.hidden ?? false, target: m.id === item.targetId }));
    }
    if (item.targetKind === 'forum_post') {
      const around = await forums.listPostsAround(item.targetId, CONTEXT_AROUND);
      return around.map((p) => ({ ...p, target: p.id === item.targetId }));
    }
    return [];
  }

  return {
    /** Open items, highest summed flag score first, then the longest waiting. Moderators and admins only. */
    async listQueue(actor: Actor) {
      if (!isModerator(actor)) throw ModerationErrors.itemNotFound();
      const [rows, openCount] = await Promise.all([repo.listQueue(db, actor.orgId, 100), repo.countOpenItems(db, actor.orgId)]);
      return { items: rows.map((r) => presentQueueItem(r.item, r.authorName, r.flagCount)), openCount };
    },

    /** One item with the content in context, its flags, and the author's history, strikes and notes. */
    async getItem(actor: Actor, itemId: string) {
      const item = await loadReviewable(actor, itemId);
      const target = await ctx.loadTarget(item.targetKind, item.targetId);
      const [context, flags, actions, notes, standing, names] = await Promise.all([
        contextOf(item),
        repo.listItemFlags(db, item.id),
        item.authorId ? repo.listSubjectActions(db, item.authorId) : [],
        item.authorId ? repo.listNotes(db, item.authorId) : [],
        item.authorId ? standingRepo.findStanding(db, item.authorId) : null,
        repo.findNames(db, item.authorId ? [item.authorId] : []),
      ]);
      const authorName = item.authorId ? (names.get(item.authorId) ?? null) : null;
      return {
        ...presentQueueItem(item, authorName, flags.filter((f) => f.flag.outcome === 'pending').length),
        status: item.status,
        resolution: item.resolution,
        content: { title: target?.title ?? null, body: target?.body ?? '', roomId: item.roomId, threadId: item.threadId, deleted: target?.deleted ?? true },
        context,
        flags: flags.map(({ flag, reporterName }) => ({
          id: flag.id, reason: flag.reason, note: flag.noteCiphertext ? cipher.decrypt(flag.noteCiphertext) : null, score: flag.score, outcome: flag.outcome,
          reporter: flag.reporterId ? { id: flag.reporterId, displayName: reporterName ?? '' } : null, createdAt: flag.createdAt.toISOString(),
        })),
        authorHistory: {
          trustLevel: standing?.trustLevel ?? null,
          strikes: actions.filter((a) => a.strike).length,
          actions: actions.map((a) => ({ id: a.id, action: a.action, reason: a.reason, createdAt: a.createdAt.toISOString(), expiresAt: a.expiresAt?.toISOString() ?? null })),
          notes: notes.map(({ note, authorName: by }) => ({
            id: note.id, body: cipher.decrypt(note.bodyCiphertext), author: note.authorId ? { id: note.authorId, displayName: by ?? '' } : null, createdAt: note.createdAt.toISOString(),
          })),
          mutedUntil: standing?.mutedUntil?.toISOString() ?? null,
          suspendedUntil: standing?.suspendedUntil?.toISOString() ?? null,
          banned: standing?.bannedAt != null,
        },
        templates: { ...WARNING_TEMPLATES },
        abilities: { act: canActOn(actor, item.authorId) && item.status === 'open', note: canActOn(actor, item.authorId) },
      };
    },

    /** A moderator's private note about the item's author (encrypted at rest). */
    async addNote(actor: Actor, itemId: string, body: NoteBody) {
      const item = await loadReviewable(actor, itemId);
      if (!item.authorId || !canActOn(actor, item.authorId)) throw ModerationErrors.cannotActOnSelf();
      await db.transaction(async (tx) => {
        const note = await repo.insertNote(tx, { orgId: item.orgId, subjectId: item.authorId, authorId: actor.userId, bodyCiphertext: cipher.encrypt(body.body) });
        await writeAudit(tx, { orgId: item.orgId, actorId: actor.userId, action: 'moderation.note_added', entityType: 'moderation_note', entityId: note.id });
      });
      return { ok: true as const };
    },
  };
}
