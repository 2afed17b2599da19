import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { OutcomesDeps } from './outcomes.deps.ts';
import { OutcomesErrors } from './outcomes.errors.ts';
import { canGiveSessionFeedback } from './outcomes.policy.ts';
import { presentFeedback } from './outcomes.presenter.ts';
import * as repo from './outcomes.repo.ts';
import type { SessionFeedbackBody } from './outcomes.schemas.ts';

/** The session with the person's standing there: the group's organization, their membership and whether they came. */
export async function findSessionStanding(deps: Pick<OutcomesDeps, 'sessions' | 'groups'>, sessionId: string, userId: string) {
  const session = await deps.sessions.findSessionWithAttendance(sessionId, userId);
  if (!session) return null;
  const membership = await deps.groups.findMembership(session.groupId, userId);
  if (!membership) return null;
  return { ...session, orgId: membership.orgId, memberStatus: membership.status };
}

/**
 * "I felt heard", satisfaction and a comment (encrypted) for a session. Feedback on a peer supporter lives with
 * supervision (a rating per one-to-one conversation), so it is not collected twice.
 */
export function createFeedback(deps: OutcomesDeps) {
  const { db, cipher, now } = deps;
  const encryptComment = (comment?: string) => (comment ? cipher.encrypt(comment) : null);

  return {
    /** One answer per person per session; giving it again replaces it. */
    async saveSessionFeedback(actor: Actor, sessionId: string, body: SessionFeedbackBody) {
      const session = await findSessionStanding(deps, sessionId, actor.userId);
      if (!session || !canGiveSessionFeedback(actor, session)) throw OutcomesErrors.sessionNotFound();
      if (session.startsAt > now()) throw CommonErrors.conflict('This session has not started yet. You can share how it went once it has begun.');
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertSessionFeedback(tx, {
          orgId: actor.orgId, sessionId, userId: actor.userId, feltHeard: body.feltHeard, satisfaction: body.satisfaction, commentCiphertext: encryptComment(body.comment),
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'session_feedback.saved', entityType: 'session_feedback', entityId: saved.id, data: { sessionId } });
        return saved;
      });
      return presentFeedback(row, cipher);
    },
  };
}
