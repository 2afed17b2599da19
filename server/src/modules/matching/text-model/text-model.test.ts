import { describe, expect, it } from 'vitest';
import { classifyTopics, detectIntent, embedText } from './index.ts';
import { trainTopicModel, loadTopicModel, rankClasses } from './classifier.ts';
import { cosine } from './vectorizer.ts';

describe('topic model', () => {
  it('reads grief and other topics from one sentence', () => {
    expect(classifyTopics("my dad died last month and I can't stop crying at work")[0]!.topic).toBe('grief');
    expect(classifyTopics('I hear voices that nobody else hears')[0]!.topic).toBe('psychosis');
    expect(classifyTopics('I feel so alone, I have no friends here')[0]!.topic).toBe('loneliness');
  });

  it('understands what the person wants (intents)', () => {
    expect(detectIntent('I want to talk to a real person').intent).toBe('human');
    expect(detectIntent('show me groups').intent).toBe('group');
    expect(detectIntent('something to read first').intent).toBe('resources');
  });

  it('puts related words close together in the shared space', () => {
    const a = embedText('grieving the death of my father');
    expect(cosine(a, embedText('support after the death of a parent'))).toBeGreaterThan(cosine(a, embedText('tools for panic attacks')));
  });

  it('trains deterministically', () => {
    const data = [
      { text: 'cats purr and meow', label: 'cat' }, { text: 'a cat sleeps and purrs', label: 'cat' },
      { text: 'dogs bark and fetch', label: 'dog' }, { text: 'a dog barks at the post', label: 'dog' },
    ];
    const a = trainTopicModel(data, ['cat', 'dog'], { minDf: 1, epochs: 20 });
    expect(trainTopicModel(data, ['cat', 'dog'], { minDf: 1, epochs: 20 })).toEqual(a);
    expect(rankClasses(loadTopicModel(a), 'my cat purrs')[0]!.label).toBe('cat');
  });
});
