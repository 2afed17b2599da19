import { describe, expect, it } from 'vitest';
import { normalizeText, splitClauses } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['K!LL MYS3LF', 'kill myself'],
    ['k i l l  m y s e l f', 'kill myself'],
    ['kms', 'kill myself'],
    ['sewer slide', 'suicide'],
    ['Ya no aguanto más', 'ya no aguanto mas'],
    ["I don't", 'i dont'],
    ['diiiie', 'die'],
    ['killll', 'kill'],
    ['2 years', '2 years'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('splits clauses on sentence ends and "but"', () => {
    expect(splitClauses(normalizeText("I'm not suicidal but I want to disappear. Ok?"))).toEqual(['im not suicidal', 'i want to disappear', 'ok']);
  });
});
