import { ADDRESSING_YOU, ASKED_AND_DENIED, GENERIC_YOU, GUIDANCE_HELP, GUIDANCE_IF, IDIOMS, JOKING, NEGATION_BREAKERS, NEGATORS, OTHER_PEOPLE, PAST, RATHER_MUNDANE, RATHER_SERIOUS, RECOVERY, RELAPSE, RULES, SECOND_PERSON_PHRASE, TOPIC_LABEL, type Rule, type RuleKind } from './lexicon.ts';
import { LiteralIndex, requiredLiterals } from './literals.ts';
import { normalizeText, splitMarkedClauses } from './normalize.ts';

/** `reader`: guidance addressed to whoever reads it ("if you are having thoughts of suicide, reach out"): nobody's risk. */
export type RuleHit = { rule: Rule; person: 'self' | 'other' | 'reader' | 'general'; negated: boolean; past: boolean; otherInDanger?: boolean; clause: number };

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
  /** Risk phrases about someone else, addressed to the reader or said of people in general (a classifier feature). */
  otherHits: number;
  /** Distinct risk phrases about the author that count (a classifier feature). */
  ownHits: number;
  /** How many posts the text holds (a history joined with `historySeparator`); 1 for a single message. */
  posts: number;
};

/** Up to this many words a joking tone anywhere lowers the level (a chat message); past it, only next to the statement. */
const JOKE_SCOPE = 40;

const URGENT_KINDS = new Set<RuleKind>(['intent', 'passive', 'plan', 'selfHarmIntent']);
/** Statements of wanting, thinking or feeling, whose subject may be "you" or people in general. */
const STATEMENT_KINDS = new Set<RuleKind>(['intent', 'passive', 'selfHarm', 'selfHarmIntent', 'distress']);
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

/** A clause of guidance to the reader (lexicon.ts `GUIDANCE_IF`): a condition on "you" with advice or help, no first person. */
function isGuidance(clause: string): boolean {
  return GUIDANCE_IF.test(clause) && GUIDANCE_HELP.test(clause) && !FIRST_PERSON.test(clause);
}

/** Up to this many words a message can be a list of topic labels (a tag list, a heading). */
const LABEL_LIST_WORDS = 16;

/**
 * A message made only of topic labels ("suicidal thoughts", "Self-harm", "grief, self-harm, crisis"): the label segments
 * are dropped (nobody's risk is stated), the rest is read as usual. Judged on the text as typed (lowercase, accents,
 * hyphens and underscores only): an obfuscated word ("k.m.s", "su1c1de") is never a label. Returns null when the text
 * is not label-shaped.
 */
function dropTopicLabels(text: string): string | null {
  if (text.length > 200) return null;
  const plain = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[-_]+/g, ' ');
  const segments = plain.split(/\s*[,;|/\n]+\s*/).map((x) => x.replace(/[.!:"'()]+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (segments.length === 0 || segments.some((x) => x.split(' ').length > 4) || plain.split(/\s+/).length > LABEL_LIST_WORDS) return null;
  const kept = segments.filter((x) => !TOPIC_LABEL.test(x));
  return kept.length === segments.length ? null : kept.join(', ');
}

/** The reader addressed ("why do you want to die", "are you thinking of suicide"): a reply to someone, not the author. */
const SECOND_PERSON = /^(you|youre|your|yourself|youve|youd|youll|u|ur|tu|te|usted)$/;
/** People in general ("we are all going to die", "people who are suicidal", "anyone with thoughts of suicide"). */
const GENERAL_PEOPLE = /^(we|people|anyone|anybody|everyone|everybody|humans|person)$/;

/**
 * A second-person statement that is the writer's own state in general terms ("it makes you want to die", "some days
 * you feel like ending it all", "te dan ganas de morir") rather than said to someone: a declarative with a generic
 * frame (lexicon.ts `GENERIC_YOU`), and no sign of an addressee (a question mark, a quoted line, "why do you…",
 * "you said…", "I know you…", advice: `ADDRESSING_YOU`). Without a generic frame "you" stays the reader.
 */
function readsAsGeneric(clause: string, upTo: number, addressed: boolean): boolean {
  // The generic frame must come before or with the phrase ("it makes you want to die"); an addressee anywhere counts.
  return !addressed && !ADDRESSING_YOU.test(clause) && GENERIC_YOU.test(clause.slice(0, upTo));
}

/**
 * Who the phrase is about: the nearest person word before it in the clause (default: the author). "general": people in
 * general, nobody in particular (not a risk; the reason says "general statement"). `addressed`: the clause is a
 * question or a quoted line (splitMarkedClauses).
 */
function personBefore(clause: string, start: number, phrase = '', statement = true, addressed = false): 'self' | 'other' | 'general' {
  // "You" in a statement of wanting or feeling: the writer in general terms, or the reader.
  const you = () => (statement && readsAsGeneric(clause, start + phrase.length, addressed) ? 'self' : 'other');
  // A clause that speaks to the reader and never of the writer is advice or a question to someone else.
  if (ADDRESSED.test(clause) && !FIRST_PERSON.test(clause)) return you();
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
    // Impersonal "uno" is the writer ("uno ya no quiere vivir"); "uno de ellos" is someone else.
    if (w === 'uno') return before[i - 1] === 'de' ? 'other' : 'self';
    // "You" and people in general count only where the phrase does not name the author ("everyone would be better off
    // without me", "you will not see my last post").
    // Only for statements of wanting or feeling (a means word or a goodbye after "we" is still the author's).
    if (statement && (SECOND_PERSON.test(w) || GENERAL_PEOPLE.test(w))) return FIRST_PERSON.test(phrase) ? 'self' : SECOND_PERSON.test(w) ? you() : 'general';
  }
  // The phrase itself in the second person ("want to kill yourself", "te dan ganas de morir", "¿quieres morir?").
  if (statement && SECOND_PERSON_PHRASE.test(phrase) && !FIRST_PERSON.test(phrase)) return you();
  return 'self';
}

/** Impersonal "uno" right before a phrase that names someone else's act ("uno quiere morirse" is the writer). */
const IMPERSONAL_BEFORE = /\buno (ya |solo |simplemente |a veces )?$/;

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
  const unlabelled = dropTopicLabels(text);
  const normalized = normalizeText(unlabelled ?? text);
  const reasons = new Set<string>();
  let dampened = unlabelled !== null;
  if (unlabelled !== null) reasons.add('topic label');
  let cleanedAll = '';
  const hits: RuleHit[] = [];

  // Long histories have hundreds of clauses: an idiom or rule is tried only where one of its required literals occurs
  // (a substring search), first over the whole text, then clause by clause.
  const { clauses, addressed } = splitMarkedClauses(normalized);
  // Joined as the cleaned text is below, so that without an idiom both are the same string and share one index.
  const whole = clauses.map((c) => `${c}. `).join('');
  const wholeIndex = prefilter ? new LiteralIndex(whole) : null;
  const idioms = IDIOMS.filter((re, k) => {
    if (wholeIndex && !wholeIndex.hasAny(IDIOM_LITERALS[k] ?? null)) return false;
    re.lastIndex = 0;
    return re.test(whole);
  });
  const cleanedClauses: string[] = [];
  let hyperbole = false;
  for (const raw of clauses) {
    let clause = raw;
    // "I'd rather kill myself than sit through another meeting": the comparison is removed (concern at most, below).
    if (/rather|sooner|prefi/.test(clause)) {
      const m = RATHER_MUNDANE.exec(clause);
      if (m && !RATHER_SERIOUS.test(m[0].split(/ (?:than|then|que|a) /).slice(1).join(' '))) {
        clause = clause.replace(m[0], ' ').replace(/\s+/g, ' ').trim();
        reasons.add('hyperbole');
        dampened = hyperbole = true;
      }
    }
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
    let guidance: boolean | undefined;
    for (let ri = 0; ri < n; ri++) {
      if (candidate && candidate[ci * n + ri] === 0) continue;
      const rule = (RULE_TABLE[ri] as RuleEntry).rule;
      const m = rule.re.exec(clause);
      if (!m) continue;
      past ??= PAST.test(clause);
      denied ??= ASKED_AND_DENIED.test(clause);
      const negated = denied || (!rule.ownNegation && isNegated(clause, m.index));
      guidance ??= rule.kind !== 'lowMood' && isGuidance(clause);
      if (rule.other && IMPERSONAL_BEFORE.test(clause.slice(0, m.index))) continue;
      const person = guidance ? 'reader' : rule.other ? 'other' : rule.kind === 'lowMood' ? 'self' : personBefore(clause, m.index, m[0], STATEMENT_KINDS.has(rule.kind), addressed[ci]);
      // A past attempt is past by its own words; a recovery story around it lowers it like any past hit.
      const isPast = (past || rule.kind === 'pastAttempt') && rule.kind !== 'lowMood';
      // Someone else's act or preparations happening now ("my roommate took a whole bottle of pills and won't answer").
      const otherInDanger = person === 'other' && rule.otherNow === true && !isPast && !NOT_NOW.test(clause);
      hits.push({ rule, person, negated, past: isPast, otherInDanger, clause: ci });
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
    if (h.person === 'reader' || h.person === 'general') {
      reasons.add(h.person === 'reader' ? 'guidance' : 'general statement');
      dampened = true;
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
      selfHits.push({ rule: RULES.find((r) => r.kind === 'pastAttempt') as Rule, person: 'self', negated: false, past: true, clause: -1 });
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
  // Hyperbole over an everyday thing still used the words: a private card and a low-priority look, never on-call.
  if (hyperbole) score = Math.max(score, 0.45);
  if (!urgentCapable) score = Math.min(score, 0.62);

  const tokens = normalized.split(/\s+/).filter(Boolean).length;
  // In a message a "lol" anywhere sets the tone; in a long post or a history it only touches the statement it follows
  // (a joke three paragraphs away does not make "I want to die" light).
  const joking = tokens <= JOKE_SCOPE ? JOKING.test(text.toLowerCase()) : selfHits.some((h) => h.clause >= 0 && [h.clause, h.clause + 1].some((c) => JOKING.test(cleanedClauses[c] ?? '')));
  if (joking && score >= 0.4 && !selfHits.some((h) => h.rule.kind === 'plan')) {
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

  const posts = options.historySeparator ? Math.max(1, text.split(options.historySeparator).filter((p) => p.trim() !== '').length) : 1;
  const otherHits = hits.filter((h) => !h.negated && h.person !== 'self' && h.rule.kind !== 'lowMood').length;
  const ownHits = [...seen].filter((r) => r.kind !== 'lowMood').length;
  return { score, urgentCapable, aboutSomeoneElse, reasons: [...reasons], dampened, cleaned: normalizedOnce, tokens, posts, otherHits, ownHits };
}
