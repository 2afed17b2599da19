import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAFETY_COPY } from './safety.copy.ts';
import { UNSAFE_PHRASING } from '@hearth/contracts';
import { SCREENER_QUESTIONS } from './screener.ts';

/** Phrasings safe-messaging guidance asks us never to use, and method words the product's own text must not carry. */
const BANNED = UNSAFE_PHRASING;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const sources: Array<[string, string[]]> = [
  ['safety copy', strings(SAFETY_COPY)],
  ['screener questions', SCREENER_QUESTIONS.map((q) => q.text)],
  ['web/src/i18n/en.ts', [fs.readFileSync(new URL('../../../../web/src/i18n/en.ts', import.meta.url), 'utf8')]],
  ['web/src/i18n/es.ts', [fs.readFileSync(new URL('../../../../web/src/i18n/es.ts', import.meta.url), 'utf8')]],
];

describe('safe messaging', () => {
  it.each(sources)('%s has no banned phrasing or method detail', (_name, texts) => {
    for (const text of texts) for (const pattern of BANNED) expect(text, `${pattern}`).not.toMatch(pattern);
  });

  it('catches the phrasings it is meant to catch', () => {
    for (const bad of ['he committed suicide', 'a failed attempt', 'took pills', 'cometió suicidio']) {
      expect(BANNED.some((p) => p.test(bad)), bad).toBe(true);
    }
  });

  it('offers help and hope in every card', () => {
    for (const card of [SAFETY_COPY.card.concern, SAFETY_COPY.card.urgent, SAFETY_COPY.card.aboutSomeoneElse]) {
      expect(card.body).toMatch(/support|help|talk/i);
    }
  });
});
