import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { expectVisible, openPage } from './support/ui.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { recordVideo, uploadTrainingVideo } from './support/training.ts';

const { app, browser, openAs } = useBrowserApp();
/** The supervision times below are typed and read in London time. */
const london = { timezoneId: 'Europe/London' };

describe('training practice', () => {
  it('an author builds a branching role-play in the editor, is told kindly what is missing, and trainees can practise it', async () => {
    const t = app.server;
    const author = await t.createUser('clinician');
    const { page, errors } = await openAs(author, '/training', london);
    await page.getByRole('textbox', { name: 'Course title' }).fill('Practising with Alex');
    await page.getByRole('button', { name: 'Create draft course' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Edit course: Practising with Alex' }), 'the course editor');
    const courseId = page.url().split('/courses/')[1]!.replace('/edit', '');

    await page.getByRole('button', { name: 'Add a lesson' }).click();
    await page.getByRole('combobox', { name: 'Kind of lesson' }).click();
    await page.getByRole('option', { name: 'Role-play practice' }).click();
    await page.getByRole('textbox', { name: 'Lesson title' }).fill('Talking with Alex');
    await page.getByRole('textbox', { name: 'What the person says (Step 1)' }).fill('Work has been relentless and I feel like I am failing at everything.');

    // Saving without saying who Alex is: the editor keeps the draft and explains what to add.
    await page.getByRole('textbox', { name: 'Who the trainee talks to' }).evaluate((el: HTMLInputElement) => el.removeAttribute('required'));
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expectVisible(page.getByText(/Please say who the trainee is talking to/).first(), 'the kind validation message');
    expect(await page.getByRole('textbox', { name: 'What the person says (Step 1)' }).inputValue()).toContain('relentless');

    await page.getByRole('textbox', { name: 'Who the trainee talks to' }).fill('Alex, a member');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByRole('textbox', { name: 'What the person says (Step 2)' }).fill('Yes. Thank you for not telling me to just relax.');
    await page.getByRole('combobox', { name: 'If the trainee listens (Step 1), go to' }).click();
    await page.getByRole('option', { name: 'Step 2' }).click();
    await expectAccessible(page, 'role-play editor');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expectVisible(page.getByText('1. Talking with Alex'), 'the role-play in the lesson list');
    expect(errors).toEqual([]);

    const course = (await t.client(author).get(`/api/training/courses/${courseId}`)).json();
    const source = (await t.client(author).get(`/api/training/lessons/${course.lessons[0].id}/source`)).json();
    expect(source.content.roleplay).toMatchObject({
      persona: 'Alex, a member',
      startNodeId: 's1',
      nodes: [{ id: 's1', next: { listened: 's2', missed: 's1' } }, { id: 's2', next: { listened: null, missed: 's2' } }],
    });

    // A trainee practises it: advice keeps Alex at step 1, a reflection moves on to step 2.
    await t.client(author).patch(`/api/training/courses/${courseId}`, { published: true });
    const practice = await openAs(await t.createUser('peer_supporter'), `/training/lessons/${course.lessons[0].id}`, london);
    const reply = practice.page.getByRole('textbox', { name: 'Your reply' });
    await reply.fill('Have you tried yoga?');
    await practice.page.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(practice.page.getByRole('region', { name: 'Feedback on your reply' }).first().getByText(/Advice-giving/), 'advice feedback');
    await reply.fill("It sounds like you've been carrying this alone for a long time.");
    await practice.page.getByRole('button', { name: 'Send reply' }).click();
    await expectVisible(practice.page.getByText('Yes. Thank you for not telling me to just relax.'), 'the next step after listening');
    expect(practice.errors).toEqual([]);
  });

  it('the video player resumes where the trainee left off after they leave and come back', async () => {
    const t = app.server;
    const author = await t.createUser('clinician');
    const trainee = await t.createUser('peer_supporter');
    const { page, errors } = await openAs(trainee, '/training', london);
    const mediaId = await uploadTrainingVideo(t, author, await recordVideo(page, 80), 'resume.webm');
    const course = (await t.client(author).post('/api/training/courses', { title: 'Resuming media', summary: 'One video.' })).json();
    const detail = (await t.client(author).post(`/api/training/courses/${course.id}/lessons`, { kind: 'media', title: 'A short film', content: { media: { mediaId, kind: 'video', transcript: 'Colours change slowly.' } } })).json();
    await t.client(author).patch(`/api/training/courses/${course.id}`, { published: true });
    const lessonPath = `/training/lessons/${detail.lessons[0].id}`;

    await page.goto(`${app.baseUrl}${lessonPath}`);
    const video = page.locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBe(0);
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      await v.play();
      await new Promise<void>((resolve) => {
        const check = () => (v.currentTime >= 2.2 ? resolve() : setTimeout(check, 50));
        check();
      });
      v.pause();
    });
    const api = `/api/training/lessons/${detail.lessons[0].id}`;
    await expect.poll(async () => (await t.client(trainee).get(api)).json().progress.mediaPositionSeconds).toBeGreaterThanOrEqual(2);
    const saved = (await t.client(trainee).get(api)).json().progress.mediaPositionSeconds as number;

    // Leave, then come back: the player starts at the saved position, not at the beginning.
    await page.goto(`${app.baseUrl}/training`);
    await page.goto(`${app.baseUrl}${lessonPath}`);
    await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(saved - 0.25);
    expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('certificates', () => {
  it('the public verification page shows a certificate valid, then expired after its date, and the holder downloads its PDF', async () => {
    const t = app.server;
    const admin = await t.createUser('admin');
    const holder = await t.createUser('peer_supporter');
    const cert = (await t.client(admin).post('/api/certificates/grant', { userId: holder.id, kind: 'peer_supporter', holderName: 'Sam R.' })).json();
    const anonymous = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await openPage(anonymous);
      await page.goto(`${app.baseUrl}/verify/${cert.code}`);
      await expectVisible(page.getByText('This certificate is valid.'), 'the valid status');
      // Its date passes (the server's clock is real here, so the date is moved instead of the clock).
      await t.database.pool.query(`update certificates set expires_at = now() - interval '1 day', issued_at = now() - interval '2 years' where id = $1`, [cert.id]);
      await page.reload();
      await expectVisible(page.getByText('This certificate has expired.'), 'the expired status');
      expect(await page.getByText('This certificate is valid.').count()).toBe(0);
      await expectAccessible(page, 'expired certificate page');
    } finally {
      await anonymous.close();
    }
    const { page, errors } = await openAs(holder, '/training/certificates', london);
    const pdf = await page.evaluate(async (id) => {
      const res = await fetch(`/api/certificates/${id}/pdf`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
    }, cert.id);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(pdf.size).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });
});

describe('supervision sessions', () => {
  it('the supervisor moves a session and the supporter cancels it; each is told, and the calendar follows', async () => {
    const t = app.server;
    const admin = await t.createUser('admin');
    const supervisor = await t.createUser('clinician', { displayName: 'Dr Amara', timezone: 'Europe/London' });
    const supporter = await t.createUser('peer_supporter', { displayName: 'Noor', timezone: 'Europe/London' });
    await t.client(admin).post('/api/supervision/assignments', { supervisorId: supervisor.id, supporterId: supporter.id });
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    startsAt.setUTCHours(10, 0, 0, 0);
    const meeting = (await t.client(supervisor).post('/api/supervision/meetings', { supporterId: supporter.id, startsAt: startsAt.toISOString(), durationMinutes: 60, agenda: 'Pacing' })).json();
    const feedPath = new URL((await t.client(supporter).post('/api/me/calendar-feed')).json().url).pathname;
    expect((await t.client().get(feedPath)).body).toContain(`UID:${meeting.sessionId}@hearth`);

    const { page, errors } = await openAs(supervisor, '/supervision', london);
    await page.getByRole('button', { name: /^Move session on/ }).click();
    const newTime = page.getByRole('textbox', { name: 'New date and time' });
    const moved = new Date(startsAt.getTime() + 86_400_000);
    await newTime.fill(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(moved).replace(' ', 'T'));
    await expectAccessible(page, 'moving a supervision session');
    await page.getByRole('button', { name: 'Save new time' }).click();
    await expectVisible(page.getByText('Moved. The other person has been told, and the reminders follow the new time.'), 'the moved notice');
    expect((await t.client(supervisor).get('/api/supervision/caseload')).json().meetings[0].startsAt).toBe(moved.toISOString());
    expect(errors).toEqual([]);
    expect((await t.client(supporter).get('/api/notifications')).body).toContain('session.private_moved');

    const supporterView = await openAs(supporter, '/supervision', london);
    await expectVisible(supporterView.page.getByText('Agenda: Pacing'), 'the session on the supporter dashboard');
    expect(await supporterView.page.getByRole('button', { name: /^Move session on/ }).count()).toBe(0);
    await supporterView.page.getByRole('button', { name: /^Cancel session on/ }).click();
    await supporterView.page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expectVisible(supporterView.page.getByText('Cancelled. The other person has been told.'), 'the cancelled notice');
    await expectVisible(supporterView.page.getByText('No sessions scheduled.'), 'the empty list');
    expect(supporterView.errors).toEqual([]);
    expect((await t.client(supervisor).get('/api/notifications')).body).toContain('session.private_cancelled');
    expect((await t.client().get(feedPath)).body).toContain('STATUS:CANCELLED');
  });
});
