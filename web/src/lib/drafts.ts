/**
 * Drafts live in localStorage so nothing a person typed is lost to a reload, a dropped connection or a
 * failed send. A draft is cleared only after the server confirmed it.
 */

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'hearth.draft.';
/** Drafts older than this are dropped on read, so a shared device does not keep old words forever. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

type Stored = { v: string; t: number };

/** The storage key for a draft. */
export function draftStorageKey(key: string): string {
  return PREFIX + key;
}

/** Reads a draft; returns '' when missing, unreadable or expired. */
export function readDraft(storage: DraftStorage | null, key: string, now = Date.now()): string {
  if (!storage) return '';
  try {
    const raw = storage.getItem(draftStorageKey(key));
    if (!raw) return '';
    const parsed = JSON.parse(raw) as Partial<Stored>;
    if (typeof parsed.v !== 'string' || typeof parsed.t !== 'number') return '';
    if (now - parsed.t > DRAFT_MAX_AGE_MS) {
      storage.removeItem(draftStorageKey(key));
      return '';
    }
    return parsed.v;
  } catch {
    return '';
  }
}

/** Saves a draft; an empty value removes it. Storage errors (quota, private mode) are ignored. */
export function writeDraft(storage: DraftStorage | null, key: string, value: string, now = Date.now()): void {
  if (!storage) return;
  try {
    if (value === '') storage.removeItem(draftStorageKey(key));
    else storage.setItem(draftStorageKey(key), JSON.stringify({ v: value, t: now } satisfies Stored));
  } catch {
    /* storage full or unavailable: the in-memory value still holds the text */
  }
}

/** Removes a draft (after a successful send). */
export function clearDraft(storage: DraftStorage | null, key: string): void {
  if (!storage) return;
  try {
    storage.removeItem(draftStorageKey(key));
  } catch {
    /* ignore */
  }
}

/** localStorage when it is usable, else null. */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}
