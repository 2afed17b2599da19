import os from 'node:os';

/** The 1/5/15-minute load averages, for every report: this machine is shared and the figures move with its load. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ');
}
