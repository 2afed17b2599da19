import { describe, expect, it } from 'vitest';
import { isScreenerComplete, pruneAnswers, unansweredQuestions, visibleQuestions } from './screener.ts';

describe('screener flow', () => {
  it('asks about a wish to be dead, thoughts and recent behaviour first', () => {
    expect(visibleQuestions({})).toEqual(['wishToBeDead', 'suicidalThoughts', 'recentBehaviour']);
  });

  it('asks about method, intent and plan only after a yes to thoughts', () => {
    expect(visibleQuestions({ wishToBeDead: true, suicidalThoughts: false })).toEqual(['wishToBeDead', 'suicidalThoughts', 'recentBehaviour']);
    expect(visibleQuestions({ suicidalThoughts: true })).toEqual(['wishToBeDead', 'suicidalThoughts', 'method', 'intent', 'plan', 'recentBehaviour']);
  });

  it('always asks about recent behaviour', () => {
    expect(isScreenerComplete({ wishToBeDead: false, suicidalThoughts: false })).toBe(false);
    expect(unansweredQuestions({ wishToBeDead: false, suicidalThoughts: false })).toEqual(['recentBehaviour']);
    expect(isScreenerComplete({ wishToBeDead: false, suicidalThoughts: false, recentBehaviour: false })).toBe(true);
  });

  it('drops follow-up answers when thoughts changes back to no', () => {
    expect(pruneAnswers({ wishToBeDead: true, suicidalThoughts: false, method: true, intent: false, recentBehaviour: false })).toEqual({
      wishToBeDead: true,
      suicidalThoughts: false,
      recentBehaviour: false,
    });
  });
});
