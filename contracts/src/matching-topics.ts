/**
 * The topics matching understands (the text model's classes) and their plain words in each language Hearth speaks.
 * One source for the server's reasons and the assistant's script and the web catalog's matching.topics.
 */
export const MATCH_TOPICS = [
  'anxiety',
  'depression',
  'general_wellbeing',
  'trauma',
  'addiction',
  'alcohol',
  'health_anxiety',
  'psychosis',
  'loneliness',
  'bipolar',
  'social_anxiety',
  'adhd',
  'grief',
  'caregivers',
  'stress',
  'relationships',
] as const;

export type MatchTopic = (typeof MATCH_TOPICS)[number];

/** Plain words for each topic, lower case so they read well inside a sentence ("grief · English · …"). */
export const MATCH_TOPIC_LABELS = {
  en: {
    anxiety: 'anxiety',
    depression: 'low mood',
    general_wellbeing: 'wellbeing',
    trauma: 'trauma',
    addiction: 'recovery',
    alcohol: 'alcohol',
    health_anxiety: 'health worries',
    psychosis: 'hearing voices',
    loneliness: 'loneliness',
    bipolar: 'bipolar',
    social_anxiety: 'social anxiety',
    adhd: 'ADHD',
    grief: 'grief',
    caregivers: 'caring for someone',
    stress: 'stress',
    relationships: 'relationships',
  },
  es: {
    anxiety: 'ansiedad',
    depression: 'ánimo bajo',
    general_wellbeing: 'bienestar',
    trauma: 'trauma',
    addiction: 'recuperación',
    alcohol: 'alcohol',
    health_anxiety: 'preocupaciones por la salud',
    psychosis: 'escuchar voces',
    loneliness: 'soledad',
    bipolar: 'bipolaridad',
    social_anxiety: 'ansiedad social',
    adhd: 'TDAH',
    grief: 'duelo',
    caregivers: 'cuidar de alguien',
    stress: 'estrés',
    relationships: 'relaciones',
  },
} as const satisfies Record<string, Record<MatchTopic, string>>;

/** Coarse age ranges a person may give (only if they choose) for themselves or ask for in a supporter. */
export const AGE_RANGES = ['18-24', '25-34', '35-49', '50-64', '65+'] as const;
