import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as repo from './supervision.repo.ts';

/** Supervision records for "export my data" and "delete my account": activity log, meetings, feedback given. */
export function supervisionPersonalData(deps: { db: Db; cipher: FieldCipher }): PersonalDataContributor {
  const { db, cipher } = deps;
  const open = (v: string | null) => (v ? cipher.decrypt(v) : null);
  return {
    name: 'supervision',
    async export(userId) {
      const activities = await repo.listActivities(db, userId, 10_000);
      const comments = await repo.listComments(db, activities.map((a) => a.id));
      return {
        activities: activities.map((a) => ({
          category: a.category, occurredAt: a.occurredAt, durationMinutes: a.durationMinutes, notes: open(a.notesCiphertext), status: a.status, reviewedAt: a.reviewedAt,
          comments: comments.filter((c) => c.activityId === a.id).map((c) => ({ body: cipher.decrypt(c.bodyCiphertext), at: c.createdAt })),
        })),
        // Times and status are in the sessions export (private sessions); the agenda is kept here.
        meetings: (await repo.listMeetingsOf(db, userId)).map((m) => ({ sessionId: m.sessionId, createdAt: m.createdAt, agenda: open(m.agendaCiphertext) })),
        feedbackGiven: (await repo.listFeedbackGiven(db, userId)).map((f) => ({ conversationId: f.conversationId, rating: f.rating, comment: open(f.commentCiphertext), at: f.createdAt })),
        feedbackReceived: (await repo.listFeedback(db, userId, 10_000)).map((f) => ({ rating: f.rating, at: f.createdAt })),
      };
    },
    async erase(tx, userId) {
      await repo.eraseFor(tx, userId);
    },
  };
}
