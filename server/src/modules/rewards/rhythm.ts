import { DateTime } from 'luxon';

/**
 * A weekly rhythm that forgives. Weeks run Monday to Sunday; a week is active when it has any activity day. Going back
 * from this week, up to `graceWeeks` quiet weeks in a row are forgiven (they do not add, but they do not break the
 * rhythm); more in a row and the rhythm rests. This week never breaks it, because it is not over yet. People relapse
 * and take breaks: the longest rhythm is kept, so a rest never takes anything away.
 */
export type Rhythm = {
  /** Active weeks in the rhythm that includes this week (or last week). */
  current: number;
  /** The most active weeks in any one rhythm. */
  longest: number;
  activeThisWeek: boolean;
  /** Quiet weeks still forgiven right now before the current rhythm rests. */
  graceLeft: number;
  /** The last 12 weeks, oldest first, for a gentle picture. */
  weeks: Array<{ weekStart: string; active: boolean }>;
};

const weekStartOf = (day: DateTime) => day.startOf('week');

export function computeRhythm(days: Iterable<string>, today: string, graceWeeks: number): Rhythm {
  const todayDt = DateTime.fromISO(today, { zone: 'utc' });
  const thisWeek = weekStartOf(todayDt);
  const active = new Set<number>();
  for (const d of days) {
    const dt = DateTime.fromISO(d, { zone: 'utc' });
    if (!dt.isValid || dt > todayDt.endOf('day')) continue;
    active.add(weekStartOf(dt).toMillis());
  }
  const isActive = (w: DateTime) => active.has(w.toMillis());

  // Walk every week from the first active one to this week, tracking runs that tolerate `graceWeeks` quiet weeks.
  let longest = 0;
  let run = 0;
  let quiet = 0;
  const first = active.size > 0 ? Math.min(...active) : null;
  if (first !== null) {
    for (let w = DateTime.fromMillis(first, { zone: 'utc' }); w <= thisWeek; w = w.plus({ weeks: 1 })) {
      const isThisWeek = w.toMillis() === thisWeek.toMillis();
      if (isActive(w)) {
        run += 1;
        quiet = 0;
      } else if (!isThisWeek) {
        quiet += 1;
        if (quiet > graceWeeks) {
          run = 0;
        }
      }
      longest = Math.max(longest, run);
    }
  }
  const current = quiet > graceWeeks ? 0 : run;
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const w = thisWeek.minus({ weeks: 11 - i });
    return { weekStart: w.toISODate()!, active: isActive(w) };
  });
  return { current, longest, activeThisWeek: isActive(thisWeek), graceLeft: current > 0 ? Math.max(0, graceWeeks - quiet) : 0, weeks };
}
