import { createRequire } from 'node:module';
import { classifyEmotion, defaultEmotionModel, type Emotion } from './emotion.ts';

type Vader = { SentimentIntensityAnalyzer: { polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number } } };
// vader-sentiment is CommonJS without types; loaded once, typed here.
const vader = createRequire(import.meta.url)('vader-sentiment') as Vader;

/** VADER's compound score (−1 … 1) for a text. */
export const vaderCompound = (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;

export type MessageMood = { compound: number; emotion: Emotion; emotionConfidence: number };

/**
 * Sentiment (VADER compound, −1 … 1; Hutto & Gilbert 2014) and an emotion label for one message. Not a crisis
 * signal: lexicon sentiment can rate hopeless words as positive, so crisis assessment runs separately, first.
 */
export function analyzeMessageMood(text: string): MessageMood {
  const clipped = text.length > 2000 ? text.slice(0, 2000) : text;
  const compound = vaderCompound(clipped);
  const { emotion, confidence } = classifyEmotion(defaultEmotionModel(), clipped);
  return { compound, emotion, emotionConfidence: confidence };
}
