import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t.close());

describe('sign-up', () => {
  it('creates an account with only a pseudonym and password, and signs the person in', async () => {
    const res = await t.client().post('/api/auth/sign-up', { pseudonym: 'QuietRiver', password: 'a long enough passphrase', timezone: 'Europe/London' });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'hearth_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({ pseudonym: 'QuietRiver', displayName: 'QuietRiver', role: 'member', email: null, timezone: 'Europe/London' });
  });

  it('lists every bad field with a kind message (422)', async () => {
    const res = await t.client().post('/api/auth/sign-up', { pseudonym: 'a b', password: 'short' });
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['password', 'pseudonym']);
  });

  it('refuses a pseudonym that is taken, whatever its case', async () => {
    await t.client().post('/api/auth/sign-up', { pseudonym: 'SameName', password: 'a long enough passphrase' });
    const res = await t.client().post('/api/auth/sign-up', { pseudonym: 'samename', password: 'a long enough passphrase' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pseudonym_taken');
  });

  it('stores an argon2id hash, never the password', async () => {
    await t.client().post('/api/auth/sign-up', { pseudonym: 'HashCheck', password: 'a long enough passphrase' });
    const { rows } = await t.database.pool.query(`select password_hash from users where pseudonym = 'HashCheck'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rejects a cross-site form post that lacks the client header (CSRF)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { pseudonym: 'Csrf', password: 'a long enough passphrase' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });
});

describe('sign-in and sessions', () => {
  it('signs in with the right password and refuses the wrong one without saying which part was wrong', async () => {
    const user = await t.createUser();
    expect((await t.client().post('/api/auth/sign-in', { pseudonym: user.pseudonym, password: user.password })).statusCode).toBe(200);
    const bad = await t.client().post('/api/auth/sign-in', { pseudonym: user.pseudonym, password: 'wrong password!' });
    expect(bad.statusCode).toBe(401);
    const unknown = await t.client().post('/api/auth/sign-in', { pseudonym: 'nobody-here', password: 'wrong password!' });
    expect(unknown.json().error.message).toBe(bad.json().error.message);
  });

  it('rate limits repeated sign-in attempts', async () => {
    const limited = await createTestServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.client().post('/api/auth/sign-in', { pseudonym: 'x', password: 'y' })).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('returns the session with a CSRF token, and 401 when signed out', async () => {
    const user = await t.createUser();
    const res = await t.client(user).get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json().csrfToken).toBe(user.csrfToken);
    expect((await t.client().get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a write whose CSRF token does not match the session', async () => {
    const user = await t.createUser();
    const res = await t.client({ ...user, csrfToken: 'forged' }).patch('/api/me', { pronouns: 'she/her' });
    expect(res.statusCode).toBe(403);
  });

  it('signs out by revoking the server-side session', async () => {
    const user = await t.createUser();
    expect((await t.client(user).post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await t.client(user).get('/api/me')).statusCode).toBe(401);
  });

  it('lets a person sign out another device, but not someone else\'s', async () => {
    const user = await t.createUser();
    const other = await t.createUser();
    const second = await t.client().post('/api/auth/sign-in', { pseudonym: user.pseudonym, password: user.password });
    const list = (await t.client(user).get('/api/auth/sessions')).json().sessions;
    expect(list).toHaveLength(2);
    const notCurrent = list.find((s: { current: boolean }) => !s.current);
    expect((await t.client(other).delete(`/api/auth/sessions/${notCurrent.id}`)).statusCode).toBe(404);
    expect((await t.client(user).delete(`/api/auth/sessions/${notCurrent.id}`)).statusCode).toBe(200);
    const cookie = second.cookies.find((c) => c.name === 'hearth_sid')!.value;
    expect((await t.client({ ...user, cookie }).get('/api/me')).statusCode).toBe(401);
    expect((await t.client(user).delete('/api/auth/sessions/not-a-uuid')).statusCode).toBe(422);
  });
});

describe('profile', () => {
  it('updates display name, pronouns, languages, time zone and interests, and audits it', async () => {
    const user = await t.createUser();
    const res = await t.client(user).patch('/api/me', { displayName: 'Sam', pronouns: 'they/them', languages: ['en', 'es'], timezone: 'America/Chicago', interests: ['gardening'], onboarded: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Sam', pronouns: 'they/them', languages: ['en', 'es'], timezone: 'America/Chicago', onboarded: true });
    const { rows } = await t.database.pool.query(`select action from audit_log where entity_id = $1 and action = 'user.profile_updated'`, [user.id]);
    expect(rows).toHaveLength(1);
  });

  it('rejects an unknown time zone with a field error', async () => {
    const user = await t.createUser();
    const res = await t.client(user).patch('/api/me', { timezone: 'Mars/Olympus' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('timezone');
  });

  it('requires sign-in', async () => {
    expect((await t.client().patch('/api/me', { pronouns: 'he/him' })).statusCode).toBe(401);
  });

  it('shows another member\'s public profile without their e-mail, and hides people from other organizations', async () => {
    const user = await t.createUser();
    const other = await t.createUser();
    const res = await t.client(user).get(`/api/users/${other.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).not.toHaveProperty('email');
    const elsewhere = await t.services.orgs.createOrg(null, { name: 'Elsewhere', slug: 'elsewhere', country: 'GB', timezone: 'Europe/London' });
    const stranger = await t.createUser('member', { orgId: elsewhere.id });
    expect((await t.client(user).get(`/api/users/${stranger.id}`)).statusCode).toBe(404);
  });
});
