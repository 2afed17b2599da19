import { describe, expect, it } from 'vitest';
import { findUnsafePhrasing } from '../safety/index.ts';
import { intakeMessages } from '../../../../web/src/features/intake/messages.en.ts';
import { matchingMessages } from '../../../../web/src/features/matching/messages.en.ts';
import { BOT_COPY, LLM_SYSTEM_PROMPT } from './bot-copy.ts';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String((value as (s: string) => string)('grief'))];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('intake assistant copy', () => {
  it.each([
    ['bot copy', strings(BOT_COPY)],
    ['model instructions', [LLM_SYSTEM_PROMPT]],
    ['intake web strings', strings(intakeMessages)],
    ['matching web strings', strings(matchingMessages)],
  ])('%s follows safe-messaging rules', (_name, texts) => {
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(findUnsafePhrasing(text), text).toBeNull();
  });

  it('says plainly that it is automated and what is private, and how to reach a person', () => {
    const welcome = BOT_COPY.welcome.join(' ');
    expect(welcome).toMatch(/automated/);
    expect(welcome).toMatch(/not a person/);
    expect(welcome).toMatch(/private/);
    expect(welcome).toMatch(/Talk to a person/);
  });

  it('offers a person and help in every crisis line, and never stays silent about danger', () => {
    for (const line of [BOT_COPY.crisis.concern, BOT_COPY.crisis.urgent, BOT_COPY.crisis.afterHandOff]) expect(line).toMatch(/talk to someone|person|crisis line/i);
    expect(BOT_COPY.crisis.urgent).toMatch(/emergency/);
  });

  it('the checker catches what it is meant to catch', () => {
    expect(findUnsafePhrasing('some people think about pills')).not.toBeNull();
    expect(findUnsafePhrasing('he committed suicide')).not.toBeNull();
  });
});
