import { SUPPORT_CONTENT_PHRASING } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { loadStarterLibrary, parseFrontMatter, renderPacedBreathingWav } from './starter-library.ts';
import { parseRange } from './media-store.ts';

const library = loadStarterLibrary();

describe('starter library', () => {
  it('covers the topics Hearth promises, in English and Spanish', () => {
    const slugs = library.items.map((i) => i.slug);
    for (const slug of ['coping-skills-toolkit', 'sleep-when-your-mind-races', 'grounding-for-panic', 'supporting-a-friend', 'what-to-expect-in-a-group', 'after-a-loss']) {
      expect(slugs).toContain(slug);
    }
    expect(library.items.some((i) => i.language === 'es')).toBe(true);
    expect(library.items.some((i) => i.kind === 'worksheet')).toBe(true);
    expect(library.collections.map((c) => c.slug)).toEqual(expect.arrayContaining(['first-week', 'after-a-loss']));
  });

  it('follows safe-messaging guidance: no blaming or sensational wording, and help wherever suicide is named', () => {
    for (const item of library.items) {
      const text = `${item.title}\n${item.summary}\n${item.body}`;
      for (const pattern of SUPPORT_CONTENT_PHRASING) expect(text, `${item.slug} uses ${pattern}`).not.toMatch(pattern);
      if (/suicid|quitarte la vida|ending your life/i.test(text)) expect(text, `${item.slug} names suicide without pointing to help`).toContain('Get help now');
    }
  });

  it('parses front matter lists and numbers', () => {
    const { fields, body } = parseFrontMatter('---\ntitle: "A: b"\ntopics: grief, loss\nduration: 4\n---\nHello\n');
    expect(fields).toEqual({ title: 'A: b', topics: ['grief', 'loss'], durationMinutes: 4 });
    expect(body).toBe('Hello\n');
  });

  it('renders a valid, quiet WAV for the breathing guide', () => {
    const wav = renderPacedBreathingWav(1, 8000);
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(10 * 8000);
    expect(Math.max(...wav.subarray(44))).toBeLessThanOrEqual(168);
  });
});

describe('parseRange', () => {
  it('reads single byte ranges and refuses ranges past the end', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
  });
});
