/** An organization's watched word or phrase and what happens when it is used. */
export type WatchedWord = { pattern: string; action: 'block' | 'require_approval' | 'flag' | 'censor' };

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** A watched pattern as a whole-word, case-insensitive regular expression; `*` matches any letters. */
export function compileWatchedWord(pattern: string): RegExp {
  const body = escape(pattern.trim()).replace(/\*/g, '\\w*').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\w])${body}(?![\\w])`, 'giu');
}

/** The watched words the text uses. */
export function matchWatchedWords(text: string, words: WatchedWord[]): WatchedWord[] {
  return words.filter((w) => compileWatchedWord(w.pattern).test(text));
}

/** The text with every censored watched word replaced by asterisks. */
export function censorWatchedWords(text: string, words: WatchedWord[]): string {
  return words.filter((w) => w.action === 'censor').reduce((out, w) => out.replace(compileWatchedWord(w.pattern), (m) => '*'.repeat(m.length)), text);
}
