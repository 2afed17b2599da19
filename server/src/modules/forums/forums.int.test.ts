import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { addMemberRow, createGroupRow, createGroupWithBoard, createPublicBoard } from '../../test/factories/forums.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

const MISSING = '01890000-0000-7000-8000-000000000000';

async function startThread(user: TestUser, boardId: string, body: Record<string, unknown> = {}) {
  const res = await t.client(user).post(`/api/forums/boards/${boardId}/threads`, { title: 'Small steps this week', body: 'I went for a short walk today.', ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as { thread: { id: string }; posts: { id: string }[] };
}

async function reply(user: TestUser, threadId: string, body: Record<string, unknown> = {}) {
  const res = await t.client(user).post(`/api/forums/threads/${threadId}/posts`, { body: 'That sounds like a good step.', ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

async function auditCount(action: string, entityId: string) {
  const { rows } = await t.database.pool.query('select 1 from audit_log where action = $1 and entity_id = $2', [action, entityId]);
  return rows.length;
}

describe('boards', () => {
  it('lists public boards and the boards of my groups, but not boards of groups I am not in', async () => {
    const member = await t.createUser();
    const outsider = await t.createUser();
    const { board: pub } = await createPublicBoard(t, 'Everyday wins');
    const { board: mine } = await createGroupWithBoard(t, member);
    const requested = await createGroupRow(t);
    await addMemberRow(t, requested.id, outsider, 'requested');

    const res = await t.client(member).get('/api/forums/boards');
    expect(res.statusCode).toBe(200);
    const ids = res.json().boards.map((b: { id: string }) => b.id);
    expect(ids).toEqual(expect.arrayContaining([pub.id, mine.id]));
    const outsiderIds = (await t.client(outsider).get('/api/forums/boards')).json().boards.map((b: { id: string }) => b.id);
    expect(outsiderIds).toContain(pub.id);
    expect(outsiderIds).not.toContain(mine.id);
    expect((await t.client().get('/api/forums/boards')).statusCode).toBe(401);
  });

  it('lets moderators and admins create public boards, and nobody else', async () => {
    const moderator = await t.createUser('moderator');
    const admin = await t.createUser('admin');
    const facilitator = await t.createUser('facilitator');
    const res = await t.client(moderator).post('/api/forums/boards', { name: 'Sleep & rest', description: 'Tips and company for long nights.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'public', groupId: null, slug: 'sleep-rest', name: 'Sleep & rest', threadCount: 0, lastActivityAt: null, abilities: { post: true } });
    expect(await auditCount('forum_board.created', res.json().id)).toBe(1);
    expect((await t.client(admin).post('/api/forums/boards', { name: 'Admins welcome' })).statusCode).toBe(201);
    expect((await t.client(facilitator).post('/api/forums/boards', { name: 'Not allowed' })).statusCode).toBe(403);
    expect((await t.client().post('/api/forums/boards', { name: 'Anonymous' })).statusCode).toBe(401);
  });

  it('refuses an empty board name, a bad slug, and a slug that is taken', async () => {
    const moderator = await t.createUser('moderator');
    const bad = await t.client(moderator).post('/api/forums/boards', { name: '  ', slug: 'Not A Slug' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'slug']);
    expect((await t.client(moderator).post('/api/forums/boards', { name: 'Twice', slug: 'twice' })).statusCode).toBe(201);
    const taken = await t.client(moderator).post('/api/forums/boards', { name: 'Twice again', slug: 'twice' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slug_taken');
  });

  it('shows a board to people who can read it and hides a group board from non-members (404)', async () => {
    const member = await t.createUser();
    const outsider = await t.createUser();
    const moderator = await t.createUser('moderator');
    const { board: pub } = await createPublicBoard(t);
    const { board: groupBoard } = await createGroupWithBoard(t, member);
    expect((await t.client(outsider).get(`/api/forums/boards/${pub.id}`)).statusCode).toBe(200);
    expect((await t.client(member).get(`/api/forums/boards/${groupBoard.id}`)).json()).toMatchObject({ kind: 'group' });
    expect((await t.client(outsider).get(`/api/forums/boards/${groupBoard.id}`)).statusCode).toBe(404);
    expect((await t.client(moderator).get(`/api/forums/boards/${groupBoard.id}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/forums/boards/${MISSING}`)).statusCode).toBe(404);
    expect((await t.client(member).get('/api/forums/boards/not-an-id')).statusCode).toBe(422);
    expect((await t.client().get(`/api/forums/boards/${pub.id}`)).statusCode).toBe(401);
  });

  it('hides public boards of another organization', async () => {
    const { board } = await createPublicBoard(t);
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'GB', timezone: 'Europe/London' });
    const stranger = await t.createUser('member', { orgId: elsewhere.id });
    expect((await t.client(stranger).get(`/api/forums/boards/${board.id}`)).statusCode).toBe(404);
    expect((await t.client(stranger).get('/api/forums/boards')).json().boards.map((b: { id: string }) => b.id)).not.toContain(board.id);
  });
});

describe('group boards', () => {
  it('creates a group board on first visit, once, for active members only', async () => {
    const member = await t.createUser();
    const group = await createGroupRow(t, { name: 'Tuesday evening circle' });
    await addMemberRow(t, group.id, member);
    const first = await t.client(member).get(`/api/groups/${group.id}/board`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'group', groupId: group.id, name: 'Tuesday evening circle' });
    const second = await t.client(member).get(`/api/groups/${group.id}/board`);
    expect(second.json().id).toBe(first.json().id);
    expect(await auditCount('forum_board.created', first.json().id)).toBe(1);
  });

  it('answers 404 to non-members, people who only asked to join, and unknown groups', async () => {
    const outsider = await t.createUser();
    const requester = await t.createUser();
    const group = await createGroupRow(t);
    await addMemberRow(t, group.id, requester, 'requested');
    expect((await t.client(outsider).get(`/api/groups/${group.id}/board`)).statusCode).toBe(404);
    expect((await t.client(requester).get(`/api/groups/${group.id}/board`)).statusCode).toBe(404);
    expect((await t.client(outsider).get(`/api/groups/${MISSING}/board`)).statusCode).toBe(404);
    expect((await t.client(outsider).get('/api/groups/nope/board')).statusCode).toBe(422);
    expect((await t.client().get(`/api/groups/${group.id}/board`)).statusCode).toBe(401);
  });
});

describe('threads', () => {
  it('starts a thread with its opening post and a content note that round-trips', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const res = await t.client(member).post(`/api/forums/boards/${board.id}/threads`, { title: '  Missing my dad this month ', body: 'It has been a year.', contentNote: 'grief' });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view.thread).toMatchObject({ title: 'Missing my dad this month', contentNote: 'grief', replyCount: 0, author: { id: member.id }, abilities: { reply: true } });
    expect(view.posts).toHaveLength(1);
    expect(view.posts[0]).toMatchObject({ isOpening: true, body: 'It has been a year.', contentNote: 'grief', removed: false, abilities: { reply: true, edit: true, delete: true, react: true } });
    expect(await auditCount('forum_thread.created', view.thread.id)).toBe(1);

    const listed = (await t.client(member).get(`/api/forums/boards/${board.id}/threads`)).json();
    expect(listed.threads[0]).toMatchObject({ id: view.thread.id, contentNote: 'grief' });
    const read = (await t.client(await t.createUser()).get(`/api/forums/threads/${view.thread.id}`)).json();
    expect(read.posts[0]).toMatchObject({ contentNote: 'grief', body: 'It has been a year.', abilities: { edit: false, delete: false } });
  });

  it('treats an empty content note as none', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id, { contentNote: '   ' });
    expect(view.posts[0]).toMatchObject({ contentNote: null });
  });

  it('lists every problem with an empty or too long thread (422)', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const empty = await t.client(member).post(`/api/forums/boards/${board.id}/threads`, { title: ' ', body: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body', 'title']);
    const long = await t.client(member).post(`/api/forums/boards/${board.id}/threads`, { title: 'x'.repeat(151), body: 'y'.repeat(10_001), contentNote: 'z'.repeat(81) });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields).toHaveLength(3);
  });

  it('keeps a group board\'s threads from non-members (404) and lets members post', async () => {
    const member = await t.createUser();
    const outsider = await t.createUser();
    const { board } = await createGroupWithBoard(t, member);
    const view = await startThread(member, board.id);
    expect((await t.client(outsider).post(`/api/forums/boards/${board.id}/threads`, { title: 'Hi', body: 'Hello' })).statusCode).toBe(404);
    expect((await t.client(outsider).get(`/api/forums/boards/${board.id}/threads`)).statusCode).toBe(404);
    expect((await t.client(outsider).get(`/api/forums/threads/${view.thread.id}`)).statusCode).toBe(404);
    expect((await t.client(outsider).post(`/api/forums/threads/${view.thread.id}/posts`, { body: 'Hello' })).statusCode).toBe(404);
  });

  it('requires sign-in and a valid id to read or start threads', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    expect((await t.client().get(`/api/forums/boards/${board.id}/threads`)).statusCode).toBe(401);
    expect((await t.client().post(`/api/forums/boards/${board.id}/threads`, { title: 'Hi', body: 'Hello' })).statusCode).toBe(401);
    expect((await t.client().get(`/api/forums/threads/${view.thread.id}`)).statusCode).toBe(401);
    expect((await t.client(member).get(`/api/forums/threads/${MISSING}`)).statusCode).toBe(404);
    expect((await t.client(member).post(`/api/forums/boards/${MISSING}/threads`, { title: 'Hi', body: 'Hello' })).statusCode).toBe(404);
    expect((await t.client(member).get('/api/forums/threads/abc')).statusCode).toBe(422);
    expect((await t.client(member).get(`/api/forums/boards/${board.id}/threads?limit=0`)).statusCode).toBe(422);
    expect((await t.client(member).get(`/api/forums/boards/${board.id}/threads?cursor=abc`)).statusCode).toBe(422);
  });

  it('sorts threads by last activity and pages through them without gaps or repeats', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const a = await startThread(member, board.id, { title: 'A' });
    const b = await startThread(member, board.id, { title: 'B' });
    const c = await startThread(member, board.id, { title: 'C' });
    await reply(member, a.thread.id);
    const first = (await t.client(member).get(`/api/forums/boards/${board.id}/threads?limit=2`)).json();
    expect(first.threads.map((x: { title: string }) => x.title)).toEqual(['A', 'C']);
    expect(first.nextCursor).toBe(c.thread.id);
    const second = (await t.client(member).get(`/api/forums/boards/${board.id}/threads?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.threads.map((x: { id: string }) => x.id)).toEqual([b.thread.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('replies', () => {
  it('adds a reply, counts it and moves the thread\'s last activity in the same transaction', async () => {
    const member = await t.createUser();
    const other = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const before = (await t.client(member).get(`/api/forums/threads/${view.thread.id}`)).json().thread.lastActivityAt;
    const post = await reply(other, view.thread.id, { body: 'Me too, some weeks are like that.', contentNote: 'low mood' });
    const after = (await t.client(member).get(`/api/forums/threads/${view.thread.id}`)).json();
    expect(after.thread.replyCount).toBe(1);
    expect(new Date(after.thread.lastActivityAt).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(after.posts[1]).toMatchObject({ id: post.id, isOpening: false, contentNote: 'low mood', author: { id: other.id } });
    expect(await auditCount('forum_post.created', post.id)).toBe(1);
    const { rows } = await t.database.pool.query('select reply_count from forum_threads where id = $1', [view.thread.id]);
    expect(rows[0].reply_count).toBe(1);
  });

  it('refuses an empty or too long reply, and 401 when signed out', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    expect((await t.client(member).post(`/api/forums/threads/${view.thread.id}/posts`, { body: '   ' })).statusCode).toBe(422);
    expect((await t.client(member).post(`/api/forums/threads/${view.thread.id}/posts`, { body: 'x'.repeat(10_001) })).statusCode).toBe(422);
    expect((await t.client().post(`/api/forums/threads/${view.thread.id}/posts`, { body: 'Hello' })).statusCode).toBe(401);
    expect((await t.client(member).post(`/api/forums/threads/${MISSING}/posts`, { body: 'Hello' })).statusCode).toBe(404);
  });

  it('pages through a thread\'s posts oldest first', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const r1 = await reply(member, view.thread.id);
    const r2 = await reply(member, view.thread.id);
    const first = (await t.client(member).get(`/api/forums/threads/${view.thread.id}?limit=2`)).json();
    expect(first.posts.map((p: { id: string }) => p.id)).toEqual([view.posts[0]!.id, r1.id]);
    const second = (await t.client(member).get(`/api/forums/threads/${view.thread.id}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.posts.map((p: { id: string }) => p.id)).toEqual([r2.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('editing posts', () => {
  it('lets the author change the words and the content note, and audits it', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id, { contentNote: 'grief' });
    const postId = view.posts[0]!.id;
    const res = await t.client(member).patch(`/api/forums/posts/${postId}`, { body: 'Edited words.', contentNote: 'mentions self-harm' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ body: 'Edited words.', contentNote: 'mentions self-harm', isOpening: true });
    expect(res.json().editedAt).not.toBeNull();
    const cleared = await t.client(member).patch(`/api/forums/posts/${postId}`, { contentNote: null });
    expect(cleared.json()).toMatchObject({ body: 'Edited words.', contentNote: null });
    expect(await auditCount('forum_post.edited', postId)).toBe(2);
  });

  it('does not let anyone else edit a post, not even a moderator (403)', async () => {
    const member = await t.createUser();
    const other = await t.createUser();
    const moderator = await t.createUser('moderator');
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    expect((await t.client(other).patch(`/api/forums/posts/${view.posts[0]!.id}`, { body: 'Changed' })).statusCode).toBe(403);
    expect((await t.client(moderator).patch(`/api/forums/posts/${view.posts[0]!.id}`, { body: 'Changed' })).statusCode).toBe(403);
  });

  it('refuses an empty edit (422), a missing post (404) and a signed-out edit (401)', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const postId = view.posts[0]!.id;
    expect((await t.client(member).patch(`/api/forums/posts/${postId}`, {})).statusCode).toBe(422);
    expect((await t.client(member).patch(`/api/forums/posts/${postId}`, { body: '' })).statusCode).toBe(422);
    expect((await t.client(member).patch(`/api/forums/posts/${MISSING}`, { body: 'Hi' })).statusCode).toBe(404);
    expect((await t.client().patch(`/api/forums/posts/${postId}`, { body: 'Hi' })).statusCode).toBe(401);
  });
});

describe('removing posts', () => {
  it('lets the author remove a reply, leaving a tombstone and a lower reply count', async () => {
    const member = await t.createUser();
    const other = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const post = await reply(other, view.thread.id, { contentNote: 'grief' });
    await t.client(member).put(`/api/forums/posts/${post.id}/reactions/hug`);
    const res = await t.client(other).delete(`/api/forums/posts/${post.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, threadRemoved: false });
    const after = (await t.client(member).get(`/api/forums/threads/${view.thread.id}`)).json();
    expect(after.thread.replyCount).toBe(0);
    expect(after.posts[1]).toMatchObject({ removed: true, body: 'This post was removed.', contentNote: null, author: null, reactions: { hug: 0 }, abilities: { edit: false, delete: false, react: false } });
    expect(await auditCount('forum_post.deleted', post.id)).toBe(1);
    expect((await t.client(other).delete(`/api/forums/posts/${post.id}`)).statusCode).toBe(404);
    expect((await t.client(other).patch(`/api/forums/posts/${post.id}`, { body: 'back' })).statusCode).toBe(404);
  });

  it('does not let a member remove someone else\'s post (403)', async () => {
    const member = await t.createUser();
    const other = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const res = await t.client(other).delete(`/api/forums/posts/${view.posts[0]!.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/moderator/);
  });

  it('lets a moderator remove any post in a board they can read', async () => {
    const member = await t.createUser();
    const moderator = await t.createUser('moderator');
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const post = await reply(member, view.thread.id);
    const seen = (await t.client(moderator).get(`/api/forums/threads/${view.thread.id}`)).json();
    expect(seen.posts[1].abilities).toMatchObject({ edit: false, delete: true });
    expect((await t.client(moderator).delete(`/api/forums/posts/${post.id}`)).statusCode).toBe(200);
    const { rows } = await t.database.pool.query(`select data from audit_log where action = 'forum_post.deleted' and entity_id = $1`, [post.id]);
    expect(rows[0].data).toMatchObject({ byAuthor: false });
  });

  it('removes the whole thread when its opening post is removed', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    await reply(member, view.thread.id);
    const res = await t.client(member).delete(`/api/forums/posts/${view.posts[0]!.id}`);
    expect(res.json()).toEqual({ ok: true, threadRemoved: true });
    expect((await t.client(member).get(`/api/forums/threads/${view.thread.id}`)).statusCode).toBe(404);
    expect((await t.client(member).get(`/api/forums/boards/${board.id}/threads`)).json().threads).toHaveLength(0);
  });

  it('answers 401 signed out, 404 for a missing post, 422 for a bad id', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    expect((await t.client().delete(`/api/forums/posts/${view.posts[0]!.id}`)).statusCode).toBe(401);
    expect((await t.client(member).delete(`/api/forums/posts/${MISSING}`)).statusCode).toBe(404);
    expect((await t.client(member).delete('/api/forums/posts/123')).statusCode).toBe(422);
  });
});

describe('reactions', () => {
  it('counts supportive reactions per kind, idempotently, and shows which ones I gave', async () => {
    const member = await t.createUser();
    const a = await t.createUser();
    const b = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const postId = view.posts[0]!.id;
    const first = await t.client(a).put(`/api/forums/posts/${postId}/reactions/hug`);
    expect(first.statusCode).toBe(200);
    const again = await t.client(a).put(`/api/forums/posts/${postId}/reactions/hug`);
    expect(again.json()).toEqual({ postId, reactions: { hug: 1, thank_you: 0, me_too: 0 }, myReactions: ['hug'] });
    await t.client(a).put(`/api/forums/posts/${postId}/reactions/me_too`);
    await t.client(b).put(`/api/forums/posts/${postId}/reactions/hug`);
    await t.client(b).put(`/api/forums/posts/${postId}/reactions/thank_you`);
    expect(await auditCount('forum_reaction.added', postId)).toBe(4);

    const seen = (await t.client(a).get(`/api/forums/threads/${view.thread.id}`)).json();
    expect(seen.posts[0]).toMatchObject({ reactions: { hug: 2, thank_you: 1, me_too: 1 }, myReactions: ['hug', 'me_too'] });

    const removed = await t.client(a).delete(`/api/forums/posts/${postId}/reactions/hug`);
    expect(removed.json()).toMatchObject({ reactions: { hug: 1 }, myReactions: ['me_too'] });
    expect((await t.client(a).delete(`/api/forums/posts/${postId}/reactions/hug`)).statusCode).toBe(200);
    expect(await auditCount('forum_reaction.removed', postId)).toBe(1);
  });

  it('refuses a kind that is not supportive (422), a post I cannot read (404) and a signed-out reaction (401)', async () => {
    const member = await t.createUser();
    const outsider = await t.createUser();
    const { board } = await createGroupWithBoard(t, member);
    const view = await startThread(member, board.id);
    const postId = view.posts[0]!.id;
    const bad = await t.client(member).put(`/api/forums/posts/${postId}/reactions/downvote`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('kind');
    expect((await t.client(outsider).put(`/api/forums/posts/${postId}/reactions/hug`)).statusCode).toBe(404);
    expect((await t.client(outsider).delete(`/api/forums/posts/${postId}/reactions/hug`)).statusCode).toBe(404);
    expect((await t.client().put(`/api/forums/posts/${postId}/reactions/hug`)).statusCode).toBe(401);
    expect((await t.client().delete(`/api/forums/posts/${postId}/reactions/hug`)).statusCode).toBe(401);
  });

  it('does not take reactions on a removed post', async () => {
    const member = await t.createUser();
    const { board } = await createPublicBoard(t);
    const view = await startThread(member, board.id);
    const post = await reply(member, view.thread.id);
    await t.client(member).delete(`/api/forums/posts/${post.id}`);
    expect((await t.client(member).put(`/api/forums/posts/${post.id}/reactions/hug`)).statusCode).toBe(404);
  });
});

describe('access after leaving a group', () => {
  it('hides the group board once a member has left', async () => {
    const member = await t.createUser();
    const { group, board } = await createGroupWithBoard(t, member);
    await t.database.pool.query(`update group_members set status = 'left' where group_id = $1 and user_id = $2`, [group.id, member.id]);
    expect((await t.client(member).get(`/api/forums/boards/${board.id}`)).statusCode).toBe(404);
  });
});

describe('documentation and realtime', () => {
  it('documents every forum route in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/forums/boards', '/api/forums/boards/{id}', '/api/forums/boards/{id}/threads', '/api/groups/{id}/board',
      '/api/forums/threads/{id}', '/api/forums/threads/{id}/posts', '/api/forums/posts/{id}', '/api/forums/posts/{id}/reactions/{kind}',
    ]));
  });

  it('lets only readers watch a thread for changes, by the same rule as reading it', async () => {
    const member = await t.createUser();
    const outsider = await t.createUser();
    const { board } = await createGroupWithBoard(t, member);
    const view = await startThread(member, board.id);
    const as = (u: TestUser) => ({ userId: u.id, orgId: u.orgId, role: u.role });
    expect(await t.services.forums.canReadThread(as(member), view.thread.id)).toBe(true);
    expect(await t.services.forums.canReadThread(as(outsider), view.thread.id)).toBe(false);
    expect(await t.services.forums.canReadBoard(as(outsider), board.id)).toBe(false);
  });
});
