import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChatMessage, PresenceMember, RevokeReason, ServerEvent } from '@hearth/contracts';
import { ApiError } from '../../lib/api-client.ts';
import { browserDraftStorage, readDraft, writeDraft } from '../../lib/drafts.ts';
import { useMe } from '../auth/hooks.ts';
import { showSafetyCardFor } from '../safety/card-store.ts';
import * as chatApi from './api.ts';
import { initialRoomState, mergeMessages as mergeMessagesForCursor, minSeq, resumeSeq, roomReducer, type PendingMessage } from './merge.ts';
import { backoffDelay, getRealtimeClient, type ConnectionStatus } from '../../lib/realtime-client.ts';
import { SocketSender } from './socket-send.ts';
import { JoinRetry } from './join-retry.ts';

const PAGE = 50;
const TYPING_SHOWN_MS = 5000;
const TYPING_SEND_EVERY_MS = 3000;

/** Pending (unconfirmed) messages are kept on this device too, so a reload does not lose them. */
function loadPending(roomId: string): PendingMessage[] {
  try {
    const raw = readDraft(browserDraftStorage(), `pending.${roomId}`);
    const parsed = raw ? (JSON.parse(raw) as PendingMessage[]) : [];
    return parsed.map((p) => ({ ...p, status: 'failed' as const }));
  } catch {
    return [];
  }
}

function savePending(roomId: string, pending: PendingMessage[]) {
  writeDraft(browserDraftStorage(), `pending.${roomId}`, pending.length ? JSON.stringify(pending) : '');
}

function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Everything a chat room needs: history merged with live events, presence, typing, the connection state,
 * and sending with optimistic pending messages that are resent with the same clientId.
 */
export function useRoom(roomId: string) {
  const me = useMe();
  const myId = me?.id ?? null;
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(roomReducer, roomId, (id) => initialRoomState(loadPending(id)));
  const [loadState, setLoadState] = useState<{ loading: boolean; error: unknown; loadingOlder: boolean }>({ loading: true, error: null, loadingOlder: false });
  const [presence, setPresence] = useState<PresenceMember[]>([]);
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  const [status, setStatus] = useState<ConnectionStatus>(() => getRealtimeClient().status);
  const [roomError, setRoomError] = useState<string | null>(null);
  // The server ended this room's live subscription (removed, left, closed …): no more joining, no more sending.
  const [revoked, setRevoked] = useState<RevokeReason | null>(null);
  const messagesRef = useRef(state.messages);
  messagesRef.current = state.messages;
  const pendingRef = useRef(state.pending);
  pendingRef.current = state.pending;
  const lastTypingSent = useRef(0);
  const room = `room:${roomId}`;
  // Sends go over the live socket while this room is joined, and over HTTP (same clientId) otherwise.
  const socketSender = useMemo(() => new SocketSender((event) => getRealtimeClient().sendToRoom(event)), [room]);
  // "Try again" to a join: asked again after a pause; meanwhile the room says it is reconnecting.
  const [joinWaiting, setJoinWaiting] = useState(false);
  const joinRetry = useMemo(() => new JoinRetry(() => getRealtimeClient().resubscribe(room), setJoinWaiting), [room]);

  useEffect(() => savePending(roomId, state.pending), [roomId, state.pending]);

  // Initial history, then the live subscription from the newest seq we have.
  const [historyLoaded, setHistoryLoaded] = useState(false);
  const loadHistory = useCallback(async () => {
    setLoadState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await chatApi.listMessages(roomId, { limit: PAGE });
      dispatch({ type: 'history', messages: page.messages, hasOlder: page.hasMore, me: myId });
      setLoadState((s) => ({ ...s, loading: false }));
      setHistoryLoaded(true);
    } catch (error) {
      setLoadState((s) => ({ ...s, loading: false, error }));
    }
  }, [roomId, myId]);
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  const catchUp = useCallback(async () => {
    let after = resumeSeq(messagesRef.current);
    for (let page = 0; page < 20; page++) {
      const result = await chatApi.listMessages(roomId, { after, limit: 100 }).catch(() => null);
      if (!result) return;
      after = Math.max(after, ...result.messages.map((m) => m.seq));
      dispatch({ type: 'history', messages: result.messages, me: myId });
      messagesRef.current = mergeMessagesForCursor(messagesRef.current, result.messages);
      if (!result.hasMore) return;
    }
  }, [roomId, myId]);

  useEffect(() => {
    if (!historyLoaded || revoked) return;
    const client = getRealtimeClient();
    const offStatus = client.onStatus((next) => {
      // A socket that is not open cannot acknowledge: whatever waits on it goes over HTTP now.
      if (next !== 'open') socketSender.setJoined(false);
      setStatus(next);
    });
    setStatus(client.status);
    let stopped = false;
    const onEvent = (event: ServerEvent) => {
      if (stopped) return;
      switch (event.type) {
        case 'revoked':
          // Calm and final: stop listening and never ask to join again; the draft stays on screen.
          stopped = true;
          socketSender.setJoined(false);
          joinRetry.reset();
          setPresence([]);
          setTyping({});
          setRevoked(event.reason);
          off();
          break;
        case 'subscribed':
          setRoomError(null);
          joinRetry.reset();
          socketSender.setJoined(true);
          setPresence(event.presence);
          break;
        case 'sent':
        case 'send_failed':
          socketSender.handle(event);
          break;
        case 'presence':
          setPresence(event.presence);
          break;
        case 'message.created':
          dispatch({ type: 'live', message: event.message, me: myId });
          setTyping((t) => {
            if (!event.message.author || !t[event.message.author.id]) return t;
            const { [event.message.author.id]: _gone, ...rest } = t;
            return rest;
          });
          break;
        case 'message.updated':
          dispatch({ type: 'updated', message: event.message });
          break;
        case 'typing':
          if (event.user.userId !== myId) setTyping((t) => ({ ...t, [event.user.userId]: { name: event.user.displayName, until: Date.now() + TYPING_SHOWN_MS } }));
          break;
        case 'error':
          if ('room' in event && event.room === room) socketSender.setJoined(false);
          // The server could not check access just now (busy, restarting): ask again calmly, show no error.
          if (event.code === 'unavailable' && 'room' in event && event.room === room) joinRetry.retryLater();
          else setRoomError(event.message);
          break;
        case 'invalidate':
          // Too much was missed to replay over the socket: page the rest over HTTP.
          if (event.keys.includes('messages')) void catchUp();
          if (event.keys.includes('room') || event.keys.includes('conversations')) {
            void queryClient.invalidateQueries({ queryKey: ['rooms'] });
            void queryClient.invalidateQueries({ queryKey: ['direct'] });
          }
          break;
        default:
          break;
      }
    };
    const unsubscribe = client.subscribe(room, onEvent, () => resumeSeq(messagesRef.current));
    let subscribed = true;
    const off = () => {
      if (subscribed) unsubscribe();
      subscribed = false;
    };
    return () => {
      off();
      offStatus();
      socketSender.dispose();
      joinRetry.reset();
    };
  }, [historyLoaded, room, myId, catchUp, queryClient, socketSender, joinRetry, revoked]);

  // Expire typing indicators.
  useEffect(() => {
    const names = Object.values(typing);
    if (names.length === 0) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v.until > now)));
    }, 1000);
    return () => clearTimeout(timer);
  }, [typing]);

  const send = useCallback(
    async (clientId: string, body: string): Promise<{ ok: true; notice: chatApi.SendNotice | null } | { ok: false; error: ApiError | Error; retryable: boolean }> => {
      dispatch({ type: 'pending.status', clientId, status: 'sending' });
      try {
        // Over the socket when it can answer; over HTTP with the same clientId when it cannot (closed, silent, busy),
        // so a message the socket stored before it went quiet is not stored twice. The pending copy stays meanwhile.
        const viaSocket = await socketSender.send(room, clientId, body);
        if (viaSocket.kind === 'refused') throw viaSocket.error;
        const message = viaSocket.kind === 'sent' ? viaSocket.message : await chatApi.postMessage(roomId, { clientId, body });
        dispatch({ type: 'sent', message });
        // The message is posted as usual; if it sounds like I am struggling, a private support card appears.
        showSafetyCardFor(message);
        // Moderation's note for the sender only (held for a look, contact details removed), shown by the composer.
        return { ok: true, notice: message.moderation ?? null };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        const retryable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;
        dispatch({ type: 'pending.status', clientId, status: 'failed', error: error.message });
        return { ok: false, error, retryable };
      }
    },
    [roomId, room, socketSender],
  );

  /** Sends new text. Validation problems come back so the composer can keep the text and show the message. */
  const sendMessage = useCallback(
    async (body: string) => {
      const clientId = newClientId();
      dispatch({ type: 'pending.add', pending: { clientId, body, status: 'sending', createdAt: new Date().toISOString() } });
      const result = await send(clientId, body);
      if (!result.ok && !result.retryable) dispatch({ type: 'pending.remove', clientId });
      return result;
    },
    [send],
  );

  const retry = useCallback((clientId: string) => {
    const p = pendingRef.current.find((x) => x.clientId === clientId);
    if (p && !revoked) void send(p.clientId, p.body);
  }, [send, revoked]);

  const discard = useCallback((clientId: string) => dispatch({ type: 'pending.remove', clientId }), []);

  // Resend what failed (same clientId: the server stores each once): when the socket or the network comes
  // back, and otherwise on a backoff timer while anything is still unsent.
  const resendFailed = useCallback(() => {
    if (revoked) return;
    for (const p of pendingRef.current) if (p.status === 'failed') void send(p.clientId, p.body);
  }, [send, revoked]);
  useEffect(() => {
    if (status === 'open') resendFailed();
  }, [status, resendFailed]);
  useEffect(() => {
    window.addEventListener('online', resendFailed);
    return () => window.removeEventListener('online', resendFailed);
  }, [resendFailed]);
  const retryAttempt = useRef(0);
  const hasFailed = state.pending.some((p) => p.status === 'failed');
  const isSending = state.pending.some((p) => p.status === 'sending');
  useEffect(() => {
    if (!hasFailed || revoked) {
      if (!isSending) retryAttempt.current = 0;
      return;
    }
    if (isSending) return;
    const timer = setTimeout(resendFailed, backoffDelay(1 + retryAttempt.current++));
    return () => clearTimeout(timer);
  }, [hasFailed, isSending, resendFailed, revoked]);

  const loadOlder = useCallback(async () => {
    const before = minSeq(messagesRef.current);
    if (before === null) return;
    setLoadState((s) => ({ ...s, loadingOlder: true }));
    try {
      const page = await chatApi.listMessages(roomId, { before, limit: PAGE });
      dispatch({ type: 'history', messages: page.messages, hasOlder: page.hasMore, me: myId });
      setLoadState((s) => ({ ...s, loadingOlder: false }));
    } catch (error) {
      setLoadState((s) => ({ ...s, loadingOlder: false, error }));
    }
  }, [roomId, myId]);

  const edit = useCallback(async (message: ChatMessage, body: string) => {
    const updated = await chatApi.editMessage(roomId, message.id, body);
    dispatch({ type: 'updated', message: updated });
  }, [roomId]);

  const remove = useCallback(async (message: ChatMessage) => {
    const updated = await chatApi.deleteMessage(roomId, message.id);
    dispatch({ type: 'updated', message: updated });
  }, [roomId]);

  const notifyTyping = useCallback(() => {
    const now = Date.now();
    if (now - lastTypingSent.current < TYPING_SEND_EVERY_MS) return;
    lastTypingSent.current = now;
    getRealtimeClient().sendTyping(room);
  }, [room]);

  return {
    me,
    messages: state.messages,
    pending: state.pending,
    hasOlder: state.hasOlder,
    announce: state.announce,
    presence,
    typingNames: Object.values(typing).map((v) => v.name),
    // A join the server asked to try again reads as reconnecting, never as an error.
    status: joinWaiting && status === 'open' ? ('reconnecting' as const) : status,
    roomError,
    revoked,
    ...loadState,
    reload: loadHistory,
    sendMessage,
    retry,
    discard,
    loadOlder,
    edit,
    remove,
    notifyTyping,
  };
}

export type RoomController = ReturnType<typeof useRoom>;
