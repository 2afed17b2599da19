/**
 * TF-IDF over word stems and stem bigrams (English and Spanish, accents folded). Shared by the topic classifier and
 * by group-description similarity, so a person's words and a group's words live in one space.
 */

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is am are was were be been being it its this that these those i me my mine we our you your ' +
    'he him his she her they them their there here so than then too very can could would should will just do does did doing have has had having not no ' +
    'what which who whom when where why how all any both each few more most other some such only own same into over under again further once about ' +
    'up down out off im ive id dont cant wont didnt doesnt isnt wasnt also really like get got go going know think thing things one even still much ' +
    'el la los las un una unos unas y o pero de del al en con por para que es son fue ser estar esta este esto estoy mi mis me se lo le les nos su sus ' +
    'muy mas ya no si como cuando donde porque tengo tiene hay'
  ).split(/\s+/),
);

/** Lowercase, accents folded, apostrophes dropped ("can't" → "cant"). */
export function normalizeForTopics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '');
}

/** A light suffix stripper: enough to join "died/dies/dying" and "worries/worried" without a dictionary. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

const MAX_CHARS = 6000;

/** The terms of a text: stems of non-stopwords and their adjacent pairs. */
export function extractTerms(text: string): string[] {
  const words = normalizeForTopics(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
  const terms: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) terms.push(`${words[i]} ${words[i + 1]}`);
  return terms;
}

/** A sparse, L2-normalized vector: parallel arrays of vocabulary indices (ascending) and values. */
export type SparseVector = { idx: Int32Array; val: Float64Array };

export type Vocabulary = { terms: string[]; idf: number[]; index: Map<string, number> };

export function createVocabulary(terms: string[], idf: number[]): Vocabulary {
  return { terms, idf, index: new Map(terms.map((t, i) => [t, i])) };
}

/** Learns the vocabulary (terms in at least `minDf` documents, the `maxTerms` most frequent) and smoothed idf. */
export function fitVocabulary(documents: string[], options: { minDf?: number; maxTerms?: number } = {}): Vocabulary {
  const minDf = options.minDf ?? 2;
  const maxTerms = options.maxTerms ?? 3000;
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(extractTerms(doc))) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df.entries()]
    .filter(([, n]) => n >= minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const n = documents.length;
  return createVocabulary(
    kept.map(([t]) => t),
    kept.map(([, d]) => Math.round((Math.log((1 + n) / (1 + d)) + 1) * 1000) / 1000),
  );
}

/** Sublinear tf × idf, L2-normalized. Unknown terms are ignored. */
export function vectorize(vocab: Vocabulary, text: string): SparseVector {
  const counts = new Map<number, number>();
  for (const term of extractTerms(text)) {
    const i = vocab.index.get(term);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float64Array(idx.length);
  let norm = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const v = (1 + Math.log(counts.get(i)!)) * vocab.idf[i]!;
    val[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < val.length; k++) val[k]! /= norm;
  return { idx, val };
}

/** Cosine similarity of two normalized sparse vectors (a merge of sorted indices). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!;
    const y = b.idx[j]!;
    if (x === y) sum += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
