import type { Actor } from '../../platform/http/actor.ts';
import { createTestServer, type TestServer, type TestUser } from '../server.ts';

/** A clock a time-dependent test moves by hand; give `clock.now` to `createTestServer` and the server reads it. */
export type TestClock = {
  now: () => Date;
  /** Moves the clock by `ms` (negative moves it back). */
  advance: (ms: number) => void;
  /** Runs `run` at another time, then puts the clock back where it was, even when `run` fails. */
  during: <T>(at: Date, run: () => Promise<T>) => Promise<T>;
};

export function createTestClock(start: Date | string): TestClock {
  let current = new Date(start);
  return {
    now: () => current,
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    during: async (at, run) => {
      const saved = current;
      current = new Date(at);
      try {
        return await run();
      } finally {
        current = saved;
      }
    },
  };
}

/** The test server for a file (own cloned database; `options` as for `createTestServer`) and an admin of its organization. Call in `beforeAll`, close in `afterAll`. */
export async function createTestServerWithAdmin(options: Parameters<typeof createTestServer>[0] = {}): Promise<{ t: TestServer; admin: TestUser }> {
  const t = await createTestServer(options);
  return { t, admin: await t.createUser('admin') };
}

/** The actor a service call made by this test user would carry (for calling services directly, without HTTP). */
export function actorOf(user: TestUser, displayName = 'Someone'): Actor {
  return { userId: user.id, orgId: user.orgId, role: user.role, sessionId: 's', csrfToken: 'c', displayName, timezone: 'UTC' };
}
