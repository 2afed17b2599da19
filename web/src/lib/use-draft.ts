import { useCallback, useEffect, useRef, useState } from 'react';
import { browserDraftStorage, clearDraft, readDraft, writeDraft } from './drafts.ts';

/**
 * A piece of text that survives reloads: `[value, setValue, clear]`. Call `clear()` only after the server
 * accepted what was sent; on failure keep the text so the person does not have to type it again.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void, () => void] {
  const storage = browserDraftStorage();
  const [value, setValueState] = useState(() => readDraft(storage, key) || initial);
  const keyRef = useRef(key);

  // A different key (another room or thread) loads that key's draft.
  useEffect(() => {
    if (keyRef.current === key) return;
    keyRef.current = key;
    setValueState(readDraft(browserDraftStorage(), key) || initial);
  }, [key, initial]);

  const setValue = useCallback(
    (next: string) => {
      setValueState(next);
      writeDraft(browserDraftStorage(), key, next);
    },
    [key],
  );
  const clear = useCallback(() => {
    setValueState('');
    clearDraft(browserDraftStorage(), key);
  }, [key]);

  return [value, setValue, clear];
}
