import { z } from 'zod';

/** Bounds an admin may choose within: long enough for a quiet moment, short enough that empty rooms do not linger. */
export const ROOM_IDLE_MINUTES_RANGE = { min: 5, max: 240 } as const;
export const MAX_ROOMS_PER_HOST_RANGE = { min: 1, max: 5 } as const;

export const MatchingSettingsBody = z.object({
  roomIdleMinutes: z
    .number({ error: 'Please enter a number of minutes.' })
    .int('Please enter whole minutes.')
    .min(ROOM_IDLE_MINUTES_RANGE.min, `Please allow at least ${ROOM_IDLE_MINUTES_RANGE.min} minutes, so a quiet moment does not close the group.`)
    .max(ROOM_IDLE_MINUTES_RANGE.max, `Please keep it to ${ROOM_IDLE_MINUTES_RANGE.max} minutes (4 hours) or less.`),
  maxRoomsPerHost: z
    .number({ error: 'Please enter a number of small groups.' })
    .int('Please enter a whole number.')
    .min(MAX_ROOMS_PER_HOST_RANGE.min, 'A host needs to be able to look after at least one small group.')
    .max(MAX_ROOMS_PER_HOST_RANGE.max, `Please keep it to ${MAX_ROOMS_PER_HOST_RANGE.max} or fewer, so every group gets real attention.`),
});
export type MatchingSettingsBody = z.infer<typeof MatchingSettingsBody>;

export const MatchingSettings = MatchingSettingsBody.extend({
  /** Whether the organization still uses the defaults (nothing saved yet). */
  isDefault: z.boolean(),
});
export type MatchingSettings = z.infer<typeof MatchingSettings>;
