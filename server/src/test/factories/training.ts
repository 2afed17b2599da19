import type { TestServer, TestUser } from '../server.ts';

type Kind = 'peer_supporter' | 'group_facilitator';

const admins = new WeakMap<TestServer, Promise<TestUser>>();

/** One admin per test server, who grants certificates (recognised prior training) through the real API. */
function adminOf(t: TestServer): Promise<TestUser> {
  let admin = admins.get(t);
  if (!admin) {
    admin = t.createUser('admin');
    admins.set(t, admin);
  }
  return admin;
}

/**
 * Gives a person a current certificate (a facilitator certificate includes the supporter one it builds on), so tests
 * of one-to-one requests and group leadership run with certification enforced, as in production. Idempotent.
 */
export async function grantCertificate(t: TestServer, user: Pick<TestUser, 'id' | 'orgId'>, kind: Kind = 'peer_supporter') {
  const admin = await adminOf(t);
  const kinds: Kind[] = kind === 'group_facilitator' ? ['peer_supporter', 'group_facilitator'] : ['peer_supporter'];
  for (const k of kinds) {
    // A person in another organization needs an admin of their own organization.
    const granter = user.orgId === admin.orgId ? admin : await t.createUser('admin', { orgId: user.orgId });
    const res = await t.client(granter).post('/api/certificates/grant', { userId: user.id, kind: k });
    if (res.statusCode !== 201 && res.json().error?.code !== 'already_certified') throw new Error(`certificate factory failed: ${res.statusCode} ${res.body}`);
  }
}

/** A signed-in person with the role and a current certificate for it. */
export async function createCertifiedUser(t: TestServer, role: 'peer_supporter' | 'facilitator' = 'peer_supporter') {
  const user = await t.createUser(role);
  await grantCertificate(t, user, role === 'facilitator' ? 'group_facilitator' : 'peer_supporter');
  return user;
}
