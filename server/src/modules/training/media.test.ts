import { describe, expect, it } from 'vitest';
import { parseRange } from './media.ts';
import { renderMarkdown } from './markdown.ts';

describe('parseRange', () => {
  it('reads start-end, open-ended and suffix ranges, clamped to the file', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
  });
  it('refuses ranges outside the file or malformed', () => {
    for (const h of ['bytes=100-', 'bytes=9-3', 'bytes=-', 'items=0-1', 'bytes=0-1,5-6']) expect(parseRange(h, 100), h).toBe('invalid');
  });
});

describe('renderMarkdown', () => {
  it('escapes raw HTML, drops script links and opens outside links in a new tab safely', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://example.org)');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="javascript/);
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">b</a>');
  });
});
