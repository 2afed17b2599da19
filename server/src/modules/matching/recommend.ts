import { distanceKm } from './places.ts';
import { describeSlot, localSlot, scheduleFit, type WeeklyWindow } from './schedule.ts';
import { cosine, embedText, topicDistribution, TOPIC_LABELS, topicOfTag, type SparseVector, type Topic } from './text-model/index.ts';

/** What matching knows about the person: their words (as vectors), the choices they made, and their safety level. */
export type MatchPerson = {
  vector: SparseVector;
  topics: Map<Topic, number>;
  challenges: string[];
  communities: string[];
  languages: string[];
  timezone: string;
  windows: WeeklyWindow[];
  format: 'online' | 'in_person' | 'hybrid' | 'any';
  place: { lat: number; lng: number } | null;
  /** The person's latest safety assessment is concern or urgent. */
  acute: boolean;
};

/** A group as matching sees it: its words, tags, language, meetings and how full it is. */
export type MatchGroup = {
  id: string;
  name: string;
  description: string;
  topics: string[];
  communities: string[];
  language: string;
  format: 'online' | 'in_person' | 'hybrid';
  venue: { lat: number; lng: number } | null;
  capacity: number | null;
  activeMembers: number;
  /** Members whose latest safety assessment is concern or urgent. */
  acuteMembers: number;
  upcomingStarts: Date[];
};

/** One reason, structured so the web app can translate it; `text` is the plain English. */
export type MatchReason =
  | { kind: 'topic'; topic: Topic; text: string }
  | { kind: 'language'; language: string; text: string }
  | { kind: 'schedule'; weekday: number; time: string; inWindow: boolean; text: string }
  | { kind: 'places'; count: number; text: string }
  | { kind: 'distance'; km: number; text: string }
  | { kind: 'online'; text: string }
  | { kind: 'community'; community: string; text: string };

export type GroupMatch = { groupId: string; score: number; reasons: MatchReason[]; summary: string; parts: Record<string, number> };

/** How much each part counts. Text and topic carry most; the rest makes the match practical. */
export const GROUP_WEIGHTS = { text: 0.25, topic: 0.45, tags: 0.15, language: 0.3, schedule: 0.2, distance: 0.15, capacity: 0.05, balance: 0.25, community: 0.1 };

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', fr: 'French', ar: 'Arabic', pt: 'Portuguese', de: 'German', zh: 'Chinese' };
export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

/** Builds the person side from their words and choices. */
export function describePerson(input: Omit<MatchPerson, 'vector' | 'topics'> & { text: string }): MatchPerson {
  const vector = embedText([input.text, ...input.challenges].join('. '));
  return { ...input, vector, topics: topicDistribution(vector) };
}

/** The group's words in the same space as the person's (name, description and topic tags). */
export function embedGroup(group: Pick<MatchGroup, 'name' | 'description' | 'topics'>): SparseVector {
  return embedText([group.name, group.description, ...group.topics.map((t) => TOPIC_LABELS[topicOfTag(t) ?? 'general_wellbeing'] ?? t)].join('. '));
}

/**
 * Scores one group for one person and explains it. Full groups and archived ones are filtered out before this.
 * Group balance: when the person is in acute distress, groups that already hold several people in acute distress
 * count less, so no group fills up with people who all need intensive support at once.
 */
export function scoreGroup(person: MatchPerson, group: MatchGroup, groupVector: SparseVector): GroupMatch {
  const W = GROUP_WEIGHTS;
  const reasons: MatchReason[] = [];
  const parts: Record<string, number> = {};

  parts.text = W.text * cosine(person.vector, groupVector);
  const groupTopics = group.topics.map(topicOfTag).filter((t): t is Topic => t !== null);
  let bestTopic: Topic | null = null;
  let topicMass = 0;
  for (const t of groupTopics) {
    const p = person.topics.get(t) ?? 0;
    topicMass += p;
    if (!bestTopic || p > (person.topics.get(bestTopic) ?? 0)) bestTopic = t;
  }
  parts.topic = W.topic * Math.min(1, topicMass);
  const chosen = person.challenges.map(topicOfTag).filter((t): t is Topic => t !== null);
  const chosenHit = groupTopics.find((t) => chosen.includes(t));
  parts.tags = chosenHit ? W.tags : 0;
  const topicForReason = chosenHit ?? bestTopic;
  if (topicForReason && (chosenHit || (person.topics.get(topicForReason) ?? 0) >= 0.15)) reasons.push({ kind: 'topic', topic: topicForReason, text: TOPIC_LABELS[topicForReason] });

  const speaks = person.languages.length === 0 || person.languages.includes(group.language);
  parts.language = speaks ? W.language : -2 * W.language;
  if (speaks && person.languages.length > 0) reasons.push({ kind: 'language', language: group.language, text: languageName(group.language) });

  const fit = scheduleFit(group.upcomingStarts, person.windows, person.timezone);
  parts.schedule = fit === null ? 0 : W.schedule * (2 * fit - 1);
  const next = group.upcomingStarts[0];
  if (next) {
    const slot = localSlot(next, person.timezone);
    reasons.push({ kind: 'schedule', ...slot, inWindow: fit !== null && fit > 0, text: describeSlot(slot) });
  }

  if (group.capacity !== null) {
    const left = group.capacity - group.activeMembers;
    parts.capacity = left > 0 ? W.capacity : -1;
    reasons.push({ kind: 'places', count: Math.max(0, left), text: left === 1 ? '1 place left' : `${Math.max(0, left)} places left` });
  } else parts.capacity = W.capacity;

  if (group.format === 'online') {
    parts.distance = person.format === 'in_person' ? -W.distance : 0;
    reasons.push({ kind: 'online', text: 'online' });
  } else if (group.venue && person.place) {
    const km = distanceKm(person.place, group.venue);
    const near = Math.max(0, 1 - km / 40);
    // In person only: far away is impractical. Hybrid groups can still be joined online.
    parts.distance = group.format === 'in_person' ? (km > 80 ? -2 * W.distance : W.distance * near) : W.distance * near * 0.5;
    reasons.push({ kind: 'distance', km: Math.round(km), text: `${Math.max(1, Math.round(km))} km away` });
  } else {
    parts.distance = group.format === 'in_person' ? (person.format === 'online' ? -2 * W.distance : -0.5 * W.distance) : 0;
  }
  if (person.format === 'online' && group.format === 'in_person') parts.distance = Math.min(parts.distance, -2 * W.distance);

  const acuteShare = group.activeMembers > 0 ? group.acuteMembers / group.activeMembers : 0;
  parts.balance = person.acute ? -W.balance * Math.min(1, acuteShare * 3) : -W.balance * 0.2 * acuteShare;

  const community = group.communities.find((c) => person.communities.includes(c));
  parts.community = community ? W.community : 0;
  if (community) reasons.push({ kind: 'community', community, text: community });

  const score = Object.values(parts).reduce((a, b) => a + b, 0);
  const order = ['topic', 'language', 'schedule', 'places', 'distance', 'online', 'community'];
  reasons.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { groupId: group.id, score: Math.round(score * 1000) / 1000, reasons, summary: reasons.map((r) => r.text).join(' · '), parts };
}

/** Ranks groups for a person, best first; full groups are left out. */
export function rankGroups(person: MatchPerson, groups: { group: MatchGroup; vector: SparseVector }[], limit = 10): GroupMatch[] {
  return groups
    .filter(({ group }) => group.capacity === null || group.activeMembers < group.capacity)
    .map(({ group, vector }) => scoreGroup(person, group, vector))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
