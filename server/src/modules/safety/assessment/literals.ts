/**
 * Required literals of a rule's regular expression: a set of strings such that every match of the expression contains
 * at least one of them. The rules use them as a cheap pre-filter (`String.includes` finds a literal far faster than a
 * `\b(…|…)` alternation can be tried at every position of a long text), so a rule's regex only runs on the clauses
 * that hold one of its literals. Derived from the pattern's source, never written by hand, so a new rule can never be
 * skipped by a forgotten keyword: when nothing can be derived safely the answer is null (the rule always runs).
 */

type Req = string[] | null;

/** The literals of `re`, or null when the pattern (or its flags) is outside the simple subset understood here. */
export function requiredLiterals(re: RegExp): string[] | null {
  if (/[imsuyv]/.test(re.flags)) return null;
  try {
    const parser = new Parser(re.source);
    const req = parser.alternation();
    if (parser.i !== re.source.length) return null;
    return req && req.length > 0 && req.every((s) => s.length > 0) ? [...new Set(req)] : null;
  } catch {
    return null;
  }
}

/** True when `text` may hold a match: it contains one of the literals (or there are none to check). */
export function mayMatch(literals: string[] | null, text: string): boolean {
  if (literals === null) return true;
  for (const l of literals) if (text.includes(l)) return true;
  return false;
}

/** Letters in a literal: spaces say little (" my " is everywhere, "life" is not). */
const letters = (s: string) => s.replace(/[^a-z]/g, '').length;

/** The more selective of two requirements: more letters in its shortest literal first, then fewer alternatives. */
function better(a: Req, b: Req): Req {
  if (!a) return b;
  if (!b) return a;
  const la = Math.min(...a.map(letters));
  const lb = Math.min(...b.map(letters));
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  alternation(): Req {
    const branches: Req[] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return branches.flat() as string[];
  }

  /** A sequence's requirement is its most selective literal run or required group. */
  private sequence(): Req {
    let best: Req = null;
    let run = '';
    const endRun = () => {
      if (run.length > 0) best = better(best, [run]);
      run = '';
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      if (atom.kind === 'char') {
        if (q === 'one') run += atom.char;
        else if (q === 'oneOrMore') {
          run += atom.char;
          endRun();
        } else endRun();
      } else if (atom.kind === 'zeroWidth') {
        // \b, ^, $ and lookarounds consume nothing: the literal run goes on across them.
        if (q !== 'one') throw new Error('quantified assertion');
      } else if (atom.kind === 'group') {
        endRun();
        if (q === 'one' || q === 'oneOrMore') best = better(best, atom.req);
      } else endRun();
    }
    endRun();
    return best;
  }

  private atom(): { kind: 'char'; char: string } | { kind: 'zeroWidth' } | { kind: 'group'; req: Req } | { kind: 'other' } {
    const c = this.s[this.i] as string;
    if (c === '(') {
      this.i++;
      let look = false;
      if (this.s.startsWith('?:', this.i)) this.i += 2;
      else if (this.s.startsWith('?=', this.i) || this.s.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (this.s.startsWith('?<=', this.i) || this.s.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (this.s[this.i] === '?') throw new Error('unsupported group');
      const req = this.alternation();
      if (this.s[this.i] !== ')') throw new Error('unbalanced');
      this.i++;
      return look ? { kind: 'zeroWidth' } : { kind: 'group', req };
    }
    if (c === '[') {
      this.i++;
      if (this.s[this.i] === '^') this.i++;
      if (this.s[this.i] === ']') this.i++;
      while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
      if (this.s[this.i] !== ']') throw new Error('unbalanced class');
      this.i++;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = this.s[this.i + 1] as string;
      this.i += 2;
      if (e === 'b' || e === 'B') return { kind: 'zeroWidth' };
      if (/[.\\|?*+()[\]{}^$/\- ]/.test(e)) return { kind: 'char', char: e };
      if (/[0-9kpPuxc]/.test(e)) throw new Error('unsupported escape');
      return { kind: 'other' }; // \w \s \d \W \S \D \t \n …
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { kind: 'zeroWidth' };
    }
    if (c === '.') {
      this.i++;
      return { kind: 'other' };
    }
    if ('*+?{}'.includes(c)) throw new Error('dangling quantifier');
    this.i++;
    return { kind: 'char', char: c };
  }

  /** 'one' (no quantifier or {1}), 'oneOrMore' (+, {n,…} with n ≥ 1) or 'optional' (?, *, {0,…}). */
  private quantifier(): 'one' | 'oneOrMore' | 'optional' {
    const c = this.s[this.i];
    let kind: 'one' | 'oneOrMore' | 'optional' = 'one';
    if (c === '?' || c === '*') {
      this.i++;
      kind = 'optional';
    } else if (c === '+') {
      this.i++;
      kind = 'oneOrMore';
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Error('bad quantifier');
      this.i += m[0].length;
      const min = Number(m[1]);
      kind = min === 0 ? 'optional' : min === 1 && m[2] === undefined ? 'one' : 'oneOrMore';
    }
    if (kind !== 'one' && this.s[this.i] === '?') this.i++; // lazy
    return kind;
  }
}

/**
 * Where literals occur in one text, found through an index of its character pairs: each literal is looked up by its
 * rarest pair and checked in place, so hundreds of literals cost about one pass over the text instead of one each.
 */
export class LiteralIndex {
  /** Positions of every character pair, grouped by a hash of the pair (counting sort into one typed array). */
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;

  constructor(private readonly text: string) {
    const n = Math.max(0, text.length - 1);
    const starts = new Int32Array(BUCKETS + 1);
    const keys = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const key = pairBucket(text.charCodeAt(i), text.charCodeAt(i + 1));
      keys[i] = key;
      starts[key + 1] = (starts[key + 1] as number) + 1;
    }
    for (let b = 0; b < BUCKETS; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
    const fill = starts.slice(0, BUCKETS);
    const positions = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      positions[fill[key] as number] = i;
      fill[key] = (fill[key] as number) + 1;
    }
    this.starts = starts;
    this.positions = positions;
  }

  /** True when the text holds one of the literals (or there are none to check), like `mayMatch`. */
  hasAny(literals: string[] | null): boolean {
    if (literals === null) return true;
    for (const l of literals) {
      let found = false;
      this.forEach(l, () => (found = true));
      if (found) return true;
    }
    return false;
  }

  /** Calls `found` with the start of every occurrence of `literal` (in increasing order). */
  forEach(literal: string, found: (at: number) => void): void {
    if (literal.length < 2) {
      for (let at = this.text.indexOf(literal); at >= 0; at = this.text.indexOf(literal, at + 1)) found(at);
      return;
    }
    // Look the literal up by its rarest pair; a bucket may hold other pairs too, so each candidate is checked in place.
    let bucket = -1;
    let offset = 0;
    for (let k = 0; k + 1 < literal.length; k++) {
      const b = pairBucket(literal.charCodeAt(k), literal.charCodeAt(k + 1));
      const size = (this.starts[b + 1] as number) - (this.starts[b] as number);
      if (size === 0) return;
      if (bucket < 0 || size < (this.starts[bucket + 1] as number) - (this.starts[bucket] as number)) {
        bucket = b;
        offset = k;
      }
    }
    for (let j = this.starts[bucket] as number; j < (this.starts[bucket + 1] as number); j++) {
      const at = (this.positions[j] as number) - offset;
      if (at >= 0 && this.text.startsWith(literal, at)) found(at);
    }
  }
}

const BUCKETS = 4096;
function pairBucket(a: number, b: number): number {
  return (Math.imul(a, 31) + b) & (BUCKETS - 1);
}
