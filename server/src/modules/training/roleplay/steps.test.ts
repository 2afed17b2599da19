import { describe, expect, it } from 'vitest';
import { changesConversationSteps } from './steps.ts';

const scenario = {
  persona: 'Alex',
  setting: 'After a long week.',
  startNodeId: 's1',
  nodes: [
    { id: 's1', says: 'Work has been relentless.', next: { listened: 's2', missed: 's1' } },
    { id: 's2', says: 'Thank you.', next: { listened: null, missed: 's2' } },
  ],
};

describe('changesConversationSteps', () => {
  it('allows wording changes: persona, setting and what a step says', () => {
    const reworded = { ...scenario, persona: 'Alex, a member', setting: 'Late on a Friday.', nodes: [{ ...scenario.nodes[0]!, says: 'Work never stops.' }, scenario.nodes[1]!] };
    expect(changesConversationSteps(scenario, reworded)).toBe(false);
    expect(changesConversationSteps(scenario, { ...scenario, nodes: [...scenario.nodes].reverse() })).toBe(false);
  });

  it('flags a new start, an added, removed or renamed step, and a changed link', () => {
    expect(changesConversationSteps(scenario, { ...scenario, startNodeId: 's2' })).toBe(true);
    expect(changesConversationSteps(scenario, { ...scenario, nodes: [scenario.nodes[0]!] })).toBe(true);
    expect(changesConversationSteps(scenario, { ...scenario, nodes: [...scenario.nodes, { id: 's3', says: 'More.', next: { listened: null, missed: null } }] })).toBe(true);
    expect(changesConversationSteps(scenario, { ...scenario, nodes: [scenario.nodes[0]!, { ...scenario.nodes[1]!, id: 's9' }] })).toBe(true);
    expect(changesConversationSteps(scenario, { ...scenario, nodes: [{ ...scenario.nodes[0]!, next: { listened: 's2', missed: 's2' } }, scenario.nodes[1]!] })).toBe(true);
    expect(changesConversationSteps(scenario, undefined)).toBe(true);
    expect(changesConversationSteps(undefined, undefined)).toBe(false);
  });
});
