import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPublicBoard } from '../server/src/test/factories/forums.ts';
import { PLAIN_TEXT, setSafetySettings, URGENT_TEXT } from '../server/src/test/factories/safety.ts';
import { scanAccessibility } from './support/browser.ts';
import { signedInContext, watchErrors, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectVisible, openPage } from './support/ui.ts';

const { app, browser, openAs } = useBrowserApp();

/** A public thread opened by someone else, with one reply by `author`. */
async function threadWithReplyBy(author: TestUser, reply = PLAIN_TEXT) {
  const t = app.server;
  const { board } = await createPublicBoard(t);
  const opener = await t.createUser('member', { displayName: 'Opener' });
  const open = await t.client(opener).post(`/api/forums/boards/${board.id}/threads`, { title: 'Small wins this week', body: 'I made tea and sat outside for a while.' });
  const threadId = open.json().thread.id as string;
  const posted = await t.client(author).post(`/api/forums/threads/${threadId}/posts`, { body: reply });
  return { opener, threadId, postId: posted.json().id as string };
}

const activeLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

describe('editing my forum post', () => {
  it('works from the keyboard, keeps the draft when saving fails, and puts focus back on Edit', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const { threadId } = await threadWithReplyBy(robin);
    const { page, errors } = await openAs(robin, `/forums/threads/${threadId}`);

    const post = page.getByRole('article', { name: 'Robin' });
    await expectVisible(post.getByText(PLAIN_TEXT), 'Robin’s reply');
    // Only my own post offers Edit.
    expect(await page.getByRole('article', { name: 'Opener' }).getByRole('button', { name: 'Edit your post' }).count()).toBe(0);

    await post.getByRole('button', { name: 'Edit your post' }).focus();
    await page.keyboard.press('Enter');
    const box = post.getByRole('textbox', { name: 'Your post' });
    await expectVisible(box, 'the edit box');
    // Focus lands in the words being edited.
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe(PLAIN_TEXT);
    expect(await scanAccessibility(page)).toEqual([]);

    // Too long: the server says why, and every word typed is still there.
    const tooLong = 'a'.repeat(10_001);
    await box.fill(tooLong);
    await post.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(post.getByText(/Please keep a post to 10,000 characters or fewer/), 'the kind length message');
    await expectVisible(post.getByText('Your edit is kept on this device, so you can try again.'), 'the draft-kept note');
    expect(await box.inputValue()).toBe(tooLong);

    // A reload keeps the unsaved edit too.
    await page.reload();
    await post.getByRole('button', { name: 'Edit your post' }).click();
    expect(await post.getByRole('textbox', { name: 'Your post' }).inputValue()).toBe(tooLong);

    const fixed = 'Thanks everyone, the walk this morning really helped. I will go again tomorrow.';
    await post.getByRole('textbox', { name: 'Your post' }).fill(fixed);
    await post.getByRole('button', { name: 'Save changes' }).focus();
    await page.keyboard.press('Enter');
    await expectVisible(post.getByText(fixed), 'the edited words');
    await expectVisible(post.getByText(/edited/), 'the edited mark');
    expect(await activeLabel(page)).toBe('Edit your post');
    expect(await post.getByRole('textbox', { name: 'Your post' }).count()).toBe(0);

    const stored = await t.database.pool.query(`select edited_at is not null as edited from forum_posts where author_id = $1`, [robin.id]);
    expect(stored.rows).toEqual([{ edited: true }]);

    // Cancel from the keyboard closes the editor without changing anything.
    await post.getByRole('button', { name: 'Edit your post' }).focus();
    await page.keyboard.press('Enter');
    await post.getByRole('textbox', { name: 'Your post' }).fill('Something I changed my mind about');
    await post.getByRole('button', { name: 'Cancel editing' }).focus();
    await page.keyboard.press('Enter');
    await expectVisible(post.getByText(fixed), 'the saved words after cancelling');
    expect(await activeLabel(page)).toBe('Edit your post');
    expect(errors).toEqual([]);
  });

  it('shows the private support card next to the post and says a person will reach out when the edit is held', async () => {
    const t = app.server;
    await setSafetySettings(t, { holdUrgentForumPosts: true });
    try {
      const robin = await t.createUser('member', { displayName: 'Robin' });
      const { threadId, opener } = await threadWithReplyBy(robin);
      const author = await openAs(robin, `/forums/threads/${threadId}`);
      const post = author.page.getByRole('article', { name: 'Robin' });
      await post.getByRole('button', { name: 'Edit your post' }).click();
      await post.getByRole('textbox', { name: 'Your post' }).fill(URGENT_TEXT);
      await post.getByRole('button', { name: 'Save changes' }).click();

      // The card appears once, inside Robin's post, and says a person will reach out.
      const card = author.page.getByRole('region', { name: 'Support is here for you' });
      await expectVisible(post.getByRole('region', { name: 'Support is here for you' }), 'the support card next to the edited post');
      expect(await card.count()).toBe(1);
      await expectVisible(card.getByRole('button', { name: 'Talk to someone now' }), 'the talk-now button');
      await expectVisible(post.getByTestId('held-notice').getByText(/A person from our team will reach out to you soon/), 'the held-for-review notice');
      // Robin still sees the words: never a silent drop.
      await expectVisible(post.getByText(URGENT_TEXT), 'Robin’s edited words');
      expect(await scanAccessibility(author.page)).toEqual([]);

      // Others do not see the held post, and nobody else sees the card.
      const reader = await openAs(opener, `/forums/threads/${threadId}`);
      await expectVisible(reader.page.getByRole('heading', { level: 1, name: 'Small wins this week' }), 'the thread for the reader');
      expect(await reader.page.getByText(URGENT_TEXT).count()).toBe(0);
      expect(await reader.page.getByRole('region', { name: 'Support is here for you' }).count()).toBe(0);

      const cases = await t.database.pool.query(`select level from safety_cases where subject_user_id = $1`, [robin.id]);
      expect(cases.rows.map((r) => r.level)).toContain('urgent');
      expect([...author.errors, ...reader.errors]).toEqual([]);
    } finally {
      await setSafetySettings(t, { holdUrgentForumPosts: false });
    }
  });

  it('reads in Spanish on a 390px phone, with the edit form and "Ayuda ahora" inside the screen', async () => {
    const t = app.server;
    const robin = await t.createUser('member', { displayName: 'Robin' });
    const { threadId } = await threadWithReplyBy(robin);
    const context = await signedInContext(browser, app.baseUrl, robin, { timezoneId: 'America/Mexico_City' });
    await context.addInitScript(() => localStorage.setItem('hearth.language', 'es'));
    const page = await openPage(context);
    const errors = watchErrors(page);
    await page.goto(`${app.baseUrl}/forums/threads/${threadId}`);

    const post = page.getByRole('article', { name: 'Robin' });
    await post.getByRole('button', { name: 'Editar tu publicación' }).click();
    await expectVisible(post.getByRole('textbox', { name: 'Tu publicación' }), 'the Spanish edit box');
    await expectVisible(post.getByRole('button', { name: 'Guardar cambios' }), 'the Spanish save button');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

    // Nothing pushes the page sideways, and the crisis button stays fully on screen.
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    const help = await page.getByRole('button', { name: 'Ayuda ahora' }).first().boundingBox();
    expect(help).not.toBeNull();
    expect(help!.x + help!.width).toBeLessThanOrEqual(width.client);
    expect(await scanAccessibility(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

