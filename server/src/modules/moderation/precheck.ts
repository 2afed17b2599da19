import type { Actor } from '../../platform/http/actor.ts';
import { asksForContact, containsLink, findPersonalInfo, findToxicity, reviewText } from './automod/index.ts';
import type { ModerationContext } from './moderation.context.ts';
import { isNewMember } from './moderation.policy.ts';
import type { PrecheckBody } from './moderation.schemas.ts';
import * as standingRepo from './standing.repo.ts';

const WARN = {
  phone: 'This looks like a phone number. To stay anonymous and safe, it is best not to share it here.',
  email: 'This looks like an e-mail address. To stay anonymous and safe, it is best not to share it here.',
  address: 'This looks like a street address. To stay safe, it is best not to share where you live.',
  handle: 'This looks like a social media handle. To stay anonymous, it is best not to share it here.',
  off_platform: 'Meeting or talking outside Hearth is not protected by our community guidelines or safety team. Please keep the conversation here.',
  harassment: 'Some of these words may hurt someone. Would you like to reword it? A moderator may need to look before it is shared.',
  link: 'New members can share links once they have been around a little longer.',
  asks_for_contact: 'Peer supporters cannot ask for contact details or meetings outside Hearth.',
  watched_word: 'This community does not allow one of these words.',
} as const;

/**
 * Warns the author before they send (the composer calls this as they type, debounced). Nothing is stored or logged.
 * It never warns about strong language: venting is allowed, and someone in crisis must not be put off.
 */
export function createPrecheck(ctx: ModerationContext) {
  const { db } = ctx;
  return {
    async precheck(actor: Actor, body: PrecheckBody) {
      const text = body.text;
      if (text.trim().length === 0) return { warnings: [], willBe: 'sent' as const };
      const [standing, settings, watched] = await Promise.all([
        standingRepo.ensureStanding(db, actor.orgId, actor.userId),
        ctx.loadSettings(actor.orgId),
        standingRepo.listWatchedWords(db, actor.orgId),
      ]);
      const newMember = isNewMember(actor.role, standing.trustLevel);
      const decision = reviewText(
        text,
        { piiAction: settings.piiAction, profanityAction: settings.profanityAction === 'block' ? 'allow' : settings.profanityAction, watched: watched.map((w) => ({ pattern: w.pattern, action: w.action })) },
        { isPeerSupporter: actor.role === 'peer_supporter', isNewMember: newMember },
        false,
      );
      const kinds = new Set<keyof typeof WARN>(findPersonalInfo(text).map((f) => f.kind));
      const toxicity = findToxicity(text);
      if (toxicity.harassment || toxicity.hate) kinds.add('harassment');
      if (newMember && containsLink(text)) kinds.add('link');
      if (actor.role === 'peer_supporter' && asksForContact(text)) kinds.add('asks_for_contact');
      if (decision.blockCode === 'watched_word') kinds.add('watched_word');
      const willBe = decision.verdict === 'block' ? 'blocked' : decision.verdict === 'hold' ? 'held' : decision.redacted ? 'redacted' : 'sent';
      return { warnings: [...kinds].map((kind) => ({ kind, message: WARN[kind] })), willBe } as const;
    },
  };
}
