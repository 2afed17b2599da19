import { describe, expect, it } from 'vitest';
import { findUnsafePhrasing } from '../safety/index.ts';
import { intakeMessages } from '../../../../web/src/features/intake/messages.en.ts';
import { intakeMessagesEs } from '../../../../web/src/features/intake/messages.es.ts';
import { matchingMessages } from '../../../../web/src/features/matching/messages.en.ts';
import { BOT_COPY, BOT_COPY_ES, BOT_LANGUAGES, botCopyFor, LLM_SYSTEM_PROMPT, topicLabelFor } from './bot-copy.ts';

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
    ['Spanish bot copy', strings(BOT_COPY_ES)],
    ['model instructions', [LLM_SYSTEM_PROMPT]],
    ['intake web strings', strings(intakeMessages)],
    ['Spanish intake web strings', strings(intakeMessagesEs)],
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

  it('says the same things in Spanish: automated, not a person, private, and how to reach a person', () => {
    const welcome = BOT_COPY_ES.welcome.join(' ');
    expect(welcome).toMatch(/automatizada/);
    expect(welcome).toMatch(/no soy una persona/);
    expect(welcome).toMatch(/privado/);
    expect(welcome).toContain(BOT_COPY_ES.choices.human);
    for (const line of [BOT_COPY_ES.crisis.concern, BOT_COPY_ES.crisis.urgent, BOT_COPY_ES.crisis.afterHandOff]) expect(line).toMatch(/hablar con alguien|persona|línea de crisis|líneas de crisis/i);
    expect(BOT_COPY_ES.crisis.urgent).toMatch(/emergencias/);
  });

  it('has every line in every language, with no English left in the Spanish script', () => {
    const en = strings(BOT_COPY);
    for (const copy of Object.values(BOT_LANGUAGES)) expect(strings(copy)).toHaveLength(en.length);
    const es = strings(BOT_COPY_ES);
    es.forEach((line, i) => expect(line, line).not.toBe(en[i]));
    expect(botCopyFor('es')).toBe(BOT_COPY_ES);
    expect(botCopyFor('fr')).toBe(BOT_COPY);
    expect(topicLabelFor('es', 'grief')).toBe('duelo');
  });

  it('labels the choice buttons with the very words the transcript records, in every language', () => {
    expect(intakeMessages.choices).toBe(BOT_COPY.choices);
    expect(intakeMessagesEs.choices).toBe(BOT_COPY_ES.choices);
  });

  it('the checker catches what it is meant to catch, in Spanish too', () => {
    expect(findUnsafePhrasing('se tomó unas pastillas')).not.toBeNull();
    expect(findUnsafePhrasing('cometió suicidio')).not.toBeNull();
  });

  it('the checker catches what it is meant to catch', () => {
    expect(findUnsafePhrasing('some people think about pills')).not.toBeNull();
    expect(findUnsafePhrasing('he committed suicide')).not.toBeNull();
  });
});
