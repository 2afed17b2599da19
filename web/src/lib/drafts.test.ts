import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_MAX_AGE_MS, readDraft, writeDraft, type DraftStorage } from './drafts.ts';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('drafts', () => {
  it('keeps text across reads until it is cleared after a successful send', () => {
    const s = memoryStorage();
    writeDraft(s, 'chat.room1', 'I wanted to say');
    expect(readDraft(s, 'chat.room1')).toBe('I wanted to say');
    clearDraft(s, 'chat.room1');
    expect(readDraft(s, 'chat.room1')).toBe('');
  });

  it('keeps drafts for different places apart', () => {
    const s = memoryStorage();
    writeDraft(s, 'a', 'one');
    writeDraft(s, 'b', 'two');
    expect([readDraft(s, 'a'), readDraft(s, 'b')]).toEqual(['one', 'two']);
  });

  it('removes the stored entry when the text is emptied', () => {
    const s = memoryStorage();
    writeDraft(s, 'a', 'x');
    writeDraft(s, 'a', '');
    expect(s.data.size).toBe(0);
  });

  it('forgets drafts older than the maximum age', () => {
    const s = memoryStorage();
    writeDraft(s, 'a', 'old words', 1000);
    expect(readDraft(s, 'a', 1000 + DRAFT_MAX_AGE_MS + 1)).toBe('');
  });

  it('survives storage that throws (private mode, full quota)', () => {
    const broken: DraftStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('denied'); } };
    expect(() => writeDraft(broken, 'a', 'text')).not.toThrow();
    expect(readDraft(broken, 'a')).toBe('');
    expect(readDraft(null, 'a')).toBe('');
  });

  it('ignores corrupt entries', () => {
    const s = memoryStorage();
    s.setItem('hearth.draft.a', '{not json');
    expect(readDraft(s, 'a')).toBe('');
  });
});
