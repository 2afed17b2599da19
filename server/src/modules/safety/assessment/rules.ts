import { ASKED_AND_DENIED, TRIGGER, IDIOMS, JOKING, NEGATION_BREAKERS, NEGATORS, OTHER_PEOPLE, PAST, RECOVERY, RELAPSE, RULES, type Rule, type RuleKind } from './lexicon.ts';
import { normalizeText, splitClauses } from './normalize.ts';

export type RuleHit = { rule: Rule; person: 'self' | 'other'; negated: boolean; past: boolean };

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
  /** How many posts the text holds (a history exported as posts joined with " ||| "); 1 for a single message. */
  posts: number;
};

const URGENT_KINDS = new Set<RuleKind>(['intent', 'passive', 'plan', 'selfHarmIntent']);
const PAIRING_KINDS = new Set<RuleKind>(['farewell', 'planWeak']);

function isNegated(clause: string, start: number): boolean {
  const before = clause.slice(0, start).trim().split(' ').filter(Boolean).slice(-5);
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i] as string;
    if (NEGATION_BREAKERS.has(w)) return false;
    if (NEGATORS.has(w)) return true;
  }
  return false;
}

/** Who the phrase is about: the nearest person word before it in the clause (default: the author). */
function personBefore(clause: string, start: number): 'self' | 'other' {
  const before = clause.slice(0, start).trim().split(' ').filter(Boolean).slice(-6).reverse();
  for (const w of before) {
    if (/^(i|im|ive|id|ill|me|myself|yo)$/.test(w)) return 'self';
    if (OTHER_PEOPLE.test(w)) return 'other';
  }
  return 'self';
}

export function evaluateRules(text: string): RuleResult {
  const normalized = normalizeText(text);
  const reasons = new Set<string>();
  let dampened = false;
  let cleanedAll = '';
  const hits: RuleHit[] = [];

  // Long histories have hundreds of clauses: each idiom and rule is first tried once on the whole text, and only the
  // ones that match somewhere are tried clause by clause (same result, a fraction of the regex runs).
  const clauses = splitClauses(normalized);
  const whole = clauses.join(' . ');
  const idioms = IDIOMS.filter((re) => {
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
  // Only clauses holding a trigger stem can match a rule other than low mood: the rules are pre-tried on those alone.
  const triggeredClauses = cleanedClauses.map((c) => TRIGGER.test(c));
  const triggeredText = cleanedClauses.filter((_, i) => triggeredClauses[i]).join(' . ');
  const rules = RULES.filter((rule) => rule.re.test(rule.kind === 'lowMood' ? cleanedAll : triggeredText));
  for (const [i, clause] of cleanedClauses.entries()) {
    const past = PAST.test(clause);
    const triggered = triggeredClauses[i] as boolean;
    const denied = triggered && ASKED_AND_DENIED.test(clause);
    for (const rule of rules) {
      if (!triggered && rule.kind !== 'lowMood') continue;
      const m = rule.re.exec(clause);
      if (!m) continue;
      const negated = denied || (!rule.ownNegation && isNegated(clause, m.index));
      const person = rule.other ? 'other' : rule.kind === 'lowMood' ? 'self' : personBefore(clause, m.index);
      hits.push({ rule, person, negated, past: past && rule.kind !== 'lowMood' });
    }
  }

  const selfHits: RuleHit[] = [];
  let otherRisk = false;
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
      if (h.rule.kind === 'intent' || h.rule.kind === 'passive' || h.rule.kind === 'plan' || h.rule.kind === 'selfHarm' || h.rule.kind === 'selfHarmIntent') otherRisk = true;
      continue;
    }
    if (h.past) {
      pastHits++;
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

  const tokens = normalized.split(/\s+/).filter(Boolean).length;
  const posts = 1 + (text.match(/\|\|\|/g)?.length ?? 0);
  return { score, urgentCapable, aboutSomeoneElse, reasons: [...reasons], dampened, cleaned: normalizedOnce, tokens, posts };
}
