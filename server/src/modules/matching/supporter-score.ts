import { isAvailableNow, type WeeklyWindow } from './schedule.ts';
import { TOPIC_LABELS, topicOfTag, type Topic } from './text-model/index.ts';

/** A peer supporter as one-to-one matching sees them. */
export type SupporterCandidate = {
  userId: string;
  displayName: string;
  languages: string[];
  timezone: string;
  livedExperience: string[];
  gender: string | null;
  ageRange: string | null;
  windows: WeeklyWindow[];
  acceptingRequests: boolean;
  certified: boolean;
  openConversations: number;
  maxCaseload: number;
  /** Mean rating from members, 1–5, and how many ratings it rests on. */
  rating: { mean: number; count: number } | null;
};

/** What the member asked for (all optional) and what their words are about. */
export type SupporterWishes = {
  topics: Map<Topic, number>;
  languages: string[];
  preferredGender?: string | null;
  preferredAgeRange?: string | null;
  livedExperience?: string[];
};

export type SupporterReason =
  | { kind: 'lived_experience'; topic: Topic; text: string }
  | { kind: 'language'; language: string; text: string }
  | { kind: 'available_now'; text: string }
  | { kind: 'certified'; text: string }
  | { kind: 'preference'; text: string };

export type SupporterMatch = { userId: string; displayName: string; score: number; eligible: boolean; reasons: SupporterReason[] };

export const SUPPORTER_WEIGHTS = { experience: 0.35, language: 0.25, available: 0.2, caseload: 0.15, rating: 0.1, preference: 0.1 };

/**
 * Scores one supporter for one member. Not eligible (never offered) when they are not certified, not taking requests,
 * share no language, or are at their caseload limit: spreading the load protects supporters too.
 */
export function scoreSupporter(wishes: SupporterWishes, s: SupporterCandidate, now: Date): SupporterMatch {
  const W = SUPPORTER_WEIGHTS;
  const reasons: SupporterReason[] = [];
  let score = 0;

  const lived = s.livedExperience.map(topicOfTag).filter((t): t is Topic => t !== null);
  const wanted = (wishes.livedExperience ?? []).map(topicOfTag).filter((t): t is Topic => t !== null);
  let best: Topic | null = null;
  let mass = 0;
  for (const t of lived) {
    const p = (wishes.topics.get(t) ?? 0) + (wanted.includes(t) ? 0.5 : 0);
    mass += p;
    if (!best || p > (wishes.topics.get(best) ?? 0) + (wanted.includes(best) ? 0.5 : 0)) best = t;
  }
  score += W.experience * Math.min(1, mass);
  if (best && mass >= 0.15) reasons.push({ kind: 'lived_experience', topic: best, text: `has lived through ${TOPIC_LABELS[best]}` });

  const shared = wishes.languages.length === 0 ? s.languages[0] : s.languages.find((l) => wishes.languages.includes(l));
  if (shared) {
    score += W.language;
    reasons.push({ kind: 'language', language: shared, text: shared });
  }

  const available = s.windows.length === 0 ? s.acceptingRequests : isAvailableNow(s.windows, s.timezone, now);
  if (available) {
    score += W.available;
    reasons.push({ kind: 'available_now', text: 'available now' });
  }

  const load = s.maxCaseload > 0 ? s.openConversations / s.maxCaseload : 1;
  score += W.caseload * (1 - Math.min(1, load));

  // A few ratings say little: shrink towards a neutral 4/5 until there are about five.
  const rating = s.rating ? (s.rating.mean * s.rating.count + 4 * 5) / (s.rating.count + 5) : 4;
  score += W.rating * ((rating - 1) / 4);

  let prefHits = 0;
  if (wishes.preferredGender && s.gender && wishes.preferredGender.toLowerCase() === s.gender.toLowerCase()) prefHits++;
  if (wishes.preferredAgeRange && s.ageRange && wishes.preferredAgeRange === s.ageRange) prefHits++;
  const prefAsked = (wishes.preferredGender ? 1 : 0) + (wishes.preferredAgeRange ? 1 : 0);
  if (prefAsked > 0) {
    score += W.preference * (prefHits / prefAsked);
    if (prefHits === prefAsked) reasons.push({ kind: 'preference', text: 'matches your preferences' });
  }
  if (s.certified) reasons.push({ kind: 'certified', text: 'certified peer supporter' });

  const eligible = s.certified && s.acceptingRequests && !!shared && s.openConversations < s.maxCaseload;
  return { userId: s.userId, displayName: s.displayName, score: Math.round(score * 1000) / 1000, eligible, reasons };
}

/** Eligible supporters, best first. */
export function rankSupporters(wishes: SupporterWishes, candidates: SupporterCandidate[], now: Date): SupporterMatch[] {
  return candidates
    .map((c) => scoreSupporter(wishes, c, now))
    .filter((m) => m.eligible)
    .sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : 1));
}
