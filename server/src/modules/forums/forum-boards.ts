import { writeAudit } from '../../platform/db/index.ts';
import { ForumErrors } from './forums.access.ts';
import type { ForumContext } from './forums.context.ts';
import * as policy from './forums.policy.ts';
import type { ForumActor } from './forums.policy.ts';
import { presentBoard } from './forums.presenter.ts';
import * as repo from './forums.repo.ts';
import type { CreateBoardBody, ForumBoard } from './forums.schemas.ts';

/** Public boards of my organization, then the boards of groups I am an active member of. */
export async function listBoards(ctx: ForumContext, actor: ForumActor): Promise<ForumBoard[]> {
  const groupIds = await ctx.groups.listActiveGroupIds(actor.userId);
  const rows = await repo.listVisibleBoards(ctx.db, actor.orgId, groupIds);
  return rows.map((row) => presentBoard(row, { post: true }));
}

/** One board the actor can read (404 otherwise). */
export async function getBoard(ctx: ForumContext, actor: ForumActor, boardId: string): Promise<ForumBoard> {
  await ctx.access.readableBoard(actor, boardId);
  return presentReadableBoard(ctx, boardId);
}

export async function presentReadableBoard(ctx: ForumContext, boardId: string): Promise<ForumBoard> {
  const row = await repo.findBoardWithStats(ctx.db, boardId);
  if (!row) throw ForumErrors.boardNotFound();
  return presentBoard(row, { post: true });
}

/** Moderators and admins open a new public board for the whole organization. */
export async function createBoard(ctx: ForumContext, actor: ForumActor, body: CreateBoardBody): Promise<ForumBoard> {
  if (!policy.canCreatePublicBoard(actor)) throw ForumErrors.cannotCreateBoard();
  const slug = body.slug ?? slugify(body.name);
  const board = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertBoardIfAbsent(tx, { orgId: actor.orgId, groupId: null, slug, name: body.name, description: body.description ?? '' });
    if (!created) throw ForumErrors.slugTaken();
    await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'forum_board.created', entityType: 'forum_board', entityId: created.id, data: { slug } });
    return created;
  });
  return presentReadableBoard(ctx, board.id);
}

/** A group's private board, created on first visit. Only active members of the group may see it. */
export async function getGroupBoard(ctx: ForumContext, actor: ForumActor, groupId: string): Promise<ForumBoard> {
  const group = await ctx.groups.findGroup(groupId);
  if (!group || group.orgId !== actor.orgId || !(await ctx.groups.isActiveMember(groupId, actor.userId))) {
    throw ForumErrors.groupBoardNotFound();
  }
  let board = await repo.findBoardByGroup(ctx.db, groupId);
  if (!board) {
    const created = await ctx.db.transaction(async (tx) => {
      const row = await repo.insertBoardIfAbsent(tx, {
        orgId: group.orgId,
        groupId,
        slug: `group-${groupId}`,
        name: group.name,
        description: `A private board for members of ${group.name}. Only members of the group can read it.`,
      });
      if (row) {
        await writeAudit(tx, { orgId: group.orgId, actorId: actor.userId, action: 'forum_board.created', entityType: 'forum_board', entityId: row.id, data: { groupId } });
      }
      return row;
    });
    // Null when another first visit created it a moment earlier.
    board = created ?? (await repo.findBoardByGroup(ctx.db, groupId));
    if (!board) throw ForumErrors.groupBoardNotFound();
  }
  return presentReadableBoard(ctx, board.id);
}

/** "Everyday Wins!" → "everyday-wins"; names with no Latin letters or digits get a short random slug. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `board-${Math.random().toString(36).slice(2, 8)}`;
}
