import { z } from 'zod';
import { GroupFormat, LocalTimes, TimeZone, Venue } from '../groups/index.ts';
import { isValidLocal, normalizeRrule } from './recurrence.ts';

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export const RSVP_STATUSES = ['going', 'not_going'] as const;
export const ATTENDANCE_MODES = ['online', 'in_person'] as const;

/** An RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=TU (daily, weekly, monthly or yearly). */
export const Rrule = z
  .string()
  .max(300, 'That repeat rule is too long. Please choose a simpler pattern.')
  .refine((s) => normalizeRrule(s) !== null, 'We could not understand that repeat pattern. Please choose a daily, weekly, monthly or yearly pattern, like FREQ=WEEKLY;BYDAY=TU.');

/** A wall-clock date and time without an offset, read in the schedule's time zone: 2026-03-03T19:00. */
export const LocalDateTime = z
  .string()
  .refine(isValidLocal, 'Please give a date and time like 2026-03-03T19:00.');

const Title = z.string().trim().min(1, 'Please enter a title, or leave it out to use the group name.').max(120, 'Please keep the title to 120 characters or fewer.');
const Duration = z.number().int().min(15, 'A session needs at least 15 minutes.').max(720, 'A session can last up to 12 hours.');

export const CreateScheduleBody = z.object({
  title: Title.nullable().optional(),
  rrule: Rrule,
  startLocal: LocalDateTime,
  /** Defaults to the group's time zone. */
  timezone: TimeZone.optional(),
  durationMinutes: Duration,
});
export type CreateScheduleBody = z.infer<typeof CreateScheduleBody>;

export const UpdateScheduleBody = CreateScheduleBody.partial();
export type UpdateScheduleBody = z.infer<typeof UpdateScheduleBody>;

export const Schedule = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string().nullable(),
  rrule: z.string(),
  /** The rule in English words, e.g. "every week on Tuesday". */
  description: z.string(),
  startLocal: z.string(),
  timezone: z.string(),
  durationMinutes: z.number(),
  archivedAt: z.string().nullable(),
});
export type Schedule = z.infer<typeof Schedule>;
export const ScheduleList = z.object({ schedules: z.array(Schedule) });

/** A one-off session at a wall-clock time in the group's (or the given) time zone. */
export const CreateSessionBody = z.object({
  title: Title.nullable().optional(),
  startLocal: LocalDateTime,
  timezone: TimeZone.optional(),
  durationMinutes: Duration,
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

/** Move one occurrence (or one-off) and/or rename it. A moved occurrence is left alone by its schedule. */
export const UpdateSessionBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true, error: 'Please give a date and time like 2026-03-03T19:00:00Z.' }).optional(),
    endsAt: z.iso.datetime({ offset: true, error: 'Please give a date and time like 2026-03-03T20:30:00Z.' }).optional(),
    title: Title.nullable().optional(),
  })
  .refine((b) => b.startsAt !== undefined || b.endsAt !== undefined || b.title !== undefined, { message: 'Please change the time or the title.', path: ['startsAt'] });
export type UpdateSessionBody = z.infer<typeof UpdateSessionBody>;

export const SessionParams = z.object({ id: z.uuid('That session link is not valid.') });
export const ScheduleParams = z.object({ id: z.uuid('That schedule link is not valid.') });

export const ListSessionsQuery = z.object({
  /** ISO instant; defaults to now. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** ISO instant; defaults to four weeks after `from`; at most a year after now. */
  to: z.iso.datetime({ offset: true }).optional(),
  tz: TimeZone.optional(),
});
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

export const UpcomingQuery = z.object({
  tz: TimeZone.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ViewerTzQuery = z.object({ tz: TimeZone.optional() });

export const RsvpBody = z.object({ status: z.enum(RSVP_STATUSES, 'Please answer going or not going.') });
export type RsvpBody = z.infer<typeof RsvpBody>;

/** A leader checks a member in by id, or a member checks themselves in with the code shown at the venue. */
export const CheckInBody = z.union([
  z.object({ userId: z.uuid('Please choose the person to check in.') }),
  z.object({ code: z.string().trim().min(4, 'Please enter the code shown at the venue.').max(12, 'Please enter the code shown at the venue.') }),
]);
export type CheckInBody = z.infer<typeof CheckInBody>;

export const SessionAbilities = z.object({
  /** Move or rename (group leaders). */
  edit: z.boolean(),
  cancel: z.boolean(),
  rsvp: z.boolean(),
  /** Check yourself in with the venue code now. */
  checkIn: z.boolean(),
  joinLiveRoom: z.boolean(),
  /** See attendance, the venue code, and check others in (group leaders). */
  manageAttendance: z.boolean(),
});
export type SessionAbilities = z.infer<typeof SessionAbilities>;

export const Session = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  scheduleId: z.string().nullable(),
  /** The session's own title, or the group name. */
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** True when this occurrence was moved or cancelled on its own. */
  detached: z.boolean(),
  format: GroupFormat,
  venue: Venue.nullable(),
  /** Start and end in the viewer's time zone (their profile's, or ?tz=). */
  local: LocalTimes,
  /** Start and end in the group's own time zone. */
  groupLocal: LocalTimes,
  myRsvp: z.enum(RSVP_STATUSES).nullable(),
  myCheckedIn: z.boolean(),
  goingCount: z.number(),
  capacity: z.number().nullable(),
  placesLeft: z.number().nullable(),
  liveRoom: z.object({ opensAt: z.string(), open: z.boolean() }).nullable(),
  abilities: SessionAbilities,
});
export type Session = z.infer<typeof Session>;
export const SessionList = z.object({ sessions: z.array(Session) });

export const CheckIn = z.object({
  sessionId: z.string(),
  userId: z.string(),
  mode: z.enum(ATTENDANCE_MODES),
  joinedAt: z.string(),
  checkedInBy: z.string().nullable(),
});
export const CheckInCode = z.object({ code: z.string() });

export const AttendanceRecord = z.object({
  userId: z.string(),
  displayName: z.string(),
  mode: z.enum(ATTENDANCE_MODES),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
  checkedInBy: z.string().nullable(),
});
export const Attendance = z.object({
  sessionId: z.string(),
  /** Distinct people who attended, online or in person. */
  attendeeCount: z.number(),
  goingCount: z.number(),
  records: z.array(AttendanceRecord),
});
export type Attendance = z.infer<typeof Attendance>;

export const CalendarFeedUrl = z.object({ url: z.string(), createdAt: z.string() });
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const CalendarTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'That calendar link is not valid.') });
