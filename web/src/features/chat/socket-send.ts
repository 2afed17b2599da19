import type { ClientEvent, ServerEvent } from '@hearth/contracts';
import { ApiError } from '../../lib/api-client.ts';
import type { PostedMessage } from './api.ts';

/** How long a send over the socket may wait for its acknowledgement before it is sent over HTTP instead. */
export const SOCKET_SEND_TIMEOUT_MS = 8000;

type SendEvent = Extract<ClientEvent, { type: 'send' }>;

/**
 * What became of a send over the socket. `refused`: the server will not store it (not allowed, not valid, held back
 * for good), so HTTP would say the same. `fallback`: the socket could not say (closed, silent, busy), so the same
 * message goes over HTTP with the same clientId, which the server stores at most once.
 */
export type SocketSendResult =
  | { kind: 'sent'; message: PostedMessage }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'fallback'; reason: 'not_joined' | 'closed' | 'timeout' | 'retryable' };

type Waiting = { resolve(result: SocketSendResult): void; timer: ReturnType<typeof setTimeout> };

/** A refusal over the socket that HTTP might still accept (a busy server, a rate limit, a session to check again). */
export function isRetryableSocketRefusal(status: number, code: string): boolean {
  return status >= 500 || status === 429 || status === 408 || status === 401 || code === 'unavailable';
}

/**
 * Sends chat messages over the room's live socket while it is open and joined, and settles each with the server's
 * `sent` or `send_failed`, or with `fallback` when the socket closes or stays silent. It never keeps or drops a draft
 * itself: the caller keeps the pending message until it is acknowledged by one transport or the other.
 */
export class SocketSender {
  private readonly waiting = new Map<string, Waiting>();
  private joinedRoom = false;

  constructor(
    /** Writes the event on the socket; false when the socket is not open. */
    private readonly write: (event: SendEvent) => boolean,
    private readonly timeoutMs = SOCKET_SEND_TIMEOUT_MS,
  ) {}

  /** The server said `subscribed` (true), or the socket or the room went away (false: everything waiting falls back). */
  setJoined(joined: boolean) {
    this.joinedRoom = joined;
    if (!joined) this.settleAll({ kind: 'fallback', reason: 'closed' });
  }

  get joined() {
    return this.joinedRoom;
  }

  send(room: string, clientId: string, body: string): Promise<SocketSendResult> {
    if (!this.joinedRoom) return Promise.resolve({ kind: 'fallback', reason: 'not_joined' });
    this.settle(clientId, { kind: 'fallback', reason: 'closed' });
    return new Promise<SocketSendResult>((resolve) => {
      const timer = setTimeout(() => this.settle(clientId, { kind: 'fallback', reason: 'timeout' }), this.timeoutMs);
      this.waiting.set(clientId, { resolve, timer });
      if (!this.write({ type: 'send', room, clientId, body })) this.settle(clientId, { kind: 'fallback', reason: 'closed' });
    });
  }

  /** Feeds the room's server events in; acknowledgements and refusals settle their send. */
  handle(event: ServerEvent) {
    if (event.type === 'sent') {
      this.settle(event.clientId, { kind: 'sent', message: event.message as PostedMessage });
    } else if (event.type === 'send_failed') {
      this.settle(
        event.clientId,
        isRetryableSocketRefusal(event.status, event.code) ? { kind: 'fallback', reason: 'retryable' } : { kind: 'refused', error: new ApiError(event.status, event.code, event.message) },
      );
    }
  }

  /** Stops waiting (the room is closed in the app): whatever is waiting goes over HTTP. */
  dispose() {
    this.setJoined(false);
  }

  private settle(clientId: string, result: SocketSendResult) {
    const waiting = this.waiting.get(clientId);
    if (!waiting) return;
    this.waiting.delete(clientId);
    clearTimeout(waiting.timer);
    waiting.resolve(result);
  }

  private settleAll(result: SocketSendResult) {
    for (const clientId of [...this.waiting.keys()]) this.settle(clientId, result);
  }
}
