import { useSyncExternalStore } from 'react';
import type { SafetyCard } from './api.ts';

/**
 * The private support card shown to an author after they send something that sounds like they (or someone
 * they know) are struggling. One card at a time; a later, more urgent card replaces a gentler one.
 */
export type CardState = { card: SafetyCard | null; slots: number };

type Listener = () => void;

/** After the person closes the card, the same send's echo (socket event after the HTTP reply) does not reopen it. */
const ECHO_MS = 10_000;

export function createCardStore(now: () => number = Date.now) {
  let state: CardState = { card: null, slots: 0 };
  let dismissedAt = -Infinity;
  const listeners = new Set<Listener>();
  const set = (next: CardState) => {
    state = next;
    for (const l of listeners) l();
  };
  return {
    get: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Shows a card; an urgent card is never replaced by a concern one, and caseId is kept once known. */
    show(card: SafetyCard) {
      if (now() - dismissedAt < ECHO_MS) return;
      const current = state.card;
      if (current && current.card === 'urgent' && card.card === 'concern') {
        if (!current.caseId && card.caseId) set({ ...state, card: { ...current, caseId: card.caseId } });
        return;
      }
      set({ ...state, card: { ...card, caseId: card.caseId ?? (current?.card === card.card ? current.caseId : undefined) } });
    },
    dismiss() {
      dismissedAt = now();
      set({ ...state, card: null });
    },
    /** Places that show the card next to where the person wrote register here; the app-wide slot steps aside. */
    addSlot() {
      set({ ...state, slots: state.slots + 1 });
      return () => set({ ...state, slots: Math.max(0, state.slots - 1) });
    },
  };
}

export const cardStore = createCardStore();

/** Shows the card for a send's `safety` field, if there is one. */
export function showSafetyCardFor(result: unknown) {
  const safety = (result as { safety?: SafetyCard | null } | null)?.safety;
  if (safety && (safety.card === 'concern' || safety.card === 'urgent')) cardStore.show(safety);
}

export function useCardState(): CardState {
  return useSyncExternalStore(cardStore.subscribe, cardStore.get, cardStore.get);
}
