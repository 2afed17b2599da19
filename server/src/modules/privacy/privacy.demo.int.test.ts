import { describe, expect, it } from 'vitest';
import { useDemoServer } from '../../test/demo-server.ts';
import { findTraces } from '../../test/traces.ts';

// Deleting the busiest demo people proves every module's data is covered: a module that stores something about a
// person and forgets to register its personal data fails here.
const demo = useDemoServer();

describe.each(['member', 'peer_supporter', 'moderator'])('deleting the demo %s', (role) => {
  it('leaves no trace of them anywhere in the database', async () => {
    const login = demo.logins.find((l) => l.role === role)!;
    const { res: signIn, session } = await demo.signIn(login.pseudonym, login.password);
    expect(signIn.statusCode).toBe(200);
    const userId = signIn.json().user.id as string;

    const exported = await demo.request('GET', '/api/me/data/export', undefined, session);
    expect(exported.statusCode).toBe(200);

    const deleted = await demo.request('DELETE', '/api/me', { password: login.password, confirm: 'delete my account' }, session);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await findTraces(demo.database.pool, [userId, login.pseudonym])).toEqual([]);
  }, 60_000);
});
