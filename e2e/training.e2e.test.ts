import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import type { TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';
import { grantCertificate } from '../server/src/test/factories/training.ts';
import { recordVideo, uploadTrainingVideo } from './support/training.ts';

const { app, browser, openAs } = useBrowserApp();
const london = { timezoneId: 'Europe/London' };

/** An author builds a module with a reading, a video (uploaded, with transcript), a quiz and a role-play. */
async function buildModule(author: TestUser, videoBytes: Buffer) {
  const t = app.server;
  const mediaId = await uploadTrainingVideo(t, author, videoBytes, 'welcome.webm');
  const course = (await t.client(author).post('/api/training/courses', { title: 'Listening in practice', summary: 'A short module.', kind: 'core' })).json();
  const add = async (body: unknown) => {
    const res = await t.client(author).post(`/api/training/courses/${course.id}/lessons`, body);
    if (res.statusCode !== 201) throw new Error(`lesson failed: ${res.body}`);
  };
  await add({ kind: 'text', title: 'Why listening matters', content: { markdown: 'Feeling **heard** is often the first change.' } });
  await add({ kind: 'media', title: 'A welcome from the team', content: { media: { mediaId, kind: 'video', transcript: 'Colours fade gently while a facilitator welcomes you to the course.' } } });
  await add({
    kind: 'quiz', title: 'Quick check', content: { quiz: { passPercent: 100, questions: [
      { id: 'q1', kind: 'scenario', scenario: 'A member says they feel alone.', prompt: 'Which reply reflects what you heard?', options: [{ id: 'a', text: 'Have you tried going out more?' }, { id: 'b', text: 'It sounds really lonely right now.' }], correctOptionId: 'b', explanation: 'It names the feeling without fixing it.' },
    ] } },
  });
  await add({
    kind: 'roleplay', title: 'Practice with Sam', content: { roleplay: { persona: 'Sam, a member', setting: 'Sam has asked for a chat.', startNodeId: 'a', nodes: [
      { id: 'a', says: "I've been so tired of pretending everything is fine.", next: { listened: 'end', missed: 'b' } },
      { id: 'b', says: 'Yeah... maybe.', next: { listened: 'end', missed: 'b' } },
      { id: 'end', says: 'Thank you. That helps.', next: { listened: null, missed: null } },
    ] } },
  });
  await t.client(author).patch(`/api/training/courses/${course.id}`, { published: true });
  return course.id as string;
}

describe('training', () => {
  it('a trainee completes a module with a lesson, a video, a quiz and a role-play, with feedback on each reply', async () => {
    const t = app.server;
    const author = await t.createUser('clinician');
    const trainee = await t.createUser('peer_supporter', { timezone: 'Europe/London' });
    const { page, errors } = await openAs(trainee, '/training', london);
    const courseId = await buildModule(author, await recordVideo(page));

    // The course page: start at the first lesson.
    await page.goto(`${app.baseUrl}/training/courses/${courseId}`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Listening in practice' }), 'the course heading');
    await expectAccessible(page, 'course page');
    await page.getByRole('link', { name: 'Start', exact: true }).click();

    // 1. The reading.
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Why listening matters' }), 'the reading lesson');
    await expect.poll(() => page.locator('strong', { hasText: 'heard' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Next lesson' }).click();

    // 2. The video: it plays from the app (range requests), has a transcript, and remembers where it stopped.
    await expectVisible(page.getByRole('heading', { level: 1, name: 'A welcome from the team' }), 'the video lesson');
    await expectVisible(page.getByText('Colours fade gently'), 'the transcript');
    const video = page.locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'video lesson');
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
      await new Promise((r) => setTimeout(r, 1200));
      v.pause();
    });
    await expect.poll(async () => (await t.client(trainee).get(page.url().replace(app.baseUrl, '').replace('/training/lessons/', '/api/training/lessons/'))).json().progress.mediaPositionSeconds).toBeGreaterThanOrEqual(1);
    // Resuming at the saved position after leaving and coming back is checked in training-practice.e2e.test.ts.
    await page.getByRole('link', { name: 'Next lesson' }).click();

    // 3. The quiz: a wrong answer is explained, the right one passes.
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Quick check' }), 'the quiz');
    await page.getByRole('radio', { name: 'Have you tried going out more?' }).check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await expectVisible(page.getByText('Not quite. It names the feeling without fixing it.'), 'the explanation after a wrong answer');
    await page.getByRole('radio', { name: 'It sounds really lonely right now.' }).check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await expectVisible(page.getByText('Well done, you passed.'), 'the pass message');
    await expectAccessible(page, 'quiz');
    await page.getByRole('link', { name: 'Next lesson' }).click();

    // 4. The role-play: advice and a reflection get different, specific feedback.
    await expectVisible(page.getByText("I've been so tired of pretending everything is fine."), 'the simulated person');
    const reply = page.getByRole('textbox', { name: 'Your reply' });
    await reply.fill('Have you tried yoga?');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const feedback = page.getByRole('region', { name: 'Feedback on your reply' });
    await expectVisible(feedback.first().getByText(/Advice-giving: "Have you tried yoga\?"/), 'advice-giving feedback for the yoga reply');
    await expectVisible(page.getByText('Yeah... maybe.'), 'the person closing up a little');
    await reply.fill("It sounds like you've been carrying this alone for a long time.");
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(feedback.nth(1).getByText(/Reflecting feelings: "It sounds like you've been carrying this alone/), 'reflection feedback');
    expect(await feedback.nth(1).getByText(/Advice-giving/).count()).toBe(0);
    await expectVisible(page.getByText('The practice conversation has ended.'), 'the end of the practice');
    await expectAccessible(page, 'role-play');

    // The module is complete, and the list says so.
    await page.goto(`${app.baseUrl}/training/courses/${courseId}`);
    await expectVisible(page.getByText('Completed', { exact: true }), 'the course marked completed');
    expect(errors).toEqual([]);
  });

  it('shows a certificate on its public verification page without signing in', async () => {
    const t = app.server;
    const admin = await t.createUser('admin');
    const holder = await t.createUser('peer_supporter');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: holder.id, kind: 'peer_supporter', holderName: 'Riley S.' })).json();
    const anonymous = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await openPage(anonymous);
      await page.goto(`${app.baseUrl}/verify/${cert.code}`);
      await expectVisible(page.getByText('This certificate is valid.'), 'the valid status');
      await expectVisible(page.getByRole('cell', { name: 'Riley S.' }), 'the holder name');
      await expectAccessible(page, 'verification page');
    } finally {
      await anonymous.close();
    }
  });

  it('an author writes a course in the editor: markdown with preview, a quiz, reordering and deleting lessons', async () => {
    const t = app.server;
    const author = await t.createUser('clinician');
    const { page, errors } = await openAs(author, '/training');
    await page.getByRole('textbox', { name: 'Course title' }).fill('Ending a conversation well');
    await page.getByRole('button', { name: 'Create draft course' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Edit course: Ending a conversation well' }), 'the course editor');

    // A reading, previewed with the trainees' renderer.
    await page.getByRole('button', { name: 'Add a lesson' }).click();
    await page.getByRole('textbox', { name: 'Lesson title' }).fill('Saying goodbye');
    await page.getByRole('textbox', { name: 'Text (markdown)' }).fill('Endings **matter** to people.');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expectVisible(page.locator('strong', { hasText: 'matter' }), 'the markdown preview');
    await expectAccessible(page, 'lesson editor');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expectVisible(page.getByText('1. Saying goodbye'), 'the first lesson in the list');

    // A quiz with the right answer and its explanation.
    await page.getByRole('button', { name: 'Add a lesson' }).click();
    await page.getByRole('combobox', { name: 'Kind of lesson' }).click();
    await page.getByRole('option', { name: 'Quiz' }).click();
    await page.getByRole('textbox', { name: 'Lesson title' }).fill('Check your endings');
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Which ending leaves the door open?');
    await page.getByRole('textbox', { name: 'Answer A' }).fill('Bye.');
    await page.getByRole('textbox', { name: 'Answer B' }).fill('I am glad you reached out; you can come back any time.');
    await page.getByRole('radio', { name: 'Correct answer: Answer B' }).check();
    await page.getByRole('textbox', { name: 'Explanation (shown after answering)' }).fill('It names the connection and the way back.');
    await expectAccessible(page, 'quiz editor');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expectVisible(page.getByText('2. Check your endings'), 'the quiz in the list');

    // Reorder, then delete the reading.
    await page.getByRole('button', { name: 'Move “Check your endings” up' }).click();
    await expectVisible(page.getByText('1. Check your endings'), 'the quiz moved first');
    await page.getByRole('button', { name: 'Delete “Saying goodbye”' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => page.getByText('Saying goodbye').count()).toBe(0);
    await expectAccessible(page, 'course editor');

    const courseId = page.url().split('/courses/')[1]!.replace('/edit', '');
    const lessons = (await t.client(author).get(`/api/training/courses/${courseId}`)).json().lessons;
    expect(lessons.map((l: { title: string }) => l.title)).toEqual(['Check your endings']);
    const source = (await t.client(author).get(`/api/training/lessons/${lessons[0].id}/source`)).json();
    expect(source.content.quiz.questions[0]).toMatchObject({ correctOptionId: 'b', explanation: 'It names the connection and the way back.' });
    expect(errors).toEqual([]);
  });
});

describe('supervision', () => {
  it('an admin assigns a supervisor; the member rates an ended chat; the supporter logs it pre-filled; the supervisor comments, signs off and schedules', async () => {
    const t = app.server;
    const admin = await t.createUser('admin');
    const supervisor = await t.createUser('clinician', { displayName: 'Dr Amara' });
    const supporter = await t.createUser('peer_supporter', { displayName: 'Noor', timezone: 'Europe/London' });
    const member = await t.createUser('member', { displayName: 'Kit' });
    await grantCertificate(t, supporter);
    const requested = (await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: 'Could we talk about a hard week?' })).json();
    await t.client(supporter).post(`/api/direct/${requested.id}/accept`);
    await t.client(member).post(`/api/direct/${requested.id}/close`);

    const { page, errors } = await openAs(admin, '/supervision', london);
    await page.getByRole('combobox', { name: 'Supervisor' }).click();
    await page.getByRole('option', { name: 'Dr Amara' }).click();
    await page.getByRole('combobox', { name: 'Supporter', exact: true }).click();
    await page.getByRole('option', { name: 'Noor' }).click();
    await page.getByRole('button', { name: 'Assign supervisor' }).click();
    await expectVisible(page.getByText('Dr Amara supervises Noor'), 'the new assignment');
    await expectAccessible(page, 'supervision page (admin)');
    expect(errors).toEqual([]);

    const memberView = await openAs(member, `/support/${requested.id}`, london);
    await memberView.page.getByRole('radio', { name: '5, very helpful' }).check();
    await memberView.page.getByRole('textbox', { name: 'Anything you would like to add? (optional)' }).fill('Noor really listened.');
    await expectAccessible(memberView.page, 'ended chat with rating form');
    await memberView.page.getByRole('button', { name: 'Send feedback' }).click();
    await expectVisible(memberView.page.getByText('Thank you for your feedback.').first(), 'the thanks');
    expect(memberView.errors).toEqual([]);

    const supporterView = await openAs(supporter, `/support/${requested.id}`, london);
    await supporterView.page.getByRole('link', { name: 'Log this conversation' }).click();
    await expectVisible(supporterView.page.getByText('Filled in from your one-to-one conversation.'), 'the pre-filled form');
    await supporterView.page.getByRole('textbox', { name: 'Short notes (no names or identifying details)' }).fill('Talked through the week.');
    await supporterView.page.getByRole('button', { name: 'Log activity' }).click();
    await expectVisible(supporterView.page.getByText('Logged. Your supervisor will review it.'), 'the logged entry');
    await expectAccessible(supporterView.page, 'supervision page (supporter)');
    expect(supporterView.errors).toEqual([]);

    const supervisorView = await openAs(supervisor, '/supervision', london);
    await expectVisible(supervisorView.page.getByText('Open one-to-one conversations: 0'), 'the load from chat');
    await expectVisible(supervisorView.page.getByText('Feedback: 1 ratings, average 5 of 5'), 'the feedback');
    await supervisorView.page.getByRole('button', { name: 'Review log: Noor' }).click();
    await supervisorView.page.getByRole('textbox', { name: 'Add a comment' }).fill('Good pacing.');
    await supervisorView.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expectVisible(supervisorView.page.getByText('Good pacing.'), 'the comment');
    await supervisorView.page.getByRole('button', { name: /^Sign off:/ }).click();
    await expectVisible(supervisorView.page.getByText('Signed off', { exact: true }), 'the signed-off entry');
    await supervisorView.page.getByRole('textbox', { name: 'Agenda (optional, no identifying details)' }).fill('Endings and self-care');
    await supervisorView.page.getByRole('button', { name: 'Schedule session' }).click();
    await expectVisible(supervisorView.page.getByText('Scheduled. You will both get a reminder the day before.'), 'the scheduled session');
    await expectVisible(supervisorView.page.getByText('Agenda: Endings and self-care'), 'the session in the list');
    await expectAccessible(supervisorView.page, 'supervision page (supervisor)');
    expect(supervisorView.errors).toEqual([]);
    expect(await t.services.supervision.signedOffPracticeMinutes(supporter.id)).toBeGreaterThanOrEqual(5);
  });
});
