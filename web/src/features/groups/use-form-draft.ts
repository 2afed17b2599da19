import { useCallback, useMemo, useState } from 'react';
import { useDraft } from '../../lib/use-draft.ts';

/**
 * A whole form kept as a draft on this device (JSON in useDraft), so a failed save or a reload loses nothing.
 * `restored` says the values came from an earlier unsaved attempt; call `clear()` only after the server accepted them.
 */
export function useFormDraft<T extends object>(key: string, initial: T, parse: (raw: string) => T | null) {
  const [raw, setRaw, clear] = useDraft(key);
  const saved = useMemo(() => parse(raw), [parse, raw]);
  const values = saved ?? initial;
  const [restored] = useState(() => saved !== null);
  const update = useCallback((patch: Partial<T>) => setRaw(JSON.stringify({ ...values, ...patch })), [setRaw, values]);
  return { values, update, clear, restored: restored && saved !== null };
}

/** A parser for drafts whose shape is checked by the caller's own fields. */
export function jsonDraftParser<T extends object>(isValid: (v: Partial<T>) => boolean) {
  return (raw: string): T | null => {
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as Partial<T>;
      return v && typeof v === 'object' && isValid(v) ? (v as T) : null;
    } catch {
      return null;
    }
  };
}
