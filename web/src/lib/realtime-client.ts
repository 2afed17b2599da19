import type { ClientEvent, ServerEvent } from '@hearth/contracts';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'signed_out';
type RoomListener = (event: ServerEvent) => void;
type RoomEntry = { listeners: Set<RoomListener>; lastSeq: () => number };

/** Exponential backoff with jitter: 0.5s, 1s, 2s … capped at 30s, each scaled by 50–100%. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random() * 0.5));
}

/** The delay before the next attempt: the server's retryAfterMs when it asked, else backoff. */
export function nextReconnectDelay(attempt: number, serverRetryAfterMs: number | null, random: () => number = Math.random): number {
  if (serverRetryAfterMs !== null && serverRetryAfterMs >= 0) return serverRetryAfterMs + Math.round(random() * 250);
  return backoffDelay(attempt, random);
}

export type SocketFactory = (url: string) => WebSocket;

/**
 * One websocket for the whole app. Rooms subscribe with the last seq they have, and after every reconnect they
 * are resubscribed with their current last seq, so the server replays exactly what was missed.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private rooms = new Map<string, RoomEntry>();
  private statusListeners = new Set<(s: ConnectionStatus) => void>();
  private attempt = 0;
  private serverRetryAfter: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  status: ConnectionStatus = 'idle';

  constructor(
    private readonly url: () => string,
    private readonly createSocket: SocketFactory = (u) => new WebSocket(u),
  ) {}

  /** Listens to a room. Returns an unsubscribe function. */
  subscribe(room: string, listener: RoomListener, lastSeq: () => number): () => void {
    let entry = this.rooms.get(room);
    const isNewRoom = !entry;
    if (!entry) {
      entry = { listeners: new Set(), lastSeq };
      this.rooms.set(room, entry);
    }
    entry.lastSeq = lastSeq;
    entry.listeners.add(listener);
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.status === 'signed_out') this.setStatus('idle');
    if (this.socket?.readyState === WebSocket.OPEN) {
      if (isNewRoom) this.send({ type: 'subscribe', room, after: lastSeq() });
    } else {
      this.ensureConnected();
    }
    return () => {
      const current = this.rooms.get(room);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size > 0) return;
      this.rooms.delete(room);
      this.send({ type: 'unsubscribe', room });
      if (this.rooms.size === 0) {
        // Keep the socket briefly so moving between rooms does not reconnect.
        this.idleTimer = setTimeout(() => this.disconnect(), 15_000);
      }
    };
  }

  /** Sends a chat message over the socket when it is open and the room is listened to; false otherwise (use HTTP). */
  sendToRoom(event: Extract<ClientEvent, { type: 'send' }>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN || !this.rooms.has(event.room)) return false;
    this.socket.send(JSON.stringify(event));
    return true;
  }

  /** Asks to join a room again from its current last seq (the server said "try again" to the last join). */
  resubscribe(room: string) {
    const entry = this.rooms.get(room);
    if (entry) this.send({ type: 'subscribe', room, after: entry.lastSeq() });
  }

  /** Tells the room I am typing (the caller throttles). */
  sendTyping(room: string) {
    this.send({ type: 'typing', room });
  }

  onStatus(listener: (s: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Reconnects now (e.g. after coming back online or signing in again). */
  reconnectNow() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    if (!this.socket && this.rooms.size > 0) this.connect();
  }

  private ensureConnected() {
    if (this.socket || this.retryTimer) return;
    this.connect();
  }

  private setStatus(status: ConnectionStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }

  private send(event: ClientEvent) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private connect() {
    this.setStatus(this.attempt === 0 && this.status !== 'reconnecting' ? 'connecting' : 'reconnecting');
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.serverRetryAfter = null;
      this.setStatus('open');
      for (const [room, entry] of this.rooms) this.send({ type: 'subscribe', room, after: entry.lastSeq() });
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), 25_000);
    };
    socket.onmessage = (e) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(String(e.data)) as ServerEvent;
      } catch {
        return;
      }
      if (event.type === 'reconnect') {
        this.serverRetryAfter = event.retryAfterMs;
        socket.close();
        return;
      }
      if (event.type === 'error' && event.code === 'unauthenticated') {
        this.setStatus('signed_out');
        return;
      }
      const room = 'room' in event ? event.room : undefined;
      if (room) {
        for (const l of this.rooms.get(room)?.listeners ?? []) l(event);
      } else if (event.type === 'error') {
        for (const entry of this.rooms.values()) for (const l of entry.listeners) l(event);
      }
    };
    socket.onclose = (e) => {
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = null;
      if (this.socket === socket) this.socket = null;
      if (e.code === 4401 || this.status === 'signed_out') {
        this.setStatus('signed_out');
        return;
      }
      if (this.rooms.size === 0) {
        this.setStatus('idle');
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect() {
    this.setStatus('reconnecting');
    const delay = nextReconnectDelay(this.attempt, this.serverRetryAfter);
    this.serverRetryAfter = null;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.rooms.size > 0) this.connect();
    }, delay);
  }

  private disconnect() {
    this.idleTimer = null;
    if (this.rooms.size > 0) return;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'idle');
    this.setStatus('idle');
  }
}

let shared: RealtimeClient | null = null;

/** The app's single realtime connection (same origin, so the session cookie authenticates it). */
export function getRealtimeClient(): RealtimeClient {
  if (!shared) {
    shared = new RealtimeClient(() => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`);
    window.addEventListener('online', () => shared?.reconnectNow());
  }
  return shared;
}
