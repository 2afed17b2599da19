import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { signedInContext, watchErrors, type TestUser } from './support/app.ts';
import { useBrowserApp } from './support/use-browser-app.ts';
import { expectHidden, expectVisible, openPage } from './support/ui.ts';

const { app, browser } = useBrowserApp();
let context: BrowserContext;
let moderator: TestUser;
let pdfPath: string;

beforeAll(async () => {
  await app.server.services.resources.installStarterLibrary();
  moderator = await app.server.createUser('moderator', { displayName: 'Marcus' });
  context = await signedInContext(browser, app.baseUrl, moderator);
  pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-')), 'budget-worksheet.pdf');
  fs.writeFileSync(pdfPath, '%PDF-1.4\n% a tiny invented worksheet for the test\n%%EOF\n');
});
afterAll(async () => {
  if (pdfPath) fs.rmSync(path.dirname(pdfPath), { recursive: true, force: true });
});

describe('library editing (staff)', () => {
  it('adds a resource with an uploaded file, gathers it into a new collection, then removes both', async () => {
    const page = await openPage(context);
    const errors = watchErrors(page);

    await page.goto(`${app.baseUrl}/resources`);
    await page.getByRole('link', { name: 'Add a resource' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Add a resource' }), 'the resource editor');
    await page.getByRole('textbox', { name: 'Title' }).fill('Planning a calmer month');
    await page.getByRole('textbox', { name: 'Summary' }).fill('A worksheet for noticing where money worries come from.');
    await page.locator('input[type="file"]').setInputFiles(pdfPath);
    await expectAccessible(page, 'resource editor');
    await page.getByRole('button', { name: 'Save' }).click();

    await expectVisible(page.getByRole('heading', { level: 1, name: 'Planning a calmer month' }), 'the saved resource');
    await expectVisible(page.getByRole('link', { name: 'Download the file' }), 'the uploaded PDF');
    const slug = new URL(page.url()).pathname.split('/').pop();
    const saved = (await app.server.client(moderator).get(`/api/resources/${slug}`)).json();
    expect(saved.media).toMatchObject({ type: 'application/pdf' });

    // A collection made from the new resource and a starter article.
    await page.goto(`${app.baseUrl}/resources`);
    await page.getByRole('link', { name: 'New collection' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'New collection' }), 'the collection editor');
    await page.getByRole('textbox', { name: 'Title' }).fill('Money and mood');
    const picker = page.getByRole('combobox', { name: 'Resources in this collection' });
    await picker.fill('Planning a calmer');
    await page.getByRole('option', { name: 'Planning a calmer month' }).click();
    // The suggestion list is a transient popup; Escape closes it, as a keyboard user would, before the scan.
    await picker.press('Escape');
    await expectAccessible(page, 'collection editor');
    await page.getByRole('button', { name: 'Save collection' }).click();
    const section = page.getByRole('region', { name: 'Money and mood' });
    await expectVisible(section, 'the new collection on the hub');
    await expectVisible(section.getByRole('link', { name: 'Planning a calmer month' }), 'the resource inside it');
    await expectAccessible(page, 'resources hub with staff links');

    // Removing the resource asks first, then it is gone from the collection too.
    await page.goto(`${app.baseUrl}/resources/${slug}/edit`);
    await page.getByRole('button', { name: 'Remove resource' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “Planning a calmer month”?' });
    await expectVisible(dialog, 'the confirmation');
    await expectAccessible(page, 'remove confirmation');
    await dialog.getByRole('button', { name: 'Yes, remove it' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Resources' }), 'back on the hub');
    await expectHidden(section.getByRole('link', { name: 'Planning a calmer month' }), 'the removed resource');

    // And the collection itself.
    await section.getByRole('link', { name: 'Edit collection: Money and mood' }).click();
    await page.getByRole('button', { name: 'Remove collection' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, remove it' }).click();
    await expectHidden(page.getByRole('region', { name: 'Money and mood' }), 'the removed collection');
    expect(errors).toEqual([]);
  });
});
