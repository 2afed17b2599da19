import type { UserRole } from '../../platform/http/actor.ts';
import type { TrustLevel } from './trust.ts';

type Who = { userId: string; orgId: string; role: UserRole | string };

/** Moderators and admins run the review queue, act on content and people, and read the full modlog. */
export function isModerator(actor: Pick<Who, 'role'>): boolean {
  return actor.role === 'moderator' || actor.role === 'admin';
}

/** Staff flags weigh more, and staff are never "new members". */
export function isStaff(role: string): boolean {
  return role !== 'member';
}

/** Whether a moderator may review this queue item: same organization only (anything else is "not found"). */
export function canReviewItem(actor: Who, item: { orgId: string }): boolean {
  return isModerator(actor) && actor.orgId === item.orgId;
}

/** Nobody moderates their own content or account. */
export function canActOn(actor: Pick<Who, 'userId'>, subjectId: string | null): boolean {
  return subjectId === null || subjectId !== actor.userId;
}

/** An appeal is decided by a moderator other than the one who acted, and not by the person appealing. */
export function canDecideAppeal(actor: Who, appeal: { orgId: string; appellantId: string | null }, action: { moderatorId: string | null }): boolean {
  return isModerator(actor) && actor.orgId === appeal.orgId && action.moderatorId !== actor.userId && appeal.appellantId !== actor.userId;
}

/** Decisions a person can appeal (once): those against them, made by a person. */
export const APPEALABLE = ['hide', 'ask_edit', 'warn', 'mute', 'suspend', 'ban', 'helper_hide', 'live_remove'] as const;

/** Like Discourse's TL3: helpers may hide spam from new members at once, pending a moderator's look. */
export function canHelperHide(reporter: { role: string; trustLevel: TrustLevel }, reason: string, author: { role: string; trustLevel: TrustLevel } | null): boolean {
  const helper = reporter.trustLevel === 'helper' || isModerator(reporter);
  return helper && reason === 'spam' && !!author && author.role === 'member' && author.trustLevel === 'new';
}

/** New-member restrictions apply to members (never staff) at trust level "new". */
export function isNewMember(role: string, trustLevel: TrustLevel): boolean {
  return role === 'member' && trustLevel === 'new';
}

/**
 * One-to-one requests: new members (like everyone) may ask peer supporters only, never other members; chat's own
 * rule already limits requests to peer supporters. This states it for moderation's precheck and tests.
 */
export function canRequestOneToOne(target: { role: string }): boolean {
  return target.role === 'peer_supporter';
}

/** A facilitator (or co-facilitator) of the group, or a moderator, holds the live session. */
export function canControlLiveSession(actor: Who, membership: { role: string; status: string } | null, group: { orgId: string }): boolean {
  if (actor.orgId !== group.orgId) return false;
  if (isModerator(actor)) return true;
  return membership?.status === 'active' && (membership.role === 'facilitator' || membership.role === 'co_facilitator');
}

/**
 * Messages per minute: new members get a third of everyone else's allowance (floods and raids use fresh accounts),
 * still roomy enough for a fast live conversation. Staff are not limited here.
 */
export function postsPerMinute(role: string, trustLevel: TrustLevel): number | null {
  if (isStaff(role)) return null;
  return trustLevel === 'new' ? 30 : 90;
}
