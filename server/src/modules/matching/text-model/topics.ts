import { MATCH_TOPIC_LABELS, MATCH_TOPICS, type MatchTopic } from '@hearth/contracts';

/**
 * The product's group topics (the tags facilitators put on groups) and how the RMHD subreddit labels map onto them.
 * Each RMHD label maps to its own topic, so the topic accuracy we report on rmhd_dev is not inflated by merging.
 * grief, caregivers, stress and relationships are not in RMHD; they are learned from our own labelled phrases.
 */
export const TOPICS = MATCH_TOPICS;

export type Topic = MatchTopic;

export const RMHD_LABELS: Record<string, Topic> = {
  'r/anxiety': 'anxiety',
  'r/depression': 'depression',
  'r/mentalhealth': 'general_wellbeing',
  'r/ptsd': 'trauma',
  'r/addiction': 'addiction',
  'r/alcoholism': 'alcohol',
  'r/healthanxiety': 'health_anxiety',
  'r/schizophrenia': 'psychosis',
  'r/lonely': 'loneliness',
  'r/bipolarreddit': 'bipolar',
  'r/socialanxiety': 'social_anxiety',
  'r/adhd': 'adhd',
};

/** Plain words for a topic, as shown in a match's reasons (English; the shared contracts hold every language). */
export const TOPIC_LABELS: Record<Topic, string> = MATCH_TOPIC_LABELS.en;

/** Group tags that mean the same topic (facilitators write "ptsd", the model says "trauma"). */
export const TOPIC_ALIASES: Record<string, Topic> = {
  ptsd: 'trauma',
  bereavement: 'grief',
  loss: 'grief',
  caregiver: 'caregivers',
  carers: 'caregivers',
  lonely: 'loneliness',
  substance_use: 'addiction',
  recovery: 'addiction',
  wellbeing: 'general_wellbeing',
  mental_health: 'general_wellbeing',
  schizophrenia: 'psychosis',
};

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}

/** A group tag as a model topic, or null when the tag is not a topic (e.g. a community tag). */
export function topicOfTag(tag: string): Topic | null {
  const t = tag.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (isTopic(t)) return t;
  return TOPIC_ALIASES[t] ?? null;
}
