import type { Actor } from '../../platform/http/actor.ts';

export type RewardsActor = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Gentle limits so cards stay special and can never become spam or pressure. */
export const CARD_LIMITS = { perDay: 5, perRecipientPerWeek: 1 } as const;

/** Peer supporters (and the facilitators who lead groups) send thank-you cards. */
export function canSendCards(actor: Pick<RewardsActor, 'role'>): boolean {
  return actor.role === 'peer_supporter' || actor.role === 'facilitator';
}

/** A card goes only to someone in the same organization whom the sender actually supported, and never to oneself. */
export function canSendCardTo(actor: RewardsActor, recipient: { id: string; orgId: string | null }, supported: boolean): boolean {
  return canSendCards(actor) && recipient.id !== actor.userId && recipient.orgId === actor.orgId && supported;
}
