import type { Actor } from '../../platform/http/actor.ts';
import { createFeedback } from './feedback.ts';
import { createMeasures } from './measures.ts';
import { createMood } from './mood.ts';
import type { OutcomesDeps } from './outcomes.deps.ts';
import { openCheckin, openScreening } from './outcomes.presenter.ts';
import * as repo from './outcomes.repo.ts';
import { createProgress } from './progress.ts';

export type OutcomesService = ReturnType<typeof createOutcomesService>;

/**
 * Outcomes: mood check-ins, PHQ-9 and GAD-7 (with the item 9 safety flow), feedback, "My progress", message mood and
 * the decline nudge, FHIR and research exports. Everything a person enters is encrypted at rest.
 */
export function createOutcomesService(input: Omit<OutcomesDeps, 'now'> & { now?: () => Date }) {
  const deps: OutcomesDeps = { ...input, now: input.now ?? (() => new Date()) };
  const mood = createMood(deps);
  const { db, cipher, sessions, chat } = deps;
  return {
    ...createMeasures(deps, (actor: Actor) => mood.checkTrendFor(actor)),
    ...createFeedback(deps),
    ...createProgress(deps),
    recordMessageMood: mood.recordMessageMood,
    /** Stores every queued message mood now; main.ts calls it when the node shuts down. */
    flushMessageMoods: mood.flushMessageMoods,
    dismissNudge: mood.dismissNudge,

    /**
     * Questionnaire totals of these people, oldest first, for analytics to turn into aggregates. Never presented
     * per person: the analytics module only returns suppressed group figures.
     */
    async listScoreHistory(userIds: string[]) {
      return (await repo.listScreenings(db, userIds)).map((r) => ({ userId: r.userId, instrument: r.instrument, total: openScreening(r, cipher).total, at: r.createdAt }));
    },

    /** Check-in moods of these people since a date, for group mood aggregates. */
    async listMoodHistory(userIds: string[], since: Date) {
      return (await repo.listCheckins(db, userIds, since)).map((c) => ({ userId: c.userId, mood: openCheckin(c, cipher).mood, at: c.createdAt }));
    },

    /** Session feedback on these groups' sessions since a date, as counts only, for analytics. */
    summarizeSessionFeedback: async (groupIds: string[], since: Date) => repo.summarizeSessionFeedback(db, await sessions.listGroupSessionIds(groupIds), since),

    /** Sentiment of messages in a group's rooms since a date (numbers only, never words), for group mood aggregates. */
    async listGroupMessageMoods(groupId: string, since: Date) {
      const roomIds = await chat.listGroupRoomIds(groupId, await sessions.listGroupSessionIds([groupId]));
      return repo.listRoomMessageMoods(db, roomIds, since);
    },
  };
}
