import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServerWithAdmin } from '../../test/factories/setup.ts';
import type { TestServer, TestUser } from '../../test/server.ts';

let t: TestServer;
let author: TestUser;
let admin: TestUser;
let member: TestUser;
beforeAll(async () => {
  ({ t, admin } = await createTestServerWithAdmin());
  author = await t.createUser('clinician');
  member = await t.createUser('member');
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const quiz = {
  passPercent: 100,
  questions: [{ id: 'q1', kind: 'multiple_choice', prompt: 'Which is open?', options: [{ id: 'a', text: 'Are you ok?' }, { id: 'b', text: 'How has it been?' }], correctOptionId: 'b', explanation: 'It invites a story.' }],
};

/** A published course with a reading and a quiz. */
async function course(by: TestUser = author) {
  const c = (await t.client(by).post('/api/training/courses', { title: 'Endings', summary: 'Closing a chat well.' })).json();
  await t.client(by).post(`/api/training/courses/${c.id}/lessons`, { kind: 'text', title: 'Reading', content: { markdown: 'Say **goodbye** kindly.' } });
  const detail = (await t.client(by).post(`/api/training/courses/${c.id}/lessons`, { kind: 'quiz', title: 'Check', content: { quiz } })).json();
  await t.client(by).patch(`/api/training/courses/${c.id}`, { published: true });
  return detail as { id: string; lessons: Array<{ id: string; title: string }> };
}

describe('editing a lesson', () => {
  it('shows authors the lesson as written, answers included, and hides it from learners', async () => {
    const c = await course();
    const quizLesson = c.lessons[1]!;
    const res = await t.client(author).get(`/api/training/lessons/${quizLesson.id}/source`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'quiz', title: 'Check', content: { quiz: { questions: [{ correctOptionId: 'b', explanation: 'It invites a story.' }] } } });
    expect((await t.client().get(`/api/training/lessons/${quizLesson.id}/source`)).statusCode).toBe(401);
    expect((await t.client(member).get(`/api/training/lessons/${quizLesson.id}/source`)).statusCode).toBe(403);
    expect((await t.client(author).get(`/api/training/lessons/${NO_SUCH_ID}/source`)).statusCode).toBe(404);
    expect((await t.client(author).get('/api/training/lessons/nope/source')).statusCode).toBe(422);
  });

  it('changes the title and content, keeping content suited to the lesson kind', async () => {
    const c = await course();
    const [reading] = c.lessons;
    const path = `/api/training/lessons/${reading!.id}`;
    expect((await t.client().patch(path, { title: 'New' })).statusCode).toBe(401);
    expect((await t.client(member).patch(path, { title: 'New' })).statusCode).toBe(403);
    expect((await t.client(author).patch(`/api/training/lessons/${NO_SUCH_ID}`, { title: 'New' })).statusCode).toBe(404);
    expect((await t.client(author).patch(path, {})).statusCode).toBe(422);
    const wrongKind = await t.client(author).patch(path, { content: { quiz } });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().error.fields[0].path).toBe('content.markdown');
    expect((await t.client(author).patch(path, { content: { markdown: 'x', media: { mediaId: NO_SUCH_ID, kind: 'video', transcript: 'Hello.' } } })).statusCode).toBe(422);
    const res = await t.client(author).patch(path, { title: 'Saying goodbye', content: { markdown: 'Endings *matter*.', resources: [{ title: 'Checklist', url: 'https://example.org/c.pdf' }] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Saying goodbye', content: { markdown: 'Endings *matter*.' } });
    const seen = (await t.client(member).get(path)).json();
    expect(seen).toMatchObject({ title: 'Saying goodbye', resources: [{ title: 'Checklist', href: 'https://example.org/c.pdf' }] });
    expect(seen.html).toContain('<em>matter</em>');
  });

  it('reorders lessons only when the list names each lesson once', async () => {
    const c = await course();
    const ids = c.lessons.map((l) => l.id);
    const path = `/api/training/courses/${c.id}/lesson-order`;
    expect((await t.client().put(path, { lessonIds: ids })).statusCode).toBe(401);
    expect((await t.client(member).put(path, { lessonIds: ids })).statusCode).toBe(403);
    expect((await t.client(author).put(`/api/training/courses/${NO_SUCH_ID}/lesson-order`, { lessonIds: ids })).statusCode).toBe(404);
    expect((await t.client(author).put(path, { lessonIds: [ids[0], ids[0]] })).statusCode).toBe(422);
    expect((await t.client(author).put(path, { lessonIds: 'all' })).statusCode).toBe(422);
    const res = await t.client(author).put(path, { lessonIds: [...ids].reverse() });
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons.map((l: { title: string }) => l.title)).toEqual(['Check', 'Reading']);
    expect((await t.client(member).get(`/api/training/courses/${c.id}`)).json().lessons.map((l: { id: string }) => l.id)).toEqual([...ids].reverse());
  });

  it('deletes a lesson with trainees’ progress on it', async () => {
    const c = await course();
    const [reading, check] = c.lessons;
    await t.client(member).put(`/api/training/lessons/${reading!.id}/progress`, { completed: true });
    expect((await t.client().delete(`/api/training/lessons/${reading!.id}`)).statusCode).toBe(401);
    expect((await t.client(member).delete(`/api/training/lessons/${reading!.id}`)).statusCode).toBe(403);
    expect((await t.client(author).delete('/api/training/lessons/nope')).statusCode).toBe(422);
    const res = await t.client(author).delete(`/api/training/lessons/${reading!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons.map((l: { id: string }) => l.id)).toEqual([check!.id]);
    expect((await t.client(author).delete(`/api/training/lessons/${reading!.id}`)).statusCode).toBe(404);
    const { rows } = await t.database.pool.query('select count(*)::int as n from training_lesson_progress where lesson_id = $1', [reading!.id]);
    expect(rows[0].n).toBe(0);
  });

  it('previews markdown with the trainees’ safe renderer', async () => {
    expect((await t.client().post('/api/training/preview', { markdown: '**hi**' })).statusCode).toBe(401);
    expect((await t.client(member).post('/api/training/preview', { markdown: '**hi**' })).statusCode).toBe(403);
    expect((await t.client(author).post('/api/training/preview', { markdown: 42 })).statusCode).toBe(422);
    const res = await t.client(author).post('/api/training/preview', { markdown: '# Title\n\n<script>x</script> **hi**' });
    expect(res.statusCode).toBe(200);
    expect(res.json().html).toContain('<h2>Title</h2>');
    expect(res.json().html).toContain('<strong>hi</strong>');
    expect(res.json().html).not.toContain('<script>');
  });
});

describe('certified trainers', () => {
  it('lets a supporter with a trainer certificate (granted by an admin, never claimed) write courses', async () => {
    const trainer = await t.createUser('peer_supporter');
    expect((await t.client(trainer).post('/api/training/courses', { title: 'Peer-led course' })).statusCode).toBe(403);
    expect((await t.client(trainer).post('/api/certificates/claim', { kind: 'trainer', holderName: 'Me' })).statusCode).toBe(422);
    expect((await t.client(admin).post('/api/certificates/grant', { userId: trainer.id, kind: 'trainer' })).statusCode).toBe(201);
    const created = await t.client(trainer).post('/api/training/courses', { title: 'Peer-led course' });
    expect(created.statusCode).toBe(201);
    expect(created.json().abilities.edit).toBe(true);
    expect((await t.client(trainer).get('/api/training/courses')).json().abilities.author).toBe(true);
    // Drafts stay visible to their author.
    expect((await t.client(trainer).get(`/api/training/courses/${created.json().id}`)).statusCode).toBe(200);
  });
});

describe('authoring a role-play', () => {
  const scenario = {
    persona: 'Alex, a member',
    setting: 'Alex has asked for a chat after a long week.',
    startNodeId: 's1',
    nodes: [
      { id: 's1', says: 'Work has been relentless and I feel like I am failing at everything.', next: { listened: 's2', missed: 's1' } },
      { id: 's2', says: 'Yes. Thank you for not telling me to just relax.', next: { listened: null, missed: 's2' } },
    ],
  };

  it('saves a branching scenario that trainees then practise with', async () => {
    const c = (await t.client(author).post('/api/training/courses', { title: 'Practice', summary: 'A role-play.' })).json();
    const res = await t.client(author).post(`/api/training/courses/${c.id}/lessons`, { kind: 'roleplay', title: 'Talking with Alex', content: { roleplay: scenario } });
    expect(res.statusCode).toBe(201);
    const lessonId = res.json().lessons[0].id as string;
    await t.client(author).patch(`/api/training/courses/${c.id}`, { published: true });
    const trainee = await t.createUser('peer_supporter');
    const advice = (await t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's1', reply: 'Have you tried yoga?' })).json();
    expect(advice).toMatchObject({ listened: false, nextNode: { id: 's1' } });
    const reflection = (await t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's1', reply: "It sounds like you've been carrying this alone for a long time." })).json();
    expect(reflection).toMatchObject({ listened: true, nextNode: { id: 's2' } });
    expect(reflection.feedback).not.toEqual(advice.feedback);
    // The author edits the scenario later; the source shows it as written.
    const edited = { ...scenario, nodes: [scenario.nodes[0], { ...scenario.nodes[1]!, says: 'Yes. That is exactly it.' }] };
    expect((await t.client(author).patch(`/api/training/lessons/${lessonId}`, { content: { roleplay: edited } })).statusCode).toBe(200);
    expect((await t.client(author).get(`/api/training/lessons/${lessonId}/source`)).json().content.roleplay.nodes[1].says).toBe('Yes. That is exactly it.');
    expect((await t.client(member).patch(`/api/training/lessons/${lessonId}`, { content: { roleplay: edited } })).statusCode).toBe(403);
  });

  it('explains kindly what is missing: who the person is, what a step says, where a step leads, and an ending', async () => {
    const c = (await t.client(author).post('/api/training/courses', { title: 'Practice drafts', summary: 'Drafts.' })).json();
    const post = (roleplay: unknown) => t.client(author).post(`/api/training/courses/${c.id}/lessons`, { kind: 'roleplay', title: 'Draft', content: { roleplay } });
    const fields = async (roleplay: unknown) => {
      const res = await post(roleplay);
      expect(res.statusCode).toBe(422);
      return res.json().error.fields as Array<{ path: string; message: string }>;
    };
    expect(await fields({ ...scenario, persona: '' })).toEqual([expect.objectContaining({ path: 'content.roleplay.persona', message: expect.stringContaining('who the trainee is talking to') })]);
    expect(await fields({ ...scenario, nodes: [{ ...scenario.nodes[0]!, says: ' ' }, scenario.nodes[1]] })).toEqual([
      expect.objectContaining({ path: 'content.roleplay.nodes.0.says', message: 'Please write what the person says at this step.' }),
    ]);
    expect((await fields({ ...scenario, nodes: [{ ...scenario.nodes[0]!, next: { listened: 's9', missed: 's1' } }, scenario.nodes[1]] }))[0]!.message).toBe('Every step must lead to an existing step, or end.');
    expect((await fields({ ...scenario, nodes: [scenario.nodes[0], { ...scenario.nodes[1]!, next: { listened: 's1', missed: 's2' } }] }))[0]!.message).toMatch(/needs to end the conversation/);
    expect((await fields({ ...scenario, startNodeId: 'nope' }))[0]!.path).toBe('content.roleplay.startNodeId');
    expect((await post(scenario)).statusCode).toBe(201);
  });
});
