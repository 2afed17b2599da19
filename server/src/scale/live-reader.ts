import WebSocket from 'ws';
import type { ServerEvent } from '@hearth/contracts';

/**
 * A chat reader as Hearth's web app behaves: one websocket to some node, subscribed to one room with the last seq
 * it holds; when its node goes away it reconnects to the next node and asks for everything after that seq. It keeps
 * each message once by seq and counts any delivery of a seq it already had, so tests and benches can report
 * loss and duplicates.
 */
export class LiveReader {
  readonly seqs = new Map<number, number>();
  duplicates = 0;
  reconnects = 0;
  /** Joins a node refused for now (`unavailable`) and this reader asked again. */
  joinRetries = 0;
  /** Arrival time of each seq (performance.now() of this process), for latency figures. */
  readonly arrivedAt = new Map<number, number>();
  private socket: WebSocket | null = null;
  private closed = false;
  private nodeIndex: number;
  private subscribed: Promise<void> = Promise.resolve();
  private joinAttempt = 0;

  constructor(
    private readonly nodes: string[],
    private readonly cookie: string,
    private readonly room: string,
    firstNode = 0,
    private readonly onEvent?: (event: ServerEvent) => void,
  ) {
    this.nodeIndex = firstNode;
  }

  /** The highest seq below which this reader has every message. */
  get cursor() {
    let c = 0;
    while (this.seqs.has(c + 1)) c++;
    return c;
  }

  get node() {
    return this.nodes[this.nodeIndex % this.nodes.length]!;
  }

  /** Connects and subscribes; resolves once the server said `subscribed`. */
  connect(): Promise<void> {
    const url = `${this.node.replace(/^http/, 'ws')}/ws`;
    const socket = new WebSocket(url, { headers: { cookie: `hearth_sid=${this.cookie}` } });
    this.socket = socket;
    this.subscribed = new Promise<void>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'subscribe', room: this.room, after: this.cursor })));
      socket.on('message', (data) => {
        const event = JSON.parse(data.toString()) as ServerEvent;
        if (event.type === 'subscribed' && event.room === this.room) {
          this.joinAttempt = 0;
          resolve();
        }
        if (event.type === 'error' && 'room' in event && event.room === this.room) {
          // An overloaded or recovering node may fail a join ("try again in a moment"): ask again after a pause that
          // grows, with jitter, as the web app does, so a failover's readers do not all ask again in the same instant.
          if (event.code === 'unavailable') {
            this.joinRetries++;
            setTimeout(() => socket.readyState === socket.OPEN && socket.send(JSON.stringify({ type: 'subscribe', room: this.room, after: this.cursor })), joinRetryDelay(this.joinAttempt++));
          } else reject(new Error(`${event.code}: ${event.message}`));
        }
        if (event.type === 'message.created' && event.room === this.room) {
          const count = this.seqs.get(event.seq) ?? 0;
          if (count > 0) this.duplicates++;
          else this.arrivedAt.set(event.seq, performance.now());
          this.seqs.set(event.seq, count + 1);
        }
        this.onEvent?.(event);
      });
      socket.once('error', () => {});
      socket.once('close', () => {
        reject(new Error('closed before subscribing'));
        if (this.closed || this.socket !== socket) return;
        // Its node went away (killed or draining): the next node, after a short pause, from the last seq held.
        this.reconnects++;
        this.nodeIndex++;
        setTimeout(() => void this.connect().catch(() => {}), 100);
      });
    });
    this.subscribed.catch(() => {});
    return this.subscribed;
  }

  /** Resolves when every seq in `expected` has arrived (or rejects after `timeoutMs`). */
  async waitFor(expected: number[], timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (expected.some((s) => !this.seqs.has(s))) {
      if (Date.now() > deadline) {
        const missing = expected.filter((s) => !this.seqs.has(s));
        throw new Error(`reader on ${this.node} is missing seqs ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ' …' : ''}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  send(event: unknown) {
    this.socket?.send(JSON.stringify(event));
  }

  close() {
    this.closed = true;
    this.socket?.close();
  }
}

/** 250 ms, 500 ms, 1 s … capped at 4 s, each scaled by 50–100 % (jitter). */
export function joinRetryDelay(attempt: number, random: () => number = Math.random): number {
  return Math.round(Math.min(4000, 250 * 2 ** attempt) * (0.5 + random() * 0.5));
}
