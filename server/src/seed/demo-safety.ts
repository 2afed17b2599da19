import type { Actor } from '../platform/http/actor.ts';
import type { SafetyService } from '../modules/safety/index.ts';

/**
 * The demo on-call rota: the moderator covers weekday days and Saturday midday, the clinician weekday evenings and
 * Sunday, each in their own time zone, so the rota and "who is on call now" look like a real team's.
 */
export const DEMO_SHIFTS = {
  moderator: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '16:00' })).concat([{ weekday: 6, start: '10:00', end: '14:00' }]),
  clinician: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '16:00', end: '00:00' })).concat([{ weekday: 7, start: '10:00', end: '18:00' }]),
} as const;

/** Saves each shift worker's weekly shifts through the safety service, as they would on their settings page. */
export async function seedDemoSafety(services: { safety: SafetyService }, actor: (key: string) => Actor): Promise<void> {
  for (const key of ['moderator', 'clinician'] as const) {
    const who = actor(key);
    await services.safety.saveMyShifts(who, { timezone: who.timezone, shifts: [...DEMO_SHIFTS[key]] });
  }
}
