import type { Actor } from '../../platform/http/actor.ts';
import * as repo from './matching.repo.ts';
import type { MatchingDeps, MatchProfile } from './matching.deps.ts';
import { describePerson, embedGroup, rankGroups, type MatchGroup } from './recommend.ts';
import { classifyTopics, type SparseVector } from './text-model/index.ts';
import { rankSupporters, type SupporterCandidate } from './supporter-score.ts';

const HORIZON_MS = 28 * 24 * 3600_000;

/** Group recommendations and supporter suggestions, each with reasons in plain words. */
export function createRecommendations(deps: MatchingDeps) {
  const { db, now } = deps;
  // Group descriptions change rarely: keep their vectors until the row changes.
  const vectors = new Map<string, { at: number; vector: SparseVector }>();
  const vectorOf = (g: { id: string; updatedAt: Date; name: string; description: string; topics: string[] }) => {
    const hit = vectors.get(g.id);
    if (hit && hit.at === g.updatedAt.getTime()) return hit.vector;
    const vector = embedGroup(g);
    vectors.set(g.id, { at: g.updatedAt.getTime(), vector });
    return vector;
  };

  async function profileFor(actor: Actor, text?: string): Promise<MatchProfile> {
    const stored = deps.findProfile ? await deps.findProfile(actor.userId) : null;
    const user = await repo.findUserBrief(db, actor.userId);
    const base: MatchProfile = stored ?? {
      text: '', challenges: [], communities: [], languages: user?.languages ?? [], timezone: actor.timezone, windows: [], format: 'any', place: null,
      supporter: { gender: null, ageRange: null, livedExperience: [] },
    };
    return {
      ...base,
      text: text && text.length > 0 ? text : base.text,
      languages: base.languages.length > 0 ? base.languages : (user?.languages ?? []),
      timezone: base.timezone ?? actor.timezone,
    };
  }

  return {
    profileFor,

    /** Ranked groups for the person: their words and choices, language, free time, distance, places left, balance. */
    async recommendGroups(actor: Actor, query: { text?: string; limit: number }) {
      const profile = await profileFor(actor, query.text);
      const at = now();
      const since = new Date(at.getTime() - repo.CURRENT_LEVEL_MS);
      const level = (await repo.listLatestLevels(db, [actor.userId], since)).get(actor.userId) ?? 'none';
      const person = describePerson({
        text: profile.text, challenges: profile.challenges, communities: profile.communities, languages: profile.languages,
        timezone: profile.timezone ?? actor.timezone, windows: profile.windows, format: profile.format, place: profile.place, acute: level !== 'none',
      });
      const rows = await repo.listCandidateGroups(db, actor.orgId);
      const ids = rows.map((r) => r.group.id);
      const [starts, acute] = await Promise.all([deps.sessions.listUpcomingStarts(ids, at, new Date(at.getTime() + HORIZON_MS)), repo.countAcuteMembers(db, ids, since)]);
      const candidates = rows.map(({ group: g, activeMembers }) => {
        const group: MatchGroup = {
          id: g.id, name: g.name, description: g.description, topics: g.topics, communities: g.communities, language: g.language, format: g.format,
          venue: g.venueLat !== null && g.venueLng !== null ? { lat: g.venueLat, lng: g.venueLng } : null,
          capacity: g.capacity, activeMembers, acuteMembers: acute.get(g.id) ?? 0, upcomingStarts: starts.get(g.id) ?? [],
        };
        return { group, vector: vectorOf(g) };
      });
      const byId = new Map(rows.map((r) => [r.group.id, r.group]));
      const ranked = rankGroups(person, candidates, query.limit);
      return {
        topics: classifyTopics([profile.text, ...profile.challenges].join('. '), 3).map((t) => ({ topic: t.topic, p: Math.round(t.p * 1000) / 1000 })),
        recommendations: ranked.map((m) => {
          const g = byId.get(m.groupId)!;
          return {
            group: { id: g.id, name: g.name, description: g.description, language: g.language, format: g.format, topics: g.topics, visibility: g.visibility },
            score: m.score,
            summary: m.summary,
            reasons: m.reasons,
            abilities: { join: g.visibility === 'open', requestToJoin: g.visibility === 'request' },
          };
        }),
      };
    },

    /** Peer supporters who could take a one-to-one conversation, best first (certified ones only when that is known). */
    async recommendSupporters(actor: Actor, text?: string) {
      const profile = await profileFor(actor, text);
      const candidates = await loadSupporterCandidates(deps, actor.orgId);
      const topics = new Map(classifyTopics([profile.text, ...profile.challenges].join('. '), 16).map((t) => [t.topic, t.p]));
      return rankSupporters(
        { topics, languages: profile.languages, preferredGender: profile.supporter.gender, preferredAgeRange: profile.supporter.ageRange, livedExperience: profile.supporter.livedExperience },
        candidates.filter((c) => c.userId !== actor.userId),
        now(),
      );
    },
  };
}

/** Peer supporters with everything the score needs, including the certification check when it is wired. */
export async function loadSupporterCandidates(deps: Pick<MatchingDeps, 'db' | 'chat' | 'canTakeOneToOne' | 'supporterRatings'>, orgId: string): Promise<SupporterCandidate[]> {
  const rows = await repo.listSupporterCandidates(deps.db, orgId);
  const ids = rows.map((r) => r.user.id);
  const [open, feedback] = await Promise.all([
    deps.chat.countOpenConversations(ids),
    deps.supporterRatings ? deps.supporterRatings(ids) : new Map<string, { count: number; average: number | null }>(),
  ]);
  return Promise.all(
    rows.map(async (r) => ({
      userId: r.user.id,
      displayName: r.user.displayName,
      languages: r.user.languages,
      timezone: r.user.timezone,
      livedExperience: r.profile?.livedExperience ?? [],
      gender: r.profile?.gender ?? null,
      ageRange: r.profile?.ageRange ?? null,
      windows: r.profile?.availability ?? [],
      acceptingRequests: r.profile?.acceptingRequests ?? true,
      certified: deps.canTakeOneToOne ? await deps.canTakeOneToOne({ userId: r.user.id, orgId }) : true,
      openConversations: open.get(r.user.id) ?? 0,
      maxCaseload: r.profile?.maxCaseload ?? 4,
      rating: combineRatings(r.ratingMean !== null && r.ratingCount > 0 ? { mean: r.ratingMean, count: r.ratingCount } : null, feedback.get(r.user.id)),
    })),
  );
}

/**
 * One rating from both places members rate a supporter: the request they asked for (matching) and the ended
 * conversation (supervision's feedback), weighted by how many ratings each rests on.
 */
export function combineRatings(requests: { mean: number; count: number } | null, feedback: { count: number; average: number | null } | undefined): { mean: number; count: number } | null {
  const parts = [requests, feedback && feedback.average !== null && feedback.count > 0 ? { mean: feedback.average, count: feedback.count } : null].filter((p): p is { mean: number; count: number } => p !== null);
  const count = parts.reduce((n, p) => n + p.count, 0);
  if (count === 0) return null;
  return { mean: parts.reduce((sum, p) => sum + p.mean * p.count, 0) / count, count };
}
