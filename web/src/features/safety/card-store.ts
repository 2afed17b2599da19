import { useSyncExternalStore } from 'react';
import type { SafetyCard } from './api.ts';

/**
 * The private support card shown to an author after they send something that sounds like they (or someone
 * they know) are struggling. One card at a time; a later, more urgent card replaces a gentler one.
 */
export type CardState = {
  card: SafetyCard | null;
  /** Slots that show any card (composers, post forms); the app-wide fallback steps aside while there is one. */
  slots: number;
  /** Where the card belongs (for example the forum post that was just edited), if it belongs somewhere in particular. */
  anchor: string | null;
  /** Anchors that have a slot on the page right now. */
  anchored: string[];
};

type Listener = () => void;

/** After the person closes the card, the same send's echo (socket event after the HTTP reply) does not reopen it. */
const ECHO_MS = 10_000;

export function createCardStore(now: () => number = Date.now) {
  let state: CardState = { card: null, slots: 0, anchor: null, anchored: [] };
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
    /**
     * Shows a card; an urgent card is never replaced by a concern one, and caseId is kept once known. With an anchor,
     * the card appears in that anchor's slot (next to what the person just wrote) when one is on the page.
     */
    show(card: SafetyCard, anchor: string | null = null) {
      if (now() - dismissedAt < ECHO_MS) return;
      const current = state.card;
      if (current && current.card === 'urgent' && card.card === 'concern') {
        if (!current.caseId && card.caseId) set({ ...state, card: { ...current, caseId: card.caseId } });
        return;
      }
      set({ ...state, anchor, card: { ...card, caseId: card.caseId ?? (current?.card === card.card ? current.caseId : undefined) } });
    },
    dismiss() {
      dismissedAt = now();
      set({ ...state, card: null, anchor: null });
    },
    /** A slot for one anchor only (for example one forum post); it shows just the cards meant for it. */
    addAnchoredSlot(anchor: string) {
      set({ ...state, anchored: [...state.anchored, anchor] });
      return () => {
        const i = state.anchored.indexOf(anchor);
        if (i >= 0) set({ ...state, anchored: state.anchored.filter((_, j) => j !== i) });
      };
    },
    /** Places that show the card next to where the person wrote register here; the app-wide slot steps aside. */
    addSlot() {
      set({ ...state, slots: state.slots + 1 });
      return () => set({ ...state, slots: Math.max(0, state.slots - 1) });
    },
  };
}

export const cardStore = createCardStore();

/**
 * Whether a slot shows the current card: the anchored slot when the card has one on the page (so it appears once,
 * next to what was written); otherwise every ordinary slot, and the app-wide fallback only while there is none.
 */
export function isCardShownIn(state: CardState, slot: { anchor?: string | null; fallback?: boolean }): boolean {
  if (!state.card) return false;
  const anchor = slot.anchor ?? null;
  if (state.anchor && state.anchored.includes(state.anchor)) return anchor === state.anchor;
  if (anchor) return false;
  return slot.fallback ? state.slots === 0 : true;
}

/** Shows the card for a send's `safety` field, if there is one (optionally next to the place it belongs). */
export function showSafetyCardFor(result: unknown, anchor: string | null = null) {
  const safety = (result as { safety?: SafetyCard | null } | null)?.safety;
  if (safety && (safety.card === 'concern' || safety.card === 'urgent')) cardStore.show(safety, anchor);
}

export function useCardState(): CardState {
  return useSyncExternalStore(cardStore.subscribe, cardStore.get, cardStore.get);
}
