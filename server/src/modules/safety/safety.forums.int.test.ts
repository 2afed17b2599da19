import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupWithBoard, createPublicBoard } from '../../test/factories/forums.ts';
import { PLAIN_TEXT, setSafetySettings, URGENT_TEXT } from '../../test/factories/safety.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

describe('forum posts and safety', () => {
  it('publishes an urgent post at once by default, and gives its author the private card', async () => {
    const { board } = await createPublicBoard(t);
    const author = await t.createUser();
    const res = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Tonight', body: URGENT_TEXT });
    expect(res.statusCode).toBe(201);
    expect(res.json().safety).toEqual({ card: 'urgent', aboutSomeoneElse: false });
    expect(res.json().thread.heldForReview).toBe(false);
    const other = await t.createUser();
    expect((await t.client(other).get(`/api/forums/threads/${res.json().thread.id}`)).statusCode).toBe(200);
  });

  it('holds an urgent public post for review when the organization chooses, visible to its author, until a reviewer releases it', async () => {
    await setSafetySettings(t, { holdUrgentForumPosts: true });
    const { board, moderator } = await createPublicBoard(t);
    const [author, reader] = [await t.createUser(), await t.createUser()];
    const created = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Tonight', body: URGENT_TEXT });
    expect(created.statusCode).toBe(201);
    expect(created.json().safety).toMatchObject({ card: 'urgent', held: true, notice: expect.stringMatching(/person from our team will reach out soon/) });
    const threadId = created.json().thread.id;
    const postId = created.json().posts[0].id;

    // The author still sees it (never a silent drop); others do not, and the board does not count it.
    const mine = await t.client(author).get(`/api/forums/threads/${threadId}`);
    expect(mine.json().posts[0]).toMatchObject({ body: URGENT_TEXT, heldForReview: true });
    expect((await t.client(reader).get(`/api/forums/threads/${threadId}`)).statusCode).toBe(404);
    expect((await t.client(reader).get(`/api/forums/boards/${board.id}/threads`)).json().threads).toHaveLength(0);
    expect((await t.client(author).get(`/api/forums/boards/${board.id}/threads`)).json().threads).toHaveLength(1);
    expect((await t.client(reader).get(`/api/forums/boards/${board.id}`)).json().threadCount).toBe(0);

    // A held reply in someone else's thread: hidden and not counted until released.
    const open = await t.client(reader).post(`/api/forums/boards/${board.id}/threads`, { title: 'Small wins', body: 'I made tea today.' });
    const reply = await t.client(author).post(`/api/forums/threads/${open.json().thread.id}/posts`, { body: URGENT_TEXT });
    expect(reply.json()).toMatchObject({ heldForReview: true, safety: { held: true } });
    const readerView = (await t.client(reader).get(`/api/forums/threads/${open.json().thread.id}`)).json();
    expect(readerView.posts).toHaveLength(1);
    expect(readerView.thread.replyCount).toBe(0);

    // Reviewers see held posts and release them.
    const clinician = await t.createUser('clinician');
    expect((await t.client(clinician).get(`/api/forums/threads/${threadId}`)).statusCode).toBe(200);
    expect((await t.client(reader).post(`/api/forums/posts/${postId}/release`)).statusCode).toBe(404);
    expect((await t.client().post(`/api/forums/posts/${postId}/release`)).statusCode).toBe(401);
    expect((await t.client(moderator).post(`/api/forums/posts/nope/release`)).statusCode).toBe(422);
    const released = await t.client(moderator).post(`/api/forums/posts/${postId}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json().heldForReview).toBe(false);
    expect((await t.client(reader).get(`/api/forums/threads/${threadId}`)).statusCode).toBe(200);
    await t.client(clinician).post(`/api/forums/posts/${reply.json().id}/release`);
    expect((await t.client(reader).get(`/api/forums/threads/${open.json().thread.id}`)).json().thread.replyCount).toBe(1);

    // The case shows the post to reviewers.
    const cases = (await t.client(clinician).get('/api/safety/cases')).json().cases;
    const caseId = cases.find((c: { subject: { id: string } }) => c.subject.id === author.id).id;
    const view = (await t.client(clinician).get(`/api/safety/cases/${caseId}`)).json();
    expect(view.context.forumPost).toMatchObject({ id: postId, body: URGENT_TEXT, title: 'Tonight' });
    await setSafetySettings(t, { holdUrgentForumPosts: false });
  });

  it('never holds posts on a group\'s private board', async () => {
    await setSafetySettings(t, { holdUrgentForumPosts: true });
    const author = await t.createUser();
    const { board } = await createGroupWithBoard(t, author);
    const res = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'Tonight', body: URGENT_TEXT });
    expect(res.json().thread.heldForReview).toBe(false);
    expect(res.json().safety.card).toBe('urgent');
    await setSafetySettings(t, { holdUrgentForumPosts: false });
  });

  it('re-assesses an edited post: new urgent words open a case and record the assessment for that post', async () => {
    const { board } = await createPublicBoard(t);
    const author = await t.createUser();
    const created = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'A long week', body: 'Work has been busy, but I am getting through it.' });
    expect(created.json().safety).toBeUndefined();
    const postId = created.json().posts[0].id;
    const edited = await t.client(author).patch(`/api/forums/posts/${postId}`, { body: URGENT_TEXT });
    expect(edited.statusCode).toBe(200);
    const rows = await t.database.pool.query(`select level from risk_assessments where source_kind = 'forum_post' and source_id = $1 order by created_at`, [postId]);
    expect(rows.rows.map((r) => r.level)).toEqual(['none', 'urgent']);
    const moderator = await t.createUser('moderator');
    const cases = (await t.client(moderator).get('/api/safety/cases')).json().cases;
    expect(cases.find((c: { subject: { id: string } }) => c.subject.id === author.id)).toMatchObject({ level: 'urgent', sourceKind: 'forum_post' });
    // The author gets the same private card as for a new post.
    expect(edited.json().safety).toEqual({ card: 'urgent', aboutSomeoneElse: false });
    expect(edited.json().heldForReview).toBe(false);
  });

  it('holds an edited reply that turns urgent when the organization chooses, tells its author, and keeps the count honest', async () => {
    await setSafetySettings(t, { holdUrgentForumPosts: true });
    try {
      const { board, moderator } = await createPublicBoard(t);
      const [opener, author] = [await t.createUser(), await t.createUser()];
      const open = await t.client(opener).post(`/api/forums/boards/${board.id}/threads`, { title: 'Small wins', body: 'I made tea today.' });
      const threadId = open.json().thread.id;
      const reply = await t.client(author).post(`/api/forums/threads/${threadId}/posts`, { body: PLAIN_TEXT });
      expect(reply.json().heldForReview).toBe(false);
      expect((await t.client(opener).get(`/api/forums/threads/${threadId}`)).json().thread.replyCount).toBe(1);

      const edited = await t.client(author).patch(`/api/forums/posts/${reply.json().id}`, { body: URGENT_TEXT });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ heldForReview: true, safety: { card: 'urgent', held: true, notice: expect.stringMatching(/person from our team will reach out soon/) } });
      // The author still sees it; others do not, and the count does not give it away.
      expect((await t.client(author).get(`/api/forums/threads/${threadId}`)).json().posts.map((p: { id: string }) => p.id)).toContain(reply.json().id);
      const readerView = (await t.client(opener).get(`/api/forums/threads/${threadId}`)).json();
      expect(readerView.posts.map((p: { id: string }) => p.id)).not.toContain(reply.json().id);
      expect(readerView.thread.replyCount).toBe(0);

      // Released by a reviewer, it is back and counted once.
      expect((await t.client(moderator).post(`/api/forums/posts/${reply.json().id}/release`)).statusCode).toBe(200);
      expect((await t.client(opener).get(`/api/forums/threads/${threadId}`)).json().thread.replyCount).toBe(1);

      // An edit to the content note only is not assessed again and holds nothing.
      const noteOnly = await t.client(author).patch(`/api/forums/posts/${reply.json().id}`, { contentNote: 'hard feelings' });
      expect(noteOnly.statusCode).toBe(200);
      expect(noteOnly.json().heldForReview).toBe(false);
      expect(noteOnly.json().safety).toBeUndefined();
    } finally {
      await setSafetySettings(t, { holdUrgentForumPosts: false });
    }
  });

  it('holds an opening post edited into urgent words on a public board, but never on a group\'s private board', async () => {
    await setSafetySettings(t, { holdUrgentForumPosts: true });
    try {
      const { board } = await createPublicBoard(t);
      const author = await t.createUser();
      const reader = await t.createUser();
      const created = await t.client(author).post(`/api/forums/boards/${board.id}/threads`, { title: 'This week', body: PLAIN_TEXT });
      const postId = created.json().posts[0].id;
      const edited = await t.client(author).patch(`/api/forums/posts/${postId}`, { body: URGENT_TEXT });
      expect(edited.json()).toMatchObject({ heldForReview: true, safety: { held: true } });
      const seen = (await t.client(reader).get(`/api/forums/threads/${created.json().thread.id}`)).json();
      expect(seen.posts.map((p: { id: string }) => p.id)).not.toContain(postId);

      const groupAuthor = await t.createUser();
      const { board: groupBoard } = await createGroupWithBoard(t, groupAuthor);
      const inGroup = await t.client(groupAuthor).post(`/api/forums/boards/${groupBoard.id}/threads`, { title: 'Tonight', body: PLAIN_TEXT });
      const groupEdit = await t.client(groupAuthor).patch(`/api/forums/posts/${inGroup.json().posts[0].id}`, { body: URGENT_TEXT });
      expect(groupEdit.json()).toMatchObject({ heldForReview: false, safety: { card: 'urgent' } });
    } finally {
      await setSafetySettings(t, { holdUrgentForumPosts: false });
    }
  });
});
