import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Severity } from './instruments.ts';
import type { CheckinRow, PreferencesRow, ScreeningRow } from './outcomes.repo.ts';
import type { Checkin, Screening } from './outcomes.schemas.ts';

/** The encrypted part of a check-in. */
export type CheckinPayload = { mood: number; feelings: string[]; note: string | null };
/** The encrypted part of a screening. */
export type ScreeningPayload = { answers: number[]; total: number; severity: Severity };

export const openCheckin = (row: CheckinRow, cipher: FieldCipher) => JSON.parse(cipher.decrypt(row.payloadCiphertext)) as CheckinPayload;
export const openScreening = (row: ScreeningRow, cipher: FieldCipher) => JSON.parse(cipher.decrypt(row.payloadCiphertext)) as ScreeningPayload;

export function presentCheckin(row: CheckinRow, cipher: FieldCipher): Checkin {
  const p = openCheckin(row, cipher);
  return { id: row.id, mood: p.mood, feelings: p.feelings, note: p.note, sessionId: row.sessionId, createdAt: row.createdAt.toISOString() };
}

export function presentScreening(row: ScreeningRow, cipher: FieldCipher): Screening {
  const p = openScreening(row, cipher);
  return { id: row.id, instrument: row.instrument, answers: p.answers, total: p.total, severity: p.severity, createdAt: row.createdAt.toISOString() };
}

export function presentPreferences(row: PreferencesRow | null) {
  return {
    remindersEnabled: row?.remindersEnabled ?? true,
    researchOptIn: row?.researchOptIn ?? false,
    researchOptInAt: row?.researchOptInAt?.toISOString() ?? null,
    alertSupporterOnDecline: row?.alertSupporterOnDecline ?? false,
  };
}

export function presentFeedback(row: { id: string; feltHeard: boolean; satisfaction: number; commentCiphertext: string | null; createdAt: Date }, cipher: FieldCipher) {
  return { id: row.id, feltHeard: row.feltHeard, satisfaction: row.satisfaction, comment: row.commentCiphertext ? cipher.decrypt(row.commentCiphertext) : null, createdAt: row.createdAt.toISOString() };
}
