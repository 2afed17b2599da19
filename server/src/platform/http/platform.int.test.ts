import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

describe('platform endpoints', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.client().get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.client().get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3.1 document that validates', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/auth/sign-up');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('serves an API docs page', async () => {
    const res = await t.client().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API paths with a kind JSON 404', async () => {
    const res = await t.client().get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers unreadable JSON with a kind 400 that keeps the draft', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json', 'x-hearth-client': '1' }, payload: '{"pseudonym":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/draft is kept/);
  });

  it('reports not ready when the database is unreachable', async () => {
    const broken = await createTestServer();
    await broken.database.pool.end();
    const ready = await broken.client().get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable' });
    await broken.app.close();
  });

  it('serves the built web app, with client-side routes falling back to the app shell but API paths still 404', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Hearth</title>');
    const web = await createTestServer({ env: { WEB_DIST_DIR: dist } });
    try {
      const page = await web.client().get('/groups/123');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect((await web.client().get('/api/missing')).json().error.code).toBe('not_found');
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
