/**
 * The statistics behind program outcomes: mean change with a t-based 95% confidence interval and
 * Jacobson–Truax reliable change. Pure functions, checked against hand calculations in stats.test.ts.
 */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the regularized incomplete beta (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t value with P(T ≤ t) = p (e.g. p = 0.975 for a two-sided 95% interval), by bisection. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError('p must be in (0, 1) and df > 0');
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Sample standard deviation (n − 1). */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

export type MeanWithCi = { n: number; mean: number; sd: number; ciLow: number; ciHigh: number };

/** Mean with a two-sided 95% confidence interval from the t distribution (n − 1 degrees of freedom). */
export function meanWithCi(xs: readonly number[]): MeanWithCi | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  const sd = sampleSd(xs);
  const half = studentTQuantile(0.975, xs.length - 1) * (sd / Math.sqrt(xs.length));
  return { n: xs.length, mean: m, sd, ciLow: m - half, ciHigh: m + half };
}

/**
 * Jacobson & Truax (1991): SE = SD·√(1 − r); S_diff = √(2·SE²); a change is reliable when |change| / S_diff > 1.96.
 * Returns the smallest change (in points) that counts as reliable.
 */
export function reliableChangeThreshold(sd: number, reliability: number): number {
  const se = sd * Math.sqrt(1 - reliability);
  return 1.96 * Math.sqrt(2 * se * se);
}

export type ChangeCategory = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';

/**
 * One person's category, lower scores being better. Recovered: a reliable improvement that also moves from at or
 * above the caseness cut-off to below it. Improved: any other reliable improvement. Deteriorated: a reliable
 * worsening. Unchanged: everything else. The four are mutually exclusive.
 */
export function classifyChange(baseline: number, followUp: number, threshold: number, caseness: number): ChangeCategory {
  const change = followUp - baseline;
  if (change <= -threshold) return baseline >= caseness && followUp < caseness ? 'recovered' : 'improved';
  if (change >= threshold) return 'deteriorated';
  return 'unchanged';
}
