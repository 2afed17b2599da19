import { CRISIS_LINES, INTERNATIONAL_DIRECTORIES } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { BOT_LANGUAGES, LLM_SYSTEM_PROMPT } from '../../intake/bot-copy.ts';
import { loadStarterLibrary } from '../../resources/starter-library.ts';
import { SAFETY_COPY } from '../safety.copy.ts';
import { assessRisk } from './index.ts';

/** Every string in a nested copy object (functions that take no argument are called). */
function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value);
  } else if (typeof value === 'function') {
    if (value.length === 0) collectStrings((value as () => unknown)(), out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectStrings(v, out);
  }
  return out;
}

// Our own crisis card, crisis lines and bot replies must never read as a crisis when a member quotes them back.
describe('the product\'s own safety copy', () => {
  const strings = collectStrings([SAFETY_COPY, BOT_LANGUAGES, CRISIS_LINES, INTERNATIONAL_DIRECTORIES, LLM_SYSTEM_PROMPT]);

  it('collects the card, crisis lines and bot copy', () => {
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.some((s) => /Lifeline/.test(s))).toBe(true);
  });

  it('never assesses a piece of it as urgent', () => {
    const urgent = strings.filter((s) => assessRisk(s).level === 'urgent');
    expect(urgent).toEqual([]);
  });

  it('never assesses the card and the crisis lines as anything but none, alone or quoted together', () => {
    const card = collectStrings([SAFETY_COPY.card, CRISIS_LINES, INTERNATIONAL_DIRECTORIES]);
    expect(card.filter((s) => assessRisk(s).level !== 'none')).toEqual([]);
    expect(assessRisk(card.join('\n')).level).not.toBe('urgent');
  });

  it('still hears a member who quotes a crisis line and speaks of themselves', () => {
    expect(assessRisk('I called the 988 Suicide & Crisis Lifeline but I still want to kill myself tonight').level).toBe('urgent');
  });
});

// The resource library's articles, worksheets and tags (psychoeducation, "how to ask about suicide") are read back to
// the assessment when a member quotes or shares them: whole, by paragraph, or a tag alone. None of it is anyone's risk.
describe('the resource library', () => {
  const library = loadStarterLibrary();
  const pieces = library.items.flatMap((item) => [
    `${item.title}\n${item.summary}\n${item.body}`,
    item.title,
    item.summary,
    ...item.body.split(/\n\s*\n/),
    ...(item.tags ?? []),
    ...(item.topics ?? []),
    (item.tags ?? []).join(', '),
  ]);
  const collections = library.collections.flatMap((c) => [c.title, c.description]);

  it('reads every article, paragraph, tag and collection as none', () => {
    expect(library.items.some((i) => /suicid/i.test(i.body))).toBe(true);
    const flagged = [...pieces, ...collections].filter((s) => s.trim() && assessRisk(s).level !== 'none');
    expect(flagged).toEqual([]);
  });
});
