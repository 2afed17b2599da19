import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessReply } from './assessor.ts';
import { ROLEPLAY_MODEL } from './index.ts';
import { isHeldOut, parseExamples, trainModel } from './model.ts';
import { findCues } from './rules.ts';

const assess = (text: string) => assessReply(ROLEPLAY_MODEL, text);

describe('role-play reply assessor', () => {
  it('calls "Have you tried yoga?" advice-giving, and a reflection a listening skill, with different feedback', () => {
    const yoga = assess('Have you tried yoga?');
    const reflection = assess("It sounds like you've been carrying this alone for a long time.");
    expect(yoga).toMatchObject({ listened: false, pitfalls: ['advice'], skills: [] });
    expect(reflection).toMatchObject({ listened: true, pitfalls: [] });
    expect(reflection.skills).toContain('reflection');
    expect(yoga.feedback[0]!.text).toContain('"Have you tried yoga?"');
    expect(reflection.feedback[0]!.text).toMatch(/^Reflecting feelings/);
  });

  it.each([
    ['At least you still have your health.', 'minimising'],
    ["You shouldn't feel that way.", 'judgment'],
    ['The same thing happened to me and I was fine.', 'self_focus'],
    ['You should go for a run.', 'advice'],
  ])('flags "%s" as %s', (text, pitfall) => {
    const a = assess(text);
    expect(a.listened).toBe(false);
    expect(a.pitfalls).toContain(pitfall);
  });

  it.each([
    ['That makes a lot of sense given everything.', 'validation'],
    ['What has been the hardest part of this week?', 'open_question'],
    ['You sound exhausted.', 'reflection'],
  ])('credits "%s" as %s', (text, skill) => {
    const a = assess(text);
    expect(a.listened).toBe(true);
    expect(a.skills).toContain(skill);
  });

  it('does not count advice phrased as a question as an open question', () => {
    expect(findCues('Have you tried going for a walk?').map((c) => c.label)).toEqual(['advice']);
  });

  it('reports both the skill and the pitfall when a reply mixes them, and does not call it listening', () => {
    const a = assess('That sounds really hard. Have you tried meditation?');
    expect(a.skills).toContain('validation');
    expect(a.pitfalls).toContain('advice');
    expect(a.listened).toBe(false);
  });

  it('suggests an open question after a closed one', () => {
    const a = assess('Did you sleep last night?');
    expect(a.feedback).toEqual([expect.objectContaining({ kind: 'tip', label: 'closed_question' })]);
  });

  it('committed weights are what the training script produces from the examples (deterministic)', () => {
    const examples = parseExamples(fs.readFileSync(new URL('./examples.tsv', import.meta.url), 'utf8'));
    const retrained = trainModel(examples.filter((e) => !isHeldOut(e)));
    expect(retrained.vocabulary).toEqual(ROLEPLAY_MODEL.vocabulary);
    expect(retrained.bias).toEqual(ROLEPLAY_MODEL.bias);
  });
});
