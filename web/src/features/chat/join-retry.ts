import { backoffDelay } from '../../lib/realtime-client.ts';

/**
 * Asks to join a room again when the server answered "try again" (its database was too busy to check access), after
 * a growing pause with jitter so a whole failover's worth of clients do not all ask in the same instant. While it
 * waits, the room shows a calm "reconnecting" note, not an error.
 */
export class JoinRetry {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly rejoin: () => void,
    private readonly onWaiting: (waiting: boolean) => void,
    private readonly random: () => number = Math.random,
  ) {}

  /** The server said "try again": schedules the next join. Returns the delay chosen. */
  retryLater(): number {
    if (this.timer) clearTimeout(this.timer);
    const delay = backoffDelay(this.attempt++, this.random);
    this.onWaiting(true);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.rejoin();
    }, delay);
    return delay;
  }

  /** The join went through (or the room was closed): back to the first delay. */
  reset() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    this.onWaiting(false);
  }

  get attempts() {
    return this.attempt;
  }
}
