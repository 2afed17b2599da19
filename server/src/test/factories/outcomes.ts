import { moodCheckins, screenings } from '../../db/schema/index.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { scoreScreening, type Instrument } from '../../modules/outcomes/instruments.ts';
import type { TestServer, TestUser } from '../server.ts';

/** The same key the test server uses, so rows written here read back through the API. */
const cipher = createFieldCipher('0'.repeat(64));

/** Answers (each 0–3) adding up to `total`, filled from the first item; item 9 stays 0 unless the total needs it. */
export function answersFor(instrument: Instrument, total: number): number[] {
  const n = instrument === 'phq9' ? 9 : 7;
  const answers = new Array<number>(n).fill(0);
  let left = total;
  for (let i = 0; i < n && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i]!;
  }
  return answers;
}

/** A questionnaire taken at a given time (encrypted like the service does). */
export async function insertScreeningAt(t: TestServer, user: Pick<TestUser, 'id' | 'orgId'>, instrument: Instrument, total: number, at: Date) {
  const scored = scoreScreening(instrument, answersFor(instrument, total));
  await t.database.db.insert(screenings).values({
    orgId: user.orgId, userId: user.id, instrument, createdAt: at, updatedAt: at,
    payloadCiphertext: cipher.encrypt(JSON.stringify({ answers: scored.answers, total: scored.total, severity: scored.severity })),
  });
}

/** A mood check-in at a given time. */
export async function insertCheckinAt(t: TestServer, user: Pick<TestUser, 'id' | 'orgId'>, mood: number, at: Date) {
  await t.database.db.insert(moodCheckins).values({
    orgId: user.orgId, userId: user.id, createdAt: at, updatedAt: at, payloadCiphertext: cipher.encrypt(JSON.stringify({ mood, feelings: [], note: null })),
  });
}

export const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * 86_400_000);
