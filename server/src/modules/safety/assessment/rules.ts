import { ASKED_AND_DENIED, IDIOMS, JOKING, NEGATION_BREAKERS, NEGATORS, OTHER_PEOPLE, PAST, RECOVERY, RELAPSE, RULES, type Rule, type RuleKind } from './lexicon.ts';
import { LiteralIndex, requiredLiterals } from './literals.ts';
import { normalizeText, splitClauses } from './normalize.ts';

export type RuleHit = { rule: Rule; person: 'self' | 'other'; negated: boolean; past: boolean; otherInDanger?: boolean };

/** Verbs that introduce someone else's words: "she told me 'I want to die'" quotes her, not the author. */
const REPORTING = /^(told|tells|tell|said|says|texted|texts|messaged|posted|wrote|writes|admitted|confessed|whispered|dijo|dice|escribio|conto)$/;
/** A clause about a death or an event long past, where someone else's act is not happening now. */
const NOT_NOW = /\b(died|passed away|funeral|in (19|20)\d\d|years ago|months ago|last (week|month|year)|used to|survived|recovered|murio|fallecio|hace (\w+ )?(anos|meses))\b/;

export type RuleResult = {
  /** Noisy-OR of the self-directed hits that count (0..1). */
  score: number;
  /** True when some hit may, on its own or with another, reach "urgent". */
  urgentCapable: boolean;
  /** True when the only risk is about another person. */
  aboutSomeoneElse: boolean;
  reasons: string[];
  /** Something dampened the text (negation, idiom, someone else, recovery, joking): the classifier is capped. */
  dampened: boolean;
  /** Text with idioms removed, for the classifier. */
  cleaned: string;
  tokens: number;
  /** How many posts the text holds (a history joined with `historySeparator`); 1 for a single message. */
  posts: number;
};

const URGENT_KINDS = new Set<RuleKind>(['intent', 'passive', 'plan', 'selfHarmIntent']);
const PAIRING_KINDS = new Set<RuleKind>(['farewell', 'planWeak']);

function isNegated(clause: string, start: number): boolean {
  const before = clause.slice(0, start).trim().split(' ').filter(Boolean).slice(-5);
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i] as string;
    if (NEGATION_BREAKERS.has(w)) return false;
    // "The only reason I didn't kill myself…" is not a denial.
    if (NEGATORS.has(w)) return !(before[i - 2] === 'reason' || before[i - 3] === 'reason');
  }
  return false;
}

/** Guidance addressed to the reader ("if you are having thoughts of suicide…", "thoughts of hurting yourself"). */
const ADDRESSED = /^(if|when|whenever) (you|youre)\b|\b(if|when) (you are|youre|you have|youve|you feel|you ever) (\w+ ){0,3}(struggling|having|feeling|thinking|had)\b|\b(hurting|harming|hurt|harm) yourself\b|^(si|cuando) (tu|te|usted)\b/;
const FIRST_PERSON = /\b(i|im|ive|id|ill|me|my|myself|mine|yo|mi|mis|conmigo)\b/;

/** Who the phrase is about: the nearest person word before it in the clause (default: the author). */
function personBefore(clause: string, start: number): 'self' | 'other' {
  // A clause that speaks to the reader and never of the writer is advice or a question to someone else.
  if (ADDRESSED.test(clause) && !FIRST_PERSON.test(clause)) return 'other';
  const before = clause.slice(0, start).trim().split(' ').filter(Boolean).slice(-6).reverse();
  for (const [i, w] of before.entries()) {
    if (/^(i|im|ive|id|ill|me|myself|yo)$/.test(w)) {
      // Quoted first person (quote marks are gone after normalization): "she told me i want to die", "he said i…".
      const next = before[i + 1] ?? '';
      const quoted = (next === 'me' && REPORTING.test(before[i + 2] ?? '')) || (REPORTING.test(next) && OTHER_PEOPLE.test(before[i + 2] ?? ''));
      if (quoted && before.slice(i + 1).some((v) => OTHER_PEOPLE.test(v))) return 'other';
      return 'self';
    }
    if (OTHER_PEOPLE.test(w)) return 'other';
  }
  return 'self';
}

/** Each rule's and idiom's required literals (see literals.ts), derived once at load. */
type RuleEntry = { rule: Rule; literals: string[] | null };
const RULE_TABLE: RuleEntry[] = RULES.map((rule) => ({ rule, literals: requiredLiterals(rule.re) }));
const IDIOM_LITERALS = IDIOMS.map((re) => requiredLiterals(re));

export type RuleOptions = {
  /**
   * Skip rules whose required literals are absent (default true). Turning it off tries every rule on every clause: the
   * same result, slower; tests and the bench compare both.
   */
  prefilter?: boolean;
  /**
   * How posts are joined when the text is an exported history of many posts (e.g. " ||| " in the C-SSRS data). Only
   * the evaluation commands pass it; a message on the server is always one post, whatever characters it holds.
   */
  historySeparator?: string;
};

export function evaluateRules(text: string, options: RuleOptions = {}): RuleResult {
  const prefilter = options.prefilter ?? true;
  const normalized = normalizeText(text);
  const reasons = new Set<string>();
  let dampened = false;
  let cleanedAll = '';
  const hits: RuleHit[] = [];

  // Long histories have hundreds of clauses: an idiom or rule is tried only where one of its required literals occurs
  // (a substring search), first over the whole text, then clause by clause.
  const clauses = splitClauses(normalized);
  // Joined as the cleaned text is below, so that without an idiom both are the same string and share one index.
  const whole = clauses.map((c) => `${c}. `).join('');
  const wholeIndex = prefilter ? new LiteralIndex(whole) : null;
  const idioms = IDIOMS.filter((re, k) => {
    if (wholeIndex && !wholeIndex.hasAny(IDIOM_LITERALS[k] ?? null)) return false;
    re.lastIndex = 0;
    return re.test(whole);
  });
  const cleanedClauses: string[] = [];
  for (const raw of clauses) {
    let clause = raw;
    for (const re of idioms) {
      re.lastIndex = 0;
      if (re.test(clause)) {
        re.lastIndex = 0;
        clause = clause.replace(re, ' ').replace(/\s+/g, ' ').trim();
        reasons.add('idiom');
        dampened = true;
      }
    }
    cleanedClauses.push(clause);
    cleanedAll += `${clause}. `;
  }
  // Which rule may match in which clause: every occurrence of a rule's literals in the cleaned text marks its clause.
  // A few hundred substring searches over the text replace one regex run per rule and clause.
  const n = RULE_TABLE.length;
  let candidate: Uint8Array | null = null;
  if (prefilter) {
    const cand = (candidate = new Uint8Array(cleanedClauses.length * n));
    const index = cleanedAll === whole && wholeIndex ? wholeIndex : new LiteralIndex(cleanedAll);
    const clauseAt = new Int32Array(cleanedAll.length);
    let offset = 0;
    for (const [ci, c] of cleanedClauses.entries()) {
      clauseAt.fill(ci, offset, offset + c.length + 2);
      offset += c.length + 2;
    }
    for (let ri = 0; ri < n; ri++) {
      const literals = (RULE_TABLE[ri] as RuleEntry).literals;
      if (literals === null) {
        for (let ci = 0; ci < cleanedClauses.length; ci++) cand[ci * n + ri] = 1;
        continue;
      }
      for (const lit of literals) index.forEach(lit, (at) => (cand[(clauseAt[at] as number) * n + ri] = 1));
    }
  }
  for (const [ci, clause] of cleanedClauses.entries()) {
    let past: boolean | undefined;
    let denied: boolean | undefined;
    for (let ri = 0; ri < n; ri++) {
      if (candidate && candidate[ci * n + ri] === 0) continue;
      const rule = (RULE_TABLE[ri] as RuleEntry).rule;
      const m = rule.re.exec(clause);
      if (!m) continue;
      past ??= PAST.test(clause);
      denied ??= ASKED_AND_DENIED.test(clause);
      const negated = denied || (!rule.ownNegation && isNegated(clause, m.index));
      const person = rule.other ? 'other' : rule.kind === 'lowMood' ? 'self' : personBefore(clause, m.index);
      // A past attempt is past by its own words; a recovery story around it lowers it like any past hit.
      const isPast = (past || rule.kind === 'pastAttempt') && rule.kind !== 'lowMood';
      // Someone else's act or preparations happening now ("my roommate took a whole bottle of pills and won't answer").
      const otherInDanger = person === 'other' && rule.otherNow === true && !isPast && !NOT_NOW.test(clause);
      hits.push({ rule, person, negated, past: isPast, otherInDanger });
    }
  }

  const selfHits: RuleHit[] = [];
  let otherRisk = false;
  let otherInDanger = false;
  let pastHits = 0;
  for (const h of hits) {
    if (h.negated) {
      if (h.rule.kind !== 'lowMood') {
        reasons.add('negated');
        dampened = true;
      }
      continue;
    }
    if (h.person === 'other') {
      if (h.rule.kind === 'intent' || h.rule.kind === 'passive' || h.rule.kind === 'plan' || h.rule.kind === 'selfHarm' || h.rule.kind === 'selfHarmIntent' || h.rule.reason === 'mentions suicide') otherRisk = true;
      if (h.otherInDanger) otherInDanger = true;
      continue;
    }
    if (h.past) {
      // Only a past risk statement makes a story about the past; a means word or a goodbye in it ("the bridge
      // in 1984", "said goodbye to my family years ago") is just history.
      if (h.rule.kind !== 'planWeak' && h.rule.kind !== 'farewell') pastHits++;
      continue;
    }
    selfHits.push(h);
  }

  const normalizedOnce = cleanedAll;
  const recovery = pastHits > 0 && RECOVERY.test(normalizedOnce) && !RELAPSE.test(normalizedOnce);
  if (pastHits > 0) {
    if (recovery) {
      reasons.add('recovery story');
      dampened = true;
    } else {
      selfHits.push({ rule: RULES.find((r) => r.kind === 'pastAttempt') as Rule, person: 'self', negated: false, past: true });
    }
  }

  // Noisy-OR over distinct rules; a phrase counts once.
  const seen = new Set<Rule>();
  let keep = 1;
  let urgentCapable = false;
  let pairing = 0;
  let pairingWeight = 0;
  for (const h of selfHits) {
    if (seen.has(h.rule)) continue;
    seen.add(h.rule);
    keep *= 1 - h.rule.weight;
    if (h.rule.kind !== 'lowMood') reasons.add(h.rule.reason);
    if (URGENT_KINDS.has(h.rule.kind)) urgentCapable = true;
    if (PAIRING_KINDS.has(h.rule.kind)) {
      pairing++;
      pairingWeight += h.rule.weight;
    }
  }
  if (pairing >= 2) urgentCapable = true;
  let score = 1 - keep;
  // Two clear farewell or plan signals together (e.g. giving a pet away and "won't need him anymore") mean urgent.
  if (pairing >= 2 && pairingWeight >= 0.75) score = Math.max(score, 0.75);
  // Hopelessness or feeling a burden with a goodbye ("I can't do this anymore. Goodbye everyone") reads as intent: a
  // goodbye turns a risk indicator into a statement that calls for someone now (C-SSRS ladder, lexicon.ts).
  const goodbye = selfHits.some((h) => h.rule.kind === 'farewell' && h.rule.weight >= 0.38);
  if (goodbye && selfHits.some((h) => h.rule.kind === 'distress')) {
    urgentCapable = true;
    score = Math.max(score, 0.75);
  }
  if (!urgentCapable) score = Math.min(score, 0.62);

  if (JOKING.test(text.toLowerCase()) && score >= 0.4 && !selfHits.some((h) => h.rule.kind === 'plan')) {
    // A joking tone lowers a flag by one step, never to nothing: masking with "lol" is common.
    score = Math.min(score, 0.55);
    urgentCapable = false;
    reasons.add('joking tone');
  }

  const aboutSomeoneElse = otherRisk && score < 0.4;
  if (otherRisk) {
    reasons.add('about someone else');
    dampened = true;
    score = Math.max(score, aboutSomeoneElse ? 0.5 : score);
  }
  // Someone else in danger now (an overdose taken, a goodbye letter left, a person missing): the author needs a person
  // at once to help them get emergency help, so on-call is alerted; the reasons say it is about someone else.
  if (otherInDanger) {
    reasons.add('someone else in danger now');
    urgentCapable = true;
    score = Math.max(score, 0.75);
  }

  const tokens = normalized.split(/\s+/).filter(Boolean).length;
  const posts = options.historySeparator ? Math.max(1, text.split(options.historySeparator).filter((p) => p.trim() !== '').length) : 1;
  return { score, urgentCapable, aboutSomeoneElse, reasons: [...reasons], dampened, cleaned: normalizedOnce, tokens, posts };
}
