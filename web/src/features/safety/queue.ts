import type { SafetyCase } from './api.ts';

/** A compact waiting time: "45 s", "3 min 05 s", "1 h 04 min"; never negative. */
export function formatWaitingSeconds(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(secs).padStart(2, '0')} s`;
  return `${secs} s`;
}

/**
 * How long a case has waited now: the server's count when the queue was fetched plus the time since, so the
 * ticking clock does not depend on this device's clock agreeing with the server's.
 */
export function currentWaitingSeconds(waitingSeconds: number, fetchedAt: number, now: number): number {
  return waitingSeconds + Math.max(0, Math.floor((now - fetchedAt) / 1000));
}

/** The cases in a new queue that were not in the previous one (to announce them). */
export function newCases(previous: SafetyCase[] | undefined, next: SafetyCase[]): SafetyCase[] {
  if (!previous) return [];
  const known = new Set(previous.map((c) => c.id));
  return next.filter((c) => !known.has(c.id));
}
