import type { TestServer, TestUser } from '../server.ts';
import { grantCertificate } from './training.ts';

/** A valid group body; override any field. */
export function groupBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `Evening circle ${Math.random().toString(36).slice(2, 7)}`,
    description: 'A gentle weekly space to talk about how the week went.',
    topics: ['anxiety'],
    communities: [],
    language: 'en',
    format: 'online',
    timezone: 'Europe/London',
    visibility: 'open',
    agreements: [],
    ...overrides,
  };
}

/** Creates a group through the API, with a new facilitator unless one is given. */
export async function createGroup(t: TestServer, options: { facilitator?: TestUser; body?: Record<string, unknown> } = {}) {
  const facilitator = options.facilitator ?? (await t.createUser('facilitator'));
  // Leading a group needs the facilitator certificate (enforced by default).
  if (facilitator.role !== 'admin') await grantCertificate(t, facilitator, 'group_facilitator');
  const res = await t.client(facilitator).post('/api/groups', groupBody(options.body));
  if (res.statusCode !== 201) throw new Error(`createGroup factory failed: ${res.statusCode} ${res.body}`);
  return { group: res.json() as { id: string; name: string; [k: string]: unknown }, facilitator };
}

/** Makes a person an active member, whatever the group's visibility (invite → accept, request → approve). */
export async function addMember(t: TestServer, groupId: string, facilitator: TestUser, user?: TestUser) {
  const member = user ?? (await t.createUser('member'));
  const group = (await t.client(facilitator).get(`/api/groups/${groupId}`)).json();
  if (group.visibility === 'invite') await t.client(facilitator).post(`/api/groups/${groupId}/invitations`, { userId: member.id });
  const joined = await t.client(member).post(`/api/groups/${groupId}/join`, { acceptAgreements: true });
  if (joined.statusCode !== 200) throw new Error(`addMember factory failed: ${joined.statusCode} ${joined.body}`);
  if (joined.json().status === 'requested') await t.client(facilitator).post(`/api/groups/${groupId}/requests/${member.id}/approve`);
  return member;
}
