import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (!node || typeof node !== 'object') return [];
  return Object.values(node as Record<string, unknown>).flatMap(strings);
}

/** Safe-messaging guidance: no method details, no "committed suicide", no alarming words in the product's own copy. */
const BANNED = [
  /\bcommit(ted|s|ting)?\s+suicide\b/i,
  /\bsuccessful\s+suicide\b/i,
  /\bfailed\s+(suicide|attempt)\b/i,
  /\bcometi(ó|eron|do)\s+suicidio\b/i,
  /\b(pills?|overdose|hang(ing|ed)?|rope|bridge|jump(ing|ed)?|gun|knife|blade|razor|poison|pastillas|puente|cuerda)\b/i,
  /\bwarning!|\bdanger!|\balert!/i,
];

describe('safety copy', () => {
  const all = [...strings(en.safety), ...strings(es.safety), en.help.button];

  it('follows safe-messaging guidance in English and Spanish', () => {
    const broken = all.filter((text) => BANNED.some((re) => re.test(text)));
    expect(broken).toEqual([]);
  });

  it('offers hope and a person in the author’s card', () => {
    expect(en.safety.card.intro).toContain('You don’t have to go through this alone');
    expect(en.safety.card.talkNowDone).toContain('will reach out here soon');
  });
});
