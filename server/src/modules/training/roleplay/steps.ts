import type { LessonContent } from '../../../db/schema/training.ts';

type Roleplay = NonNullable<LessonContent['roleplay']>;

/** The step id of the marker a trainee's "start again" leaves in their turns. */
export const ROLEPLAY_RESTART = '#restart';

/**
 * Whether an edit changes the shape of a role-play conversation: where it starts, which steps exist, or where a
 * step leads. Trainees' saved replies point at step ids and are replayed along these links to find where each
 * trainee stands, so such a change would orphan their turns. Wording (persona, setting, what a step says) may change.
 */
export function changesConversationSteps(before: Roleplay | undefined, after: Roleplay | undefined): boolean {
  if (!before || !after) return before !== after;
  if (before.startNodeId !== after.startNodeId || before.nodes.length !== after.nodes.length) return true;
  const next = new Map(before.nodes.map((n) => [n.id, n.next]));
  return after.nodes.some((n) => {
    const was = next.get(n.id);
    return !was || was.listened !== n.next.listened || was.missed !== n.next.missed;
  });
}
