import type { TestServer, TestUser } from '../server.ts';

type Person = { displayName?: string; timezone?: string };

/**
 * A peer supporter and a clinician who supervises them, assigned by `admin` through the real API (the way an
 * organization sets supervision up). Names default to "June" and "Dr. Okafor" so tests can check they never leak.
 */
export async function createSupervision(t: TestServer, admin: TestUser, people: { supporter?: Person; supervisor?: Person } = {}) {
  const supporter = await t.createUser('peer_supporter', { displayName: 'June', ...people.supporter });
  const supervisor = await t.createUser('clinician', { displayName: 'Dr. Okafor', ...people.supervisor });
  const res = await t.client(admin).post('/api/supervision/assignments', { supervisorId: supervisor.id, supporterId: supporter.id });
  if (res.statusCode !== 201) throw new Error(`createSupervision factory failed: ${res.statusCode} ${res.body}`);
  return { supporter, supervisor, assignmentId: res.json().id as string };
}
