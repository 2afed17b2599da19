import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import * as certs from './certification.repo.ts';
import * as repo from './training.repo.ts';

/**
 * Training records for "export my data" and "delete my account": progress, quiz answers and practice replies are
 * deleted; certificates stay as de-identified, revoked records so a verification code someone holds still answers
 * honestly without naming the person.
 */
export function trainingPersonalData(deps: { db: Db; cipher: FieldCipher; now?: () => Date }): PersonalDataContributor {
  const { db, cipher } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    name: 'training',
    async export(userId) {
      return {
        courseProgress: (await repo.listCourseProgress(db, userId)).map((p) => ({ courseId: p.courseId, lastLessonId: p.lastLessonId, completedAt: p.completedAt })),
        lessonProgress: (await repo.listLessonProgress(db, userId)).map((p) => ({
          lessonId: p.lessonId, completedAt: p.completedAt, mediaPositionSeconds: p.mediaPositionSeconds, bestScorePercent: p.bestScorePercent, passedAt: p.passedAt,
        })),
        quizAttempts: (await repo.listQuizAttempts(db, userId)).map((a) => ({ lessonId: a.lessonId, answers: a.answers, scorePercent: a.scorePercent, passed: a.passed, at: a.createdAt })),
        roleplayReplies: (await repo.listRoleplayTurns(db, userId))
          .filter((t) => t.nodeId !== '#restart')
          .map((t) => ({ lessonId: t.lessonId, step: t.nodeId, reply: cipher.decrypt(t.replyCiphertext), listened: t.listened, skills: t.skills, pitfalls: t.pitfalls, at: t.createdAt })),
        certificates: (await certs.listForUser(db, userId)).map((c) => ({
          kind: c.kind, code: c.code, holderName: c.holderName, issuedAt: c.issuedAt, expiresAt: c.expiresAt, revokedAt: c.revokedAt, revocationReason: c.revocationReason,
        })),
      };
    },
    async erase(tx, userId) {
      await repo.deleteLearningRecords(tx, userId);
      await certs.deidentifyCertificates(tx, userId, now());
    },
  };
}
