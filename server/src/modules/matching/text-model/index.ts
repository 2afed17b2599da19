/**
 * The matching text model: topics and intents from free text, and a shared TF-IDF space for similarity with group
 * descriptions. Weights are trained by `npm run train:topics` and committed; nothing is downloaded at run time.
 */
import { loadTopicModel, predictVector, rankClasses, type TopicModel } from './classifier.ts';
import intentJson from './intent-model.json' with { type: 'json' };
import topicJson from './topic-model.json' with { type: 'json' };
import { isTopic, type Topic } from './topics.ts';
import { cosine, vectorize, type SparseVector } from './vectorizer.ts';
import type { Intent } from './intent-phrases.ts';

export { TOPICS, TOPIC_LABELS, topicOfTag, isTopic, type Topic } from './topics.ts';
export { INTENTS, type Intent } from './intent-phrases.ts';
export { cosine, type SparseVector } from './vectorizer.ts';

const topics = loadTopicModel(topicJson as unknown as TopicModel);
const intents = loadTopicModel(intentJson as unknown as TopicModel);

export type TopicScore = { topic: Topic; p: number };

/** A text in the topic model's TF-IDF space (for cosine similarity with group descriptions). */
export function embedText(text: string): SparseVector {
  return vectorize(topics.vocab, text);
}

/** Topic probabilities for a vector from `embedText`, as a map. */
export function topicDistribution(vector: SparseVector): Map<Topic, number> {
  const p = predictVector(topics, vector);
  const out = new Map<Topic, number>();
  topics.model.classes.forEach((c, i) => {
    if (isTopic(c)) out.set(c, p[i]!);
  });
  return out;
}

/** Topics ranked by probability, highest first. */
export function classifyTopics(text: string, limit = 3): TopicScore[] {
  return rankClasses(topics, text)
    .filter((r): r is { label: Topic; p: number } => isTopic(r.label))
    .slice(0, limit)
    .map((r) => ({ topic: r.label, p: r.p }));
}

/** What the person seems to want, with its probability; 'unsure' when nothing stands out. */
export function detectIntent(text: string): { intent: Intent; p: number } {
  const [best] = rankClasses(intents, text);
  if (!best || best.p < 0.35) return { intent: 'unsure', p: best?.p ?? 0 };
  return { intent: best.label as Intent, p: best.p };
}

export const textSimilarity = cosine;
