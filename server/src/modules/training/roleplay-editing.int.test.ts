import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';

let t: TestServer;
let author: TestUser;
beforeAll(async () => {
  t = await createTestServer();
  author = await t.createUser('clinician');
});
afterAll(async () => t.close());

const scenario = {
  persona: 'Alex, a member',
  setting: 'Alex has asked for a chat after a long week.',
  startNodeId: 's1',
  nodes: [
    { id: 's1', says: 'Work has been relentless and I feel like I am failing at everything.', next: { listened: 's2', missed: 's1' } },
    { id: 's2', says: 'Yes. Thank you for not telling me to just relax.', next: { listened: 's3', missed: 's2' } },
    { id: 's3', says: 'I think I will talk to my manager tomorrow.', next: { listened: null, missed: null } },
  ],
};
/** The same conversation with a new step between s2 and s3. */
const withNewStep = {
  ...scenario,
  nodes: [
    scenario.nodes[0]!,
    { ...scenario.nodes[1]!, next: { listened: 's2b', missed: 's2' } },
    { id: 's2b', says: 'Mostly I am just tired.', next: { listened: 's3', missed: 's2b' } },
    scenario.nodes[2]!,
  ],
};
const LISTENING = "It sounds like you've been carrying this alone for a long time.";

async function publishedRoleplay() {
  const c = (await t.client(author).post('/api/training/courses', { title: 'Practice', summary: 'A role-play.' })).json();
  const res = await t.client(author).post(`/api/training/courses/${c.id}/lessons`, { kind: 'roleplay', title: 'Talking with Alex', content: { roleplay: scenario } });
  expect(res.statusCode).toBe(201);
  await t.client(author).patch(`/api/training/courses/${c.id}`, { published: true });
  return { courseId: c.id as string, lessonId: res.json().lessons[0].id as string };
}

describe('editing a role-play people have started', () => {
  it('lets the author change the steps freely until someone has replied', async () => {
    const { lessonId } = await publishedRoleplay();
    const looker = await t.createUser('peer_supporter');
    // Opening the lesson and restarting it saves no reply, so it does not fix the steps.
    expect((await t.client(looker).get(`/api/training/lessons/${lessonId}`)).statusCode).toBe(200);
    expect((await t.client(looker).post(`/api/training/lessons/${lessonId}/roleplay/restart`, {})).statusCode).toBe(200);
    expect((await t.client(author).get(`/api/training/lessons/${lessonId}/source`)).json().startedBy).toBe(0);
    const res = await t.client(author).patch(`/api/training/lessons/${lessonId}`, { content: { roleplay: withNewStep } });
    expect(res.statusCode).toBe(200);
    expect(res.json().content.roleplay.nodes).toHaveLength(4);
  });

  it('refuses to change the steps once someone has practised, explains why, keeps their place, and still allows rewording', async () => {
    const { lessonId } = await publishedRoleplay();
    const trainee = await t.createUser('peer_supporter');
    expect((await t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's1', reply: LISTENING })).json()).toMatchObject({ listened: true, nextNode: { id: 's2' } });
    expect((await t.client(author).get(`/api/training/lessons/${lessonId}/source`)).json().startedBy).toBe(1);

    const refused = await t.client(author).patch(`/api/training/lessons/${lessonId}`, { title: 'Alex, longer', content: { roleplay: withNewStep } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'roleplay_started', fields: [{ path: 'content.roleplay' }] });
    expect(refused.json().error.message).toMatch(/^One person has already practised this role-play.*save your version as a new role-play/);
    for (const steps of [{ ...scenario, startNodeId: 's2' }, { ...scenario, nodes: scenario.nodes.slice(0, 2).map((n) => ({ ...n, next: { listened: null, missed: null } })) }]) {
      expect((await t.client(author).patch(`/api/training/lessons/${lessonId}`, { content: { roleplay: steps } })).statusCode).toBe(409);
    }
    // Nothing changed, title included, and the trainee carries on where they were.
    const source = (await t.client(author).get(`/api/training/lessons/${lessonId}/source`)).json();
    expect(source).toMatchObject({ title: 'Talking with Alex', content: { roleplay: scenario } });
    const lesson = (await t.client(trainee).get(`/api/training/lessons/${lessonId}`)).json();
    expect(lesson.roleplay).toMatchObject({ currentNode: { id: 's2' }, finished: false, turns: [{ nodeId: 's1', says: scenario.nodes[0]!.says, reply: LISTENING, listened: true }] });

    // Rewording is fine: the steps stay the same.
    const reworded = { ...scenario, setting: 'A Friday evening chat.', nodes: scenario.nodes.map((n) => (n.id === 's2' ? { ...n, says: 'Yes. That is it exactly.' } : n)) };
    expect((await t.client(author).patch(`/api/training/lessons/${lessonId}`, { content: { roleplay: reworded } })).statusCode).toBe(200);
    expect((await t.client(trainee).get(`/api/training/lessons/${lessonId}`)).json().roleplay).toMatchObject({ setting: 'A Friday evening chat.', currentNode: { id: 's2', says: 'Yes. That is it exactly.' } });
    expect((await t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's2', reply: LISTENING })).json()).toMatchObject({ nextNode: { id: 's3' } });
  });

  it('saves the new steps as a new role-play beside the one people started', async () => {
    const { courseId, lessonId } = await publishedRoleplay();
    const trainee = await t.createUser('peer_supporter');
    await t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's1', reply: LISTENING });
    const copy = await t.client(author).post(`/api/training/courses/${courseId}/lessons`, { kind: 'roleplay', title: 'Talking with Alex (new version)', content: { roleplay: withNewStep } });
    expect(copy.statusCode).toBe(201);
    expect(copy.json().lessons.map((l: { title: string }) => l.title)).toEqual(['Talking with Alex', 'Talking with Alex (new version)']);
    const fresh = copy.json().lessons[1].id as string;
    expect((await t.client(trainee).get(`/api/training/lessons/${fresh}`)).json().roleplay).toMatchObject({ currentNode: { id: 's1' }, turns: [] });
    expect((await t.client(trainee).get(`/api/training/lessons/${lessonId}`)).json().roleplay).toMatchObject({ currentNode: { id: 's2' } });
  });

  it('does not save a reply against steps an author changed at the same moment', async () => {
    const { lessonId } = await publishedRoleplay();
    const trainee = await t.createUser('peer_supporter');
    // Hold the lesson as an author's edit would, change its steps, and let the trainee's reply wait on the lock.
    const editor = await t.database.pool.connect();
    try {
      await editor.query('begin');
      await editor.query('select id from training_lessons where id = $1 for update', [lessonId]);
      await editor.query(`update training_lessons set content = $2 where id = $1`, [lessonId, JSON.stringify({ roleplay: { ...scenario, startNodeId: 's2' } })]);
      const reply = t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's1', reply: LISTENING });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await editor.query('commit');
      const res = await reply;
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'roleplay_changed', message: expect.stringContaining('your reply is kept') });
    } finally {
      editor.release();
    }
    const { rows } = await t.database.pool.query('select count(*)::int as n from training_roleplay_turns where lesson_id = $1', [lessonId]);
    expect(rows[0].n).toBe(0);
  });

  it('asks for sign-in, refuses people who do not write courses, says when a lesson is missing, and checks the body', async () => {
    const { lessonId } = await publishedRoleplay();
    const path = `/api/training/lessons/${lessonId}`;
    expect((await t.client().patch(path, { content: { roleplay: withNewStep } })).statusCode).toBe(401);
    expect((await t.client(await t.createUser('member')).patch(path, { content: { roleplay: withNewStep } })).statusCode).toBe(403);
    expect((await t.client(author).patch('/api/training/lessons/01900000-0000-7000-8000-000000000000', { content: { roleplay: withNewStep } })).statusCode).toBe(404);
    expect((await t.client(author).patch(path, { content: { roleplay: { ...withNewStep, startNodeId: 'nope' } } })).statusCode).toBe(422);
  });
});
