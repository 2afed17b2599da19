import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_CSRF_HEADER, SESSION_COOKIE } from '../../platform/http/index.ts';
import { createTestServer, type TestServer, type TestUser } from '../../test/server.ts';
import { trainingPersonalData } from './training.personal-data.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';

let t: TestServer;
let author: TestUser;
let trainee: TestUser;
beforeAll(async () => {
  t = await createTestServer();
  author = await t.createUser('clinician');
  trainee = await t.createUser('member');
});
afterAll(async () => t.close());

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

/** A multipart upload through the real HTTP stack (CSRF header included). */
function upload(user: TestUser | null, filename: string, type: string, bytes: Buffer) {
  const boundary = `----hearth${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (user) Object.assign(headers, { cookie: `${SESSION_COOKIE}=${user.cookie}`, 'x-csrf-token': user.csrfToken });
  else headers[ANONYMOUS_CSRF_HEADER] = '1';
  return t.app.inject({ method: 'POST', url: '/api/training/media', headers, payload });
}

const video = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

async function createCourseWithLessons() {
  const course = (await t.client(author).post('/api/training/courses', { title: 'Listening basics', summary: 'A short course.', kind: 'elective' })).json();
  const media = (await upload(author, 'welcome.webm', 'video/webm', video)).json();
  const add = (body: unknown) => t.client(author).post(`/api/training/courses/${course.id}/lessons`, body);
  expect((await add({ kind: 'text', title: 'Read me', content: { markdown: '# Welcome\n\n<script>alert(1)</script> [bad](javascript:alert(1)) **kind** words' } })).statusCode).toBe(201);
  expect((await add({ kind: 'media', title: 'Watch', content: { media: { mediaId: media.id, kind: 'video', transcript: 'A facilitator says hello.' }, resources: [{ title: 'Handout', url: 'https://example.org/handout.pdf' }] } })).statusCode).toBe(201);
  expect(
    (await add({
      kind: 'quiz', title: 'Check', content: { quiz: { passPercent: 50, questions: [
        { id: 'q1', kind: 'multiple_choice', prompt: 'Which is an open question?', options: [{ id: 'a', text: 'Are you okay?' }, { id: 'b', text: 'What has this week been like?' }], correctOptionId: 'b', explanation: 'It invites a story.' },
        { id: 'q2', kind: 'scenario', scenario: 'Someone says they feel alone.', prompt: 'Best reply?', options: [{ id: 'a', text: 'At least you have a job.' }, { id: 'b', text: 'It sounds lonely.' }], correctOptionId: 'b', explanation: 'It reflects the feeling.' },
      ] } },
    })).statusCode,
  ).toBe(201);
  const withRoleplay = await add({
    kind: 'roleplay', title: 'Practice', content: { roleplay: { persona: 'Sam', setting: 'A first chat.', startNodeId: 'a', nodes: [
      { id: 'a', says: 'I have been so tired of pretending everything is fine.', next: { listened: 'b', missed: 'a2' } },
      { id: 'a2', says: 'Yeah, maybe.', next: { listened: 'b', missed: 'a2' } },
      { id: 'b', says: 'Thank you. That helps.', next: { listened: null, missed: null } },
    ] } },
  });
  expect(withRoleplay.statusCode).toBe(201);
  expect((await t.client(author).patch(`/api/training/courses/${course.id}`, { published: true })).statusCode).toBe(200);
  return { course: withRoleplay.json(), media };
}

describe('courses', () => {
  it('installs the ten built-in modules on first visit, each with a quiz, and role-plays in the core modules', async () => {
    const { courses } = (await t.client(trainee).get('/api/training/courses')).json();
    const builtIn = courses.filter((c: { builtIn: boolean }) => c.builtIn);
    expect(builtIn).toHaveLength(10);
    expect(builtIn.every((c: { sources: unknown[] }) => c.sources.length > 0)).toBe(true);
    for (const c of builtIn) {
      const detail = (await t.client(trainee).get(`/api/training/courses/${c.id}`)).json();
      expect(detail.lessons.some((l: { kind: string }) => l.kind === 'quiz'), c.title).toBe(true);
    }
    for (const n of ['2.', '3.', '6.']) {
      const c = builtIn.find((x: { title: string }) => x.title.startsWith(n));
      const detail = (await t.client(trainee).get(`/api/training/courses/${c.id}`)).json();
      expect(detail.lessons.some((l: { kind: string }) => l.kind === 'roleplay'), c.title).toBe(true);
    }
    // Visiting again does not install twice.
    expect((await t.client(trainee).get('/api/training/courses')).json().courses.filter((c: { builtIn: boolean }) => c.builtIn)).toHaveLength(10);
  });

  it('lets authors write courses and keeps drafts from learners; members may not author (403), 401 and 422', async () => {
    const draft = (await t.client(author).post('/api/training/courses', { title: 'Draft course' })).json();
    expect(draft).toMatchObject({ published: false, abilities: { edit: true } });
    expect((await t.client(trainee).get(`/api/training/courses/${draft.id}`)).statusCode).toBe(404);
    expect((await t.client(trainee).post('/api/training/courses', { title: 'Mine' })).statusCode).toBe(403);
    expect((await t.client().post('/api/training/courses', { title: 'Mine' })).statusCode).toBe(401);
    const bad = await t.client(author).post('/api/training/courses', { title: '', kind: 'secret' });
    expect(bad.statusCode).toBe(422);
    expect((await t.client(author).post(`/api/training/courses/${draft.id}/lessons`, { kind: 'quiz', title: 'Empty', content: {} })).statusCode).toBe(422);
    expect((await t.client(author).post(`/api/training/courses/${draft.id}/lessons`, { kind: 'media', title: 'No transcript', content: { media: { url: 'https://example.org/v.mp4', kind: 'video', transcript: '' } } })).statusCode).toBe(422);
    expect((await t.client(author).post(`/api/training/courses/${NO_SUCH_ID}/lessons`, { kind: 'text', title: 'x', content: { markdown: 'x' } })).statusCode).toBe(404);
    expect((await t.client(author).get('/api/training/courses/not-an-id')).statusCode).toBe(422);
  });
});

describe('a trainee working through a course', () => {
  it('renders markdown safely, plays uploaded video with range requests, and remembers the position', async () => {
    const { course, media } = await createCourseWithLessons();
    const [text, mediaLesson] = course.lessons;
    const read = (await t.client(trainee).get(`/api/training/lessons/${text.id}`)).json();
    expect(read.html).toContain('<h2>Welcome</h2>');
    expect(read.html).toContain('&lt;script&gt;');
    expect(read.html).not.toContain('<script>');
    expect(read.html).not.toMatch(/href="javascript:/);

    const watch = (await t.client(trainee).get(`/api/training/lessons/${mediaLesson.id}`)).json();
    expect(watch.media).toMatchObject({ kind: 'video', src: `/api/training/media/${media.id}`, mimeType: 'video/webm', external: false });
    expect(watch.media.transcriptHtml).toContain('A facilitator says hello.');
    expect(watch.resources[0]).toMatchObject({ title: 'Handout', external: true });

    const headers = { cookie: `${SESSION_COOKIE}=${trainee.cookie}` };
    const whole = await t.app.inject({ method: 'GET', url: media.src, headers });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(video)).toBe(true);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await t.app.inject({ method: 'GET', url: media.src, headers: { ...headers, range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${video.length}`);
    expect(part.rawPayload.equals(video.subarray(100, 200))).toBe(true);
    const tail = await t.app.inject({ method: 'GET', url: media.src, headers: { ...headers, range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(video.subarray(-10))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: media.src, headers: { ...headers, range: 'bytes=9999999-' } })).statusCode).toBe(416);
    expect((await t.app.inject({ method: 'GET', url: media.src })).statusCode).toBe(401);

    // The player's position is saved, and "resume" goes back to this lesson.
    await t.client(trainee).put(`/api/training/lessons/${mediaLesson.id}/progress`, { mediaPositionSeconds: 42 });
    expect((await t.client(trainee).get(`/api/training/lessons/${mediaLesson.id}`)).json().progress.mediaPositionSeconds).toBe(42);
    expect((await t.client(trainee).get(`/api/training/courses/${course.id}`)).json().resumeLessonId).toBe(mediaLesson.id);
    expect((await t.client(trainee).put(`/api/training/lessons/${mediaLesson.id}/progress`, { mediaPositionSeconds: -1 })).statusCode).toBe(422);
  });

  it('scores quizzes with explanations, passing only at the pass mark', async () => {
    const { course } = await createCourseWithLessons();
    const quiz = course.lessons.find((l: { kind: string }) => l.kind === 'quiz');
    const shown = (await t.client(trainee).get(`/api/training/lessons/${quiz.id}`)).json();
    expect(JSON.stringify(shown.quiz)).not.toContain('correctOptionId');
    const missing = await t.client(trainee).post(`/api/training/lessons/${quiz.id}/quiz`, { answers: { q1: 'b' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields).toEqual([{ path: 'answers.q2', message: 'Please choose an answer.' }]);
    const failed = (await t.client(trainee).post(`/api/training/lessons/${quiz.id}/quiz`, { answers: { q1: 'a', q2: 'a' } })).json();
    expect(failed).toMatchObject({ scorePercent: 0, passed: false });
    expect(failed.results[0]).toMatchObject({ correct: false, correctOptionId: 'b', explanation: 'It invites a story.' });
    const passed = (await t.client(trainee).post(`/api/training/lessons/${quiz.id}/quiz`, { answers: { q1: 'b', q2: 'a' } })).json();
    expect(passed).toMatchObject({ scorePercent: 50, passed: true });
    expect((await t.client(trainee).get(`/api/training/lessons/${quiz.id}`)).json().progress).toMatchObject({ completed: true, passed: true, bestScorePercent: 50 });
    expect((await t.client(trainee).post(`/api/training/lessons/${course.lessons[0].id}/quiz`, { answers: {} })).statusCode).toBe(409);
  });

  it('gives different feedback to "Have you tried yoga?" than to a reflection, and moves on only when the trainee listened', async () => {
    const { course } = await createCourseWithLessons();
    const roleplay = course.lessons.find((l: { kind: string }) => l.kind === 'roleplay');
    const start = (await t.client(trainee).get(`/api/training/lessons/${roleplay.id}`)).json();
    expect(start.roleplay.currentNode.id).toBe('a');

    const advice = (await t.client(trainee).post(`/api/training/lessons/${roleplay.id}/roleplay`, { nodeId: 'a', reply: 'Have you tried yoga?' })).json();
    expect(advice).toMatchObject({ listened: false, pitfalls: ['advice'], finished: false, nextNode: { id: 'a2' } });
    expect(advice.feedback[0].text).toMatch(/Advice-giving/);

    const reflection = (await t.client(trainee).post(`/api/training/lessons/${roleplay.id}/roleplay`, { nodeId: 'a2', reply: "It sounds like you've been carrying this alone for a long time." })).json();
    expect(reflection).toMatchObject({ listened: true, skills: expect.arrayContaining(['reflection']), pitfalls: [], finished: true });
    expect(reflection.feedback[0].text).toMatch(/Reflecting feelings/);
    expect(reflection.feedback.map((f: { text: string }) => f.text)).not.toEqual(advice.feedback.map((f: { text: string }) => f.text));

    const done = (await t.client(trainee).get(`/api/training/lessons/${roleplay.id}`)).json();
    expect(done.roleplay).toMatchObject({ finished: true, currentNode: { id: 'b', says: 'Thank you. That helps.' } });
    expect(done.roleplay.turns.map((x: { reply: string }) => x.reply)).toEqual(['Have you tried yoga?', "It sounds like you've been carrying this alone for a long time."]);
    expect(done.progress.completed).toBe(true);
    const { rows } = await t.database.pool.query(`select reply_ciphertext from training_roleplay_turns where lesson_id = $1`, [roleplay.id]);
    expect(rows.every((r) => !String(r.reply_ciphertext).includes('yoga'))).toBe(true);

    expect((await t.client(trainee).post(`/api/training/lessons/${roleplay.id}/roleplay`, { nodeId: 'b', reply: 'Okay' })).statusCode).toBe(409);
    const again = (await t.client(trainee).post(`/api/training/lessons/${roleplay.id}/roleplay/restart`)).json();
    expect(again.roleplay).toMatchObject({ finished: false, currentNode: { id: 'a' }, turns: [] });
    expect((await t.client(trainee).post(`/api/training/lessons/${roleplay.id}/roleplay`, { nodeId: 'b', reply: 'Hello' })).statusCode).toBe(422);
    expect((await t.client(trainee).post(`/api/training/lessons/${roleplay.id}/roleplay`, { nodeId: 'a', reply: '' })).statusCode).toBe(422);
  });

  it('hides lessons of other organizations (404) and requires sign-in (401)', async () => {
    const { course, media } = await createCourseWithLessons();
    const org = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}`, country: 'US', timezone: 'UTC' });
    const outsider = await t.createUser('member', { orgId: org.id });
    expect((await t.client(outsider).get(`/api/training/lessons/${course.lessons[0].id}`)).statusCode).toBe(404);
    expect((await t.client(outsider).get(`/api/training/courses/${course.id}`)).statusCode).toBe(404);
    expect((await t.client(outsider).get(media.src)).statusCode).toBe(404);
    expect((await t.client().get(`/api/training/lessons/${course.lessons[0].id}`)).statusCode).toBe(401);
    expect((await t.client(trainee).get(`/api/training/lessons/${NO_SUCH_ID}`)).statusCode).toBe(404);
  });
});

describe('uploads', () => {
  it('accepts video and audio from authors only, and refuses other file types', async () => {
    expect((await upload(trainee, 'v.webm', 'video/webm', video)).statusCode).toBe(403);
    expect((await upload(null, 'v.webm', 'video/webm', video)).statusCode).toBe(401);
    const html = await upload(author, 'page.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    expect(html.statusCode).toBe(422);
    const audio = await upload(author, 'breath.ogg', 'audio/ogg', video);
    expect(audio.statusCode).toBe(201);
    expect(audio.json()).toMatchObject({ filename: 'breath.ogg', mimeType: 'audio/ogg', sizeBytes: video.length });
  });
});

describe('personal data', () => {
  it('exports and erases a trainee’s progress, answers and practice replies, and de-identifies certificates', async () => {
    const { course } = await createCourseWithLessons();
    const person = await t.createUser('peer_supporter');
    const roleplay = course.lessons.find((l: { kind: string }) => l.kind === 'roleplay');
    await t.client(person).post(`/api/training/lessons/${roleplay.id}/roleplay`, { nodeId: 'a', reply: 'That sounds exhausting.' });
    const admin = await t.createUser('admin');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: person.id, kind: 'peer_supporter', holderName: 'Pat' })).json();
    const contributor = trainingPersonalData({ db: t.database.db, cipher: createFieldCipher('0'.repeat(64)) });
    const exported = (await contributor.export(person.id)) as { roleplayReplies: Array<{ reply: string }>; certificates: unknown[] };
    expect(exported.roleplayReplies[0]!.reply).toBe('That sounds exhausting.');
    expect(exported.certificates).toHaveLength(1);
    await t.database.db.transaction((tx) => contributor.erase(tx, person.id));
    const { rows } = await t.database.pool.query(`select count(*)::int as n from training_roleplay_turns where user_id = $1`, [person.id]);
    expect(rows[0].n).toBe(0);
    const { rows: progress } = await t.database.pool.query(`select count(*)::int as n from training_lesson_progress where user_id = $1`, [person.id]);
    expect(progress[0].n).toBe(0);
    const page = (await t.client().get(`/api/verify/${cert.code}`)).json();
    expect(page).toMatchObject({ status: 'revoked', holderName: 'Former member' });
  });
});
