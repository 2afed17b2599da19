import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import { openCheckin, openScreening, presentPreferences } from './outcomes.presenter.ts';
import * as repo from './outcomes.repo.ts';

/** Check-ins, questionnaires, session feedback, message mood, nudges and choices: decrypted for export, removed on erase. */
export function createOutcomesPersonalData({ db, cipher }: { db: Db; cipher: FieldCipher }): PersonalDataContributor {
  const comment = (c: string | null) => (c ? cipher.decrypt(c) : null);
  return {
    name: 'outcomes',
    async export(userId) {
      const d = await repo.listPersonalData(db, userId);
      return {
        checkins: d.checkins.map((c) => ({ id: c.id, at: c.createdAt.toISOString(), sessionId: c.sessionId, ...openCheckin(c, cipher) })),
        questionnaires: d.screenings.map((s) => ({ id: s.id, instrument: s.instrument, at: s.createdAt.toISOString(), ...openScreening(s, cipher) })),
        sessionFeedback: d.sessionFeedback.map((f) => ({ sessionId: f.sessionId, feltHeard: f.feltHeard, satisfaction: f.satisfaction, comment: comment(f.commentCiphertext), at: f.createdAt.toISOString() })),
        messageMood: d.messageMoods.map((m) => ({ messageId: m.messageId, sentiment: m.compound, emotion: m.emotion, at: m.at.toISOString() })),
        nudges: d.nudges.map((n) => ({ at: n.createdAt.toISOString(), supporterAlerted: n.supporterAlerted > 0 })),
        preferences: presentPreferences(d.preferences),
      };
    },
    erase: (tx, userId) => repo.erasePerson(tx, userId),
  };
}
