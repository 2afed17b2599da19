import { containsLink } from './links.ts';
import { asksForContact, findPersonalInfo, redactPersonalInfo, type PiiKind } from './pii.ts';
import { censorProfanity, findToxicity } from './profanity.ts';
import { censorWatchedWords, matchWatchedWords, type WatchedWord } from './watched-words.ts';

export { findToxicity, censorProfanity } from './profanity.ts';
export { findPersonalInfo, redactPersonalInfo, asksForContact, type PiiKind } from './pii.ts';
export { containsLink } from './links.ts';
export { compileWatchedWord, type WatchedWord } from './watched-words.ts';

/** What an organization chose for its auto-moderation. */
export type AutomodRules = { piiAction: 'redact' | 'hold'; profanityAction: 'allow' | 'censor' | 'flag' | 'block'; watched: WatchedWord[] };

/** Who is writing, as far as the rules care. */
export type AutomodAuthor = { isPeerSupporter: boolean; isNewMember: boolean };

export type BlockCode = 'watched_word' | 'profanity' | 'new_member_link' | 'asks_for_contact';

/** The outcome for one message: deliver (perhaps redacted or censored, perhaps queued for a look), hold, or block. */
export type AutomodDecision = {
  verdict: 'deliver' | 'hold' | 'block';
  text: string;
  /** Why, in words a moderator reads ("harassment", "personal information"); never the person's text. */
  reasons: string[];
  /** Delivered, but a moderator should look. */
  flag: boolean;
  redacted: boolean;
  censored: boolean;
  blockCode: BlockCode | null;
  pii: PiiKind[];
};

/**
 * Reviews one message's words. Runs after the safety assessment: when `atRisk` is true the words are always
 * delivered unchanged (never blocked, held, censored or redacted: a person in crisis is never silenced), and anything
 * the rules noticed is only queued for a moderator to look at later.
 */
export function reviewText(text: string, rules: AutomodRules, author: AutomodAuthor, atRisk: boolean): AutomodDecision {
  const toxicity = findToxicity(text);
  const pii = findPersonalInfo(text);
  const contactPii = pii.filter((p) => p.kind !== 'off_platform');
  const offPlatform = pii.some((p) => p.kind === 'off_platform');
  const watched = matchWatchedWords(text, rules.watched);
  const has = (action: WatchedWord['action']) => watched.some((w) => w.action === action);
  const asks = author.isPeerSupporter && asksForContact(text);
  const link = author.isNewMember && containsLink(text);

  const reasons: string[] = [];
  if (toxicity.hate) reasons.push('hate');
  if (toxicity.harassment) reasons.push('harassment');
  if (contactPii.length > 0) reasons.push('personal information');
  if (offPlatform) reasons.push('moving off Hearth');
  if (asks) reasons.push('peer supporter asked for contact details');
  if (watched.length > 0) reasons.push('watched word');
  if (link) reasons.push('link from a new member');
  const piiKinds = [...new Set(pii.map((p) => p.kind))];
  const base = { text, reasons, flag: false, redacted: false, censored: false, blockCode: null, pii: piiKinds } satisfies Omit<AutomodDecision, 'verdict'>;

  if (atRisk) {
    const serious = toxicity.hate || toxicity.harassment || contactPii.length > 0 || offPlatform || asks || has('block') || has('require_approval') || has('flag');
    return { ...base, verdict: 'deliver', flag: serious };
  }

  const block = (blockCode: BlockCode): AutomodDecision => ({ ...base, verdict: 'block', blockCode });
  if (asks) return block('asks_for_contact');
  if (has('block')) return block('watched_word');
  if (link) return block('new_member_link');
  if (rules.profanityAction === 'block' && toxicity.profanity && !toxicity.hate && !toxicity.harassment) {
    reasons.push('profanity');
    return block('profanity');
  }

  let out = text;
  let redacted = false;
  let censored = false;
  let hold = toxicity.hate || toxicity.harassment || has('require_approval');
  let flag = has('flag');
  if (contactPii.length > 0) {
    if (rules.piiAction === 'hold') hold = true;
    else {
      out = redactPersonalInfo(out, contactPii);
      redacted = true;
    }
  }
  if (offPlatform) {
    if (rules.piiAction === 'hold') hold = true;
    else flag = true;
  }
  if (has('censor')) {
    out = censorWatchedWords(out, rules.watched);
    censored = true;
  }
  if (toxicity.profanity && !hold) {
    if (rules.profanityAction === 'censor') {
      const c = censorProfanity(out);
      censored = censored || c !== out;
      out = c;
    } else if (rules.profanityAction === 'flag') {
      reasons.push('profanity');
      flag = true;
    }
  }
  return { ...base, verdict: hold ? 'hold' : 'deliver', text: out, flag: flag && !hold, redacted, censored };
}
