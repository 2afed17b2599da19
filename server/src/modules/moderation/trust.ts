import type { TrustThresholds } from '../../db/schema/index.ts';

export const TRUST_LEVELS = ['new', 'member', 'trusted', 'helper'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** Defaults in the spirit of Discourse's trust levels, for an organization that has not set its own. */
export const DEFAULT_TRUST_THRESHOLDS: TrustThresholds = {
  member: { daysVisited: 2, postsRead: 20, reactionsReceived: 0 },
  trusted: { daysVisited: 15, postsRead: 150, reactionsReceived: 5 },
  helper: { daysVisited: 50, postsRead: 500, reactionsReceived: 20 },
};

/** Participation so far. */
export type Participation = { daysVisited: number; postsRead: number; reactionsReceived: number; upheldFlags: number };

/**
 * The level earned by participation. Any upheld flag against the person keeps them from being promoted; each upheld
 * flag also costs a level (see `demote`), so trust is earned back, not kept by default.
 */
export function earnedTrustLevel(p: Participation, thresholds: TrustThresholds): TrustLevel {
  if (p.upheldFlags > 0) return 'new';
  const meets = (t: TrustThresholds['member']) => p.daysVisited >= t.daysVisited && p.postsRead >= t.postsRead && p.reactionsReceived >= t.reactionsReceived;
  if (meets(thresholds.helper)) return 'helper';
  if (meets(thresholds.trusted)) return 'trusted';
  if (meets(thresholds.member)) return 'member';
  return 'new';
}

/** Promotion only moves up: a level is never lost to a slow month, only to an upheld flag. */
export function promote(current: TrustLevel, earned: TrustLevel): TrustLevel {
  return TRUST_LEVELS.indexOf(earned) > TRUST_LEVELS.indexOf(current) ? earned : current;
}

/** One level down for an upheld flag. */
export function demote(current: TrustLevel): TrustLevel {
  return TRUST_LEVELS[Math.max(0, TRUST_LEVELS.indexOf(current) - 1)]!;
}

/** The base every flag starts from. */
export const FLAG_BASE_SCORE = 2;
const TRUST_BONUS: Record<TrustLevel, number> = { new: 0, member: 1, trusted: 2, helper: 3 };
/** Staff (peer supporters, facilitators, moderators, clinicians, admins) flag with the weight of a helper and more. */
export const STAFF_BONUS = 4;

/**
 * A flag's score: a base, plus the reporter's trust level, plus their accuracy over their last 100 decided flags
 * (upheld vs dismissed). Accuracy counts only once a reporter has three decided flags; it ranges from −2 (always
 * dismissed) to +2 (always upheld), so a careless reporter needs company to hide anything.
 */
export function flagScore(reporter: { trustLevel: TrustLevel; isStaff: boolean; upheld: number; dismissed: number }): number {
  const decided = reporter.upheld + reporter.dismissed;
  const accuracy = decided >= 3 ? Math.round(4 * (reporter.upheld / decided) - 2) : 0;
  const trust = reporter.isStaff ? STAFF_BONUS : TRUST_BONUS[reporter.trustLevel];
  return Math.max(1, FLAG_BASE_SCORE + trust + accuracy);
}
