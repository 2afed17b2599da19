/**
 * A person's mood trend from their check-ins and the sentiment of their messages, and the rule for a "sharp,
 * sustained decline". The thresholds are product heuristics, not a validated clinical measure: they decide only
 * when to send a kind nudge (and, with consent, tell a peer supporter), never anything more.
 */
const DAY_MS = 86_400_000;

/** One observation on a −1 … 1 scale. A check-in weighs more than a single message. */
export type MoodSignal = { at: Date; value: number; weight: number };

export const checkinSignal = (at: Date, mood: number): MoodSignal => ({ at, value: (mood - 5.5) / 4.5, weight: 3 });
export const messageSignal = (at: Date, compound: number): MoodSignal => ({ at, value: compound, weight: 1 });

export const DECLINE_RULE = {
  recentDays: 7,
  baselineDays: 28,
  minDaysEach: 3,
  /** Recent mean at least this far below the baseline mean (a fifth of the scale). */
  drop: 0.4,
  /** Sustained: at least two thirds of recent days sit this far below the baseline. */
  dayDrop: 0.2,
  dayShare: 2 / 3,
} as const;

function dailyMeans(signals: MoodSignal[]): Map<number, number> {
  const sums = new Map<number, { s: number; w: number }>();
  for (const sig of signals) {
    const day = Math.floor(sig.at.getTime() / DAY_MS);
    const cur = sums.get(day) ?? { s: 0, w: 0 };
    cur.s += sig.value * sig.weight;
    cur.w += sig.weight;
    sums.set(day, cur);
  }
  return new Map([...sums].map(([d, { s, w }]) => [d, s / w]));
}

export type Trend = { declining: boolean; recent: number | null; baseline: number | null; recentDays: number; baselineDays: number };

/** Compares the last week's daily means with the four weeks before it. */
export function detectDecline(signals: MoodSignal[], now: Date, rule = DECLINE_RULE): Trend {
  const today = Math.floor(now.getTime() / DAY_MS);
  const days = dailyMeans(signals);
  const recent: number[] = [];
  const baseline: number[] = [];
  for (const [day, value] of days) {
    const age = today - day;
    if (age < 0) continue;
    if (age < rule.recentDays) recent.push(value);
    else if (age < rule.recentDays + rule.baselineDays) baseline.push(value);
  }
  const avg = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const r = avg(recent);
  const b = avg(baseline);
  const enough = recent.length >= rule.minDaysEach && baseline.length >= rule.minDaysEach;
  const sharp = enough && r !== null && b !== null && r <= b - rule.drop;
  const sustained = enough && b !== null && recent.filter((v) => v <= b - rule.dayDrop).length >= Math.ceil(recent.length * rule.dayShare);
  return { declining: sharp && sustained, recent: r, baseline: b, recentDays: recent.length, baselineDays: baseline.length };
}
