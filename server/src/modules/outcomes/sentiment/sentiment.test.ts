import { describe, expect, it } from 'vitest';
import { analyzeMessageMood } from './sentiment.ts';
import { EMOTIONS, defaultEmotionModel, emotionProbabilities } from './emotion.ts';

describe('message mood', () => {
  it('scores warm words above heavy ones', () => {
    const warm = analyzeMessageMood('Thank you all, tonight really helped and I feel hopeful');
    const heavy = analyzeMessageMood('I feel awful and alone, nothing is working');
    expect(warm.compound).toBeGreaterThan(0.3);
    expect(heavy.compound).toBeLessThan(-0.3);
  });

  it('labels clear emotions from the committed model', () => {
    expect(analyzeMessageMood('I am so happy and grateful today, thank you!').emotion).toBe('joy');
    expect(analyzeMessageMood('I am really scared and anxious about tomorrow').emotion).toBe('fear');
    expect(analyzeMessageMood('This makes me so angry, I hate it').emotion).toBe('anger');
  });

  it('gives a probability for every emotion, summing to one', () => {
    const p = emotionProbabilities(defaultEmotionModel(), 'what a surprise');
    expect(p).toHaveLength(EMOTIONS.length);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
  });
});
