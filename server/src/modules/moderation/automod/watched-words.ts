/** An organization's watched word or phrase and what happens when it is used. */
export type WatchedWord = { pattern: string; action: 'block' | 'require_approval' | 'flag' | 'censor' };

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** A watched pattern as a whole-word, case-insensitive regular expression; `*` matches any letters. */
export function compileWatchedWord(pattern: string): RegExp {
  const body = escape(pattern.trim()).replace(/\*/g, '\\w*').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\w])${body}(?![\\w])`, 'giu');
}

/** How many compiled patterns this process keeps (every organization's watched words together). */
const PATTERNS_KEPT = 5_000;
const compiled = new Map<string, { test: RegExp; replace: RegExp }>();

/**
 * A pattern's expressions, compiled once per process instead of on every message (moderation reviews every chat
 * message against all of its organization's watched words). `test` has no `g` flag, so it keeps no `lastIndex`
 * between messages; `replace` keeps the `g` flag, which `String.replace` resets itself.
 */
function compiledOf(pattern: string) {
  let found = compiled.get(pattern);
  if (!found) {
    const replace = compileWatchedWord(pattern);
    found = { test: new RegExp(replace.source, 'iu'), replace };
    if (compiled.size >= PATTERNS_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(pattern, found);
  }
  return found;
}

/** The watched words the text uses. */
export function matchWatchedWords(text: string, words: WatchedWord[]): WatchedWord[] {
  return words.filter((w) => compiledOf(w.pattern).test.test(text));
}

/** The text with every censored watched word replaced by asterisks. */
export function censorWatchedWords(text: string, words: WatchedWord[]): string {
  return words.filter((w) => w.action === 'censor').reduce((out, w) => out.replace(compiledOf(w.pattern).replace, (m) => '*'.repeat(m.length)), text);
}
