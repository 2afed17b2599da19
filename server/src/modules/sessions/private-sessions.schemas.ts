import { z } from 'zod';
import { LocalTimes, TimeZone } from '../groups/index.ts';
import { SESSION_STATUSES } from './sessions.schemas.ts';

/**
 * A private session (e.g. supervision) as one of its participants sees it in their own session lists: the neutral
 * title, the time in their zone, and where in Hearth it lives. Never the agenda or who else takes part.
 */
export const MyPrivateSession = z.object({
  id: z.string(),
  /** The module it serves, e.g. "supervision". */
  purpose: z.string(),
  /** The neutral title calendars show, e.g. "Supervision session". */
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** Start and end in the viewer's time zone (their profile's, or ?tz=). */
  local: LocalTimes,
  /** Whether the viewer arranged it (host) or was invited (guest). */
  myRole: z.enum(['host', 'guest']),
  /** The in-app page where it is managed, e.g. "/supervision". */
  path: z.string(),
});
export type MyPrivateSession = z.infer<typeof MyPrivateSession>;
export const MyPrivateSessionList = z.object({ privateSessions: z.array(MyPrivateSession) });

export const MyPrivateSessionsQuery = z.object({
  tz: TimeZone.optional(),
  limit: z.coerce.number().int('Please ask for a whole number of meetings.').min(1, 'Please ask for at least one meeting.').max(100, 'Please ask for 100 meetings or fewer.').default(20),
});
export type MyPrivateSessionsQuery = z.infer<typeof MyPrivateSessionsQuery>;

export const PrivateSessionParams = z.object({ id: z.uuid('That meeting link is not valid.') });
