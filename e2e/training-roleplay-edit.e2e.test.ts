import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { expectVisible } from './support/ui.ts';
import { useBrowserApp } from './support/use-browser-app.ts';

const { app, openAs } = useBrowserApp();

const scenario = {
  persona: 'Alex, a member',
  setting: 'Alex has asked for a chat after a long week.',
  startNodeId: 's1',
  nodes: [
    { id: 's1', says: 'Work has been relentless and I feel like I am failing at everything.', next: { listened: 's2', missed: 's1' } },
    { id: 's2', says: 'Yes. Thank you for not telling me to just relax.', next: { listened: null, missed: 's2' } },
  ],
};

describe('editing a role-play people have started', () => {
  it('tells the author the steps are fixed, refuses a new step kindly, and saves it as a new role-play instead', async () => {
    const t = app.server;
    const author = await t.createUser('clinician');
    const c = (await t.client(author).post('/api/training/courses', { title: 'Practising with Alex', summary: 'A role-play.' })).json();
    const lessonId = (await t.client(author).post(`/api/training/courses/${c.id}/lessons`, { kind: 'roleplay', title: 'Talking with Alex', content: { roleplay: scenario } })).json().lessons[0].id;
    await t.client(author).patch(`/api/training/courses/${c.id}`, { published: true });
    const trainee = await t.createUser('peer_supporter');
    const replied = await t.client(trainee).post(`/api/training/lessons/${lessonId}/roleplay`, { nodeId: 's1', reply: "It sounds like you've been carrying this alone." });
    expect(replied.statusCode).toBe(200);

    const { page, errors } = await openAs(author, `/training/courses/${c.id}/edit`);
    await page.getByRole('button', { name: 'Edit “Talking with Alex”' }).click();
    await expectVisible(page.getByText(/^One person has already practised this role-play\. To keep their saved replies/), 'the note that the steps are fixed');
    await expectAccessible(page, 'role-play editor with people practising');

    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByRole('textbox', { name: 'What the person says (Step 3)' }).fill('Mostly I am just tired.');
    await page.getByRole('button', { name: 'Save lesson' }).click();
    await expectVisible(page.getByText(/already practised this role-play, so its steps cannot change/), 'the kind refusal');
    // The draft is kept.
    expect(await page.getByRole('textbox', { name: 'What the person says (Step 3)' }).inputValue()).toBe('Mostly I am just tired.');

    await page.getByRole('button', { name: 'Save as new role-play' }).click();
    await expectVisible(page.getByRole('button', { name: 'Edit “Talking with Alex (new version)”' }), 'the new role-play in the lesson list');
    const lessons = (await t.client(author).get(`/api/training/courses/${c.id}`)).json().lessons as Array<{ id: string; title: string }>;
    expect(lessons.map((l) => l.title)).toEqual(['Talking with Alex', 'Talking with Alex (new version)']);
    const copy = (await t.client(author).get(`/api/training/lessons/${lessons[1]!.id}/source`)).json();
    expect(copy.content.roleplay.nodes).toHaveLength(3);
    expect((await t.client(author).get(`/api/training/lessons/${lessonId}/source`)).json().content.roleplay.nodes).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
