import type { ChatMessage } from '@hearth/contracts';

/** A message typed here that the server has not confirmed yet. It is resent with the same clientId. */
export type PendingMessage = { clientId: string; body: string; status: 'sending' | 'failed'; error?: string; createdAt: string };

function versionTime(m: ChatMessage): number {
  return Math.max(Date.parse(m.createdAt) || 0, m.editedAt ? Date.parse(m.editedAt) : 0, m.deletedAt ? Date.parse(m.deletedAt) : 0);
}

/** The newer of two copies of the same message (an edit or delete wins over the original; ties go to `b`). */
function newerOf(a: ChatMessage, b: ChatMessage): ChatMessage {
  return versionTime(a) > versionTime(b) ? a : b;
}

/**
 * Merges fetched history, catch-up and live events into one list: one entry per seq, oldest first.
 * Duplicates (the same seq from history and from the socket) collapse; the newest version of each is kept.
 */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const m of existing) bySeq.set(m.seq, m);
  let changed = false;
  for (const m of incoming) {
    const current = bySeq.get(m.seq);
    const next = current ? newerOf(current, m) : m;
    if (next !== current) {
      bySeq.set(m.seq, next);
      changed = true;
    }
  }
  if (!changed) return existing as ChatMessage[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq seen: the cursor to catch up from after a reconnect. */
export function maxSeq(messages: readonly ChatMessage[], floor = 0): number {
  let max = floor;
  for (const m of messages) if (m.seq > max) max = m.seq;
  return max;
}

/**
 * The seq to resume from after a reconnect: the newest one below which nothing recent is missing. My own message,
 * acknowledged over HTTP, can be newer than someone else's still in flight on the socket when the socket drops (its
 * node died, the network blinked); resuming from the highest seq would skip that one for good. Resuming from below
 * the gap fetches it, and what I already hold merges away by seq. Gaps further back than `window` seqs are removed
 * messages, not ones in flight, so they do not make every reconnect fetch the whole history again.
 */
export function resumeSeq(messages: readonly ChatMessage[], window = 50): number {
  const max = maxSeq(messages);
  const lowest = minSeq(messages);
  if (lowest === null) return 0;
  const held = new Set(messages.map((m) => m.seq));
  for (let seq = Math.max(lowest, max - window) + 1; seq < max; seq++) if (!held.has(seq)) return seq - 1;
  return max;
}

/** The lowest seq loaded, used to ask for older history; null when nothing is loaded. */
export function minSeq(messages: readonly ChatMessage[]): number | null {
  let min: number | null = null;
  for (const m of messages) if (min === null || m.seq < min) min = m.seq;
  return min;
}

/** Drops pending messages the server has confirmed (same clientId, written by me). */
export function reconcilePending(pending: readonly PendingMessage[], confirmed: readonly ChatMessage[], myUserId: string | null): PendingMessage[] {
  if (pending.length === 0) return pending as PendingMessage[];
  const confirmedIds = new Set(confirmed.filter((m) => !myUserId || m.author?.id === myUserId).map((m) => m.clientId));
  const next = pending.filter((p) => !confirmedIds.has(p.clientId));
  return next.length === pending.length ? (pending as PendingMessage[]) : next;
}

export type RoomState = {
  messages: ChatMessage[];
  pending: PendingMessage[];
  hasOlder: boolean;
  /** The newest message from someone else that arrived live, for the screen reader announcement. */
  announce: ChatMessage | null;
};

export type RoomAction =
  | { type: 'history'; messages: ChatMessage[]; hasOlder?: boolean; me: string | null }
  | { type: 'live'; message: ChatMessage; me: string | null }
  | { type: 'updated'; message: ChatMessage }
  | { type: 'pending.add'; pending: PendingMessage }
  | { type: 'pending.status'; clientId: string; status: PendingMessage['status']; error?: string }
  | { type: 'pending.remove'; clientId: string }
  | { type: 'sent'; message: ChatMessage };

export const initialRoomState = (pending: PendingMessage[] = []): RoomState => ({ messages: [], pending, hasOlder: false, announce: null });

/** The room's state machine; pure so it can be tested without a browser. */
export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'history': {
      const messages = mergeMessages(state.messages, action.messages);
      return {
        ...state,
        messages,
        hasOlder: action.hasOlder ?? state.hasOlder,
        pending: reconcilePending(state.pending, action.messages, action.me),
      };
    }
    case 'live': {
      const isNew = !state.messages.some((m) => m.seq === action.message.seq);
      const messages = mergeMessages(state.messages, [action.message]);
      const fromOther = action.message.author?.id !== action.me;
      return {
        ...state,
        messages,
        pending: reconcilePending(state.pending, [action.message], action.me),
        announce: isNew && fromOther && !action.message.deletedAt ? action.message : state.announce,
      };
    }
    case 'updated':
      return { ...state, messages: mergeMessages(state.messages, [action.message]) };
    case 'sent':
      return {
        ...state,
        messages: mergeMessages(state.messages, [action.message]),
        pending: state.pending.filter((p) => p.clientId !== action.message.clientId),
      };
    case 'pending.add':
      return { ...state, pending: [...state.pending.filter((p) => p.clientId !== action.pending.clientId), action.pending] };
    case 'pending.status':
      return {
        ...state,
        pending: state.pending.map((p) => (p.clientId === action.clientId ? { ...p, status: action.status, error: action.error } : p)),
      };
    case 'pending.remove':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
  }
}
