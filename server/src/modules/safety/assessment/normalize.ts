/**
 * Text normalization before rules and features: lowercase, accents stripped, apostrophes dropped ("don't" → "dont"),
 * leetspeak undone inside words ("k!ll mys3lf" → "kill myself"), letters repeated 3+ times cut to two, spaced-out
 * letters joined ("k i l l" → "kill") and known obfuscations mapped to plain words ("kms", "unalive", "sewer slide").
 */

import { mayMatch, requiredLiterals } from './literals.ts';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't' };

/** Slang and deliberate misspellings, applied on the normalized text (word-bounded). Order matters. */
const OBFUSCATIONS: Array<[RegExp, string]> = [
  // Common chat misspellings of risk words ("i wana kil myself", "wnt to die", "imma").
  [/\b(wnt|wamt|whant)\b/g, 'want'],
  [/\bwana\b/g, 'wanna'],
  [/\b(kil|kll)\b/g, 'kill'],
  [/\b(myslef|myselfe|mysef|mself)\b/g, 'myself'],
  [/\b(imma|ima|im gunna|im finna|finna)\b/g, 'im going to'],
  // "kms" after a word of intent, before a time, or as the whole message is the phrase; tacked onto a complaint it is
  // often an exasperated interjection ("forgot my keys again kms"), read as a mention of suicide (concern).
  [/\b(to|going to|gonna|will|ill|i will|should|might|about to|ready to|just|wanna|want to|im going to) kms\b/g, '$1 kill myself'],
  [/\bkms (tonight|today|now|rn|right now|soon|tomorrow|for real|fr)\b/g, 'kill myself $1'],
  [/^kms$/g, 'kill myself'],
  [/\bkms\b/g, 'suicide'],
  [/\bun ?alive (myself|me)\b/g, 'kill myself'],
  // Used without an object, "unalive" is about oneself ("ready to unalive tonight", "thinking about unaliving").
  [/\bun ?alive\b(?! (him|her|them|you|someone|somebody|people|everyone|the|my|his|their|your|our|this|that)\b)/g, 'kill myself'],
  [/\bun ?aliving\b(?! (him|her|them|you|someone|somebody|people|everyone|the|my|his|their|your|our|this|that)\b)/g, 'killing myself'],
  [/\bun ?aliv(e|ing)\b/g, 'kill'],
  [/\bsewer ?slide\b/g, 'suicide'],
  [/\bsuey ?side\b/g, 'suicide'],
  // "s*icide", "su1c1de", "suic!de" once the symbols are gone.
  [/\bs ?u? ?i? ?cid(e|al)\b/g, 'suicid$1'],
  [/\bself ?(delete|deleting|yeet)\b/g, 'kill myself'],
  [/\bctb\b/g, 'kill myself'],
  // Not the everyday bus: a destination, a time or a companion follows ("catch the bus to work").
  [/\bcatch the bus\b(?! (to|at|from|home|into|in|back|this|tomorrow|every|again|later|with|instead|because|so|or|and (go|get|come|head)))/g, 'kill myself'],
  [/\boff myself\b/g, 'kill myself'],
  [/\bcommit die\b/g, 'kill myself'],
  [/\b(urges? to|relapsed? on|clean from|days without) sh\b/g, '$1 self harm'],
  [/\bsh (urges?|relapse)\b/g, 'self harm $1'],
  [/\bself ?harm(ing)?\b/g, 'self harm'],
  [/\bod\b/g, 'overdose'],
  [/\bkys\b/g, 'kill yourself'],
  [/\b(im|i am) gonna\b/g, 'im going to'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bwant ta\b/g, 'want to'],
  [/\bu\b/g, 'you'],
];

const OBFUSCATION_TABLE = OBFUSCATIONS.map(([re, to]) => [re, to, requiredLiterals(re)] as const);

const STRETCH_FIXES: Record<string, string> = { kil: 'kill', kiling: 'killing', kiled: 'killed', pils: 'pills', pil: 'pill', godbye: 'goodbye', wana: 'wanna', gona: 'gonna', stil: 'still', wil: 'will', sory: 'sorry' };

function undoLeet(word: string): string {
  if (!/[a-z]/.test(word) || !/[0-9@$!|+]/.test(word)) return word;
  // Only map characters sitting inside a word ("k!ll", "mys3lf"), not a trailing "!" ("help!").
  return word.replace(/[0-9@$!|+]/g, (ch, i: number) => {
    const inside = i > 0 && i < word.length - 1;
    const leadingLetter = i === 0 && /[a-z]/.test(word[1] ?? '');
    return inside || leadingLetter || /[a-z]/.test(word[i - 1] ?? '') && ch !== '!' ? (LEET[ch] ?? ch) : ch;
  });
}

/** Joins runs of three or more single letters separated by spaces or dots: "k i l l m e" → "killme". */
function joinSpacedLetters(s: string): string {
  return s.replace(/(?:^|(?<=\s))(?:[a-z][\s.\-_*]{1,2}){2,}[a-z](?=\s|$|[.,!?])/g, (run) => {
    const letters = run.replace(/[^a-z]/g, '');
    return letters.length >= 3 ? ` ${letters} ` : run;
  });
}

export function normalizeText(input: string): string {
  let s = input.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/[’‘`´]/g, "'").replace(/(\w)'(\w)/g, '$1$2').replace(/'/g, ' ');
  // Only words holding a digit or symbol can be leetspeak; matching just those keeps long histories cheap.
  s = s.replace(/(?<!\S)[^\s0-9@$!|+]*[0-9@$!|+]\S*/g, (w) => undoLeet(w));
  // Stretched letters ("diiiie", "wannnnt") shrink to one; the few risk words spelled with a double letter are restored.
  // The lookbehind starts each try at the beginning of a run of letters (same matches, far less backtracking).
  if (/([a-z])\1\1/.test(s)) s = s.replace(/(?<![a-z])[a-z]*([a-z])\1{2,}[a-z]*/g, (w) => {
    const short = w.replace(/([a-z])\1{2,}/g, '$1');
    return STRETCH_FIXES[short] ?? short;
  });
  s = joinSpacedLetters(s);
  s = s.replace(/[*_~]/g, '').replace(/[ \t]+/g, ' ');
  // A pattern runs only when one of its required literals is in the text (a substring search is far cheaper).
  for (const [re, to, literals] of OBFUSCATION_TABLE) if (mayMatch(literals, s)) s = s.replace(re, to);
  // Glued forms after letter joining: "killmyself", "kill myself" with no space.
  s = s.replace(/\bkill ?my ?self\b/g, 'kill myself').replace(/\bend ?my ?life\b/g, 'end my life');
  s = s.replace(/\bwant ?to ?die\b/g, 'want to die');
  return s.trim();
}

const CLAUSE_END = /[.!?;\n]+|\s(?:but|pero|although|aunque|sin embargo)\s/g;
const cleanClause = (c: string) => c.replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim();

/** Splits normalized text into clauses: sentence ends, line breaks, and "but"/"pero" (which flip the stance). */
export function splitClauses(normalized: string): string[] {
  return splitMarkedClauses(normalized).clauses;
}

/**
 * The same clauses, each marked when it is said to someone by its punctuation: a question ("you want to die?",
 * "¿quieres morir?") or a quoted line ("> you just want to die"). Punctuation is gone from the clause text itself.
 */
export function splitMarkedClauses(normalized: string): { clauses: string[]; addressed: boolean[] } {
  const clauses: string[] = [];
  const addressed: boolean[] = [];
  const push = (piece: string, end: string) => {
    const clause = cleanClause(piece);
    if (clause.length === 0) return;
    clauses.push(clause);
    addressed.push(end.includes('?') || piece.includes('¿') || piece.trimStart().startsWith('>'));
  };
  let last = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(normalized); m; m = CLAUSE_END.exec(normalized)) {
    push(normalized.slice(last, m.index), m[0]);
    last = m.index + m[0].length;
  }
  push(normalized.slice(last), '');
  return { clauses, addressed };
}
