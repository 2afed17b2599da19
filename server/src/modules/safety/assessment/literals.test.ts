import { describe, expect, it } from 'vitest';
import { IDIOMS, RULES } from './lexicon.ts';
import { LiteralIndex, mayMatch, requiredLiterals } from './literals.ts';
import { evaluateRules } from './rules.ts';

describe('requiredLiterals', () => {
  it('finds the most selective literal run or required group', () => {
    expect(requiredLiterals(/\b(kill|hang) myself\b/)).toEqual([' myself']);
    expect(requiredLiterals(/\b(tired|sick) of (living|life)\b/)).toEqual(['tired', 'sick']);
    expect(requiredLiterals(/\bfoo\b|\bbar(baz)?\b/)).toEqual(['foo', 'bar']);
    expect(requiredLiterals(/\bgoodbyes? to\b/)).toEqual(['goodbye']);
    expect(requiredLiterals(/\bdone(?! for today) with\b/)).toEqual(['done with']);
  });

  it('gives up (null) where a match need not contain any literal', () => {
    expect(requiredLiterals(/\b(kill)?\w+\b/)).toBeNull();
    expect(requiredLiterals(/a|\w+/)).toBeNull();
    expect(requiredLiterals(/kill/i)).toBeNull();
  });

  it('derives a literal for every rule and idiom, so none runs on every clause', () => {
    for (const rule of RULES) expect(requiredLiterals(rule.re), rule.re.source).not.toBeNull();
    for (const re of IDIOMS) expect(requiredLiterals(re), re.source).not.toBeNull();
  });

  it('never rules out a text that the rule matches', () => {
    const samples = ['i want to kill myself', 'no quiero despertar', 'this is my last night', 'everyone would be better off without me', 'cutting again', 'quiero desaparecer'];
    for (const rule of RULES) {
      const literals = requiredLiterals(rule.re);
      for (const text of samples) if (rule.re.test(text)) expect(mayMatch(literals, text), rule.re.source).toBe(true);
    }
  });
});

describe('LiteralIndex', () => {
  it('finds every occurrence, overlapping ones too', () => {
    const found: number[] = [];
    new LiteralIndex('aaa banana bandana').forEach('ana', (at) => found.push(at));
    expect(found).toEqual([5, 7, 15]);
    const none: number[] = [];
    new LiteralIndex('hello').forEach('xyz', (at) => none.push(at));
    expect(none).toEqual([]);
  });
});

describe('rule pre-filter', () => {
  // Written for this test: a long history mixing ordinary posts, idioms, negation and risk phrases.
  const parts = [
    'we went to the market and crossed the bridge', 'this homework is killing me', 'I would never hurt myself',
    "I can't go on like this", 'my friend says she wants to die', 'two years since my attempt, doing better',
    'quiero morir', 'ya no aguanto más', 'goodbye everyone, see you tomorrow', 'I wish I was never born',
    "I've been stockpiling pills", 'thank you for everything', 'I feel so low and alone', 'cutting again',
  ];
  const texts = [
    ...parts,
    parts.join('. '),
    Array.from({ length: 30 }, (_, i) => `${parts[(i * 5) % parts.length]} (${i}), and then we talked about school`).join(' ||| '),
  ];

  it('gives exactly the result of trying every rule on every clause', () => {
    for (const text of texts) {
      expect(evaluateRules(text)).toEqual(evaluateRules(text, { prefilter: false }));
      expect(evaluateRules(text, { historySeparator: ' ||| ' })).toEqual(evaluateRules(text, { prefilter: false, historySeparator: ' ||| ' }));
    }
  });
});
