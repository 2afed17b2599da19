import { z } from 'zod';
import { LanguageCode, TimeZone } from '@hearth/contracts';

export const EVENT_KINDS = ['webinar', 'workshop', 'open_day'] as const;
export const EventKind = z.enum(EVENT_KINDS, { error: 'Please choose webinar, workshop or open day.' });

const Instant = z.iso.datetime({ offset: true, error: 'Please give a date and time, such as 2026-03-03T19:00:00Z.' });
const HttpUrl = z.url({ protocol: /^https?$/, error: 'Please give a full web address that starts with https://' }).max(2000, 'Please use a shorter web address.');

const eventFields = {
  kind: EventKind,
  title: z.string().trim().min(1, 'Please give the event a title.').max(150, 'Please keep the title to 150 characters or fewer.'),
  description: z.string().trim().max(5000, 'Please keep the description to 5,000 characters or fewer.').default(''),
  host: z.string().trim().max(150, 'Please keep the host to 150 characters or fewer.').default(''),
  startsAt: Instant,
  endsAt: Instant,
  timezone: TimeZone,
  location: z.string().trim().max(300, 'Please keep the location to 300 characters or fewer.').nullable().default(null),
  joinUrl: HttpUrl.nullable().default(null),
  language: LanguageCode.default('en'),
  capacity: z.number().int().min(1, 'Capacity is at least 1; leave it empty for no limit.').max(100_000).nullable().default(null),
  waitlist: z.boolean().default(true),
};

export const CreateEventBody = z.object(eventFields);
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = z
  .object({
    title: eventFields.title,
    description: eventFields.description.unwrap(),
    host: eventFields.host.unwrap(),
    startsAt: Instant,
    endsAt: Instant,
    timezone: TimeZone,
    location: eventFields.location.unwrap(),
    joinUrl: eventFields.joinUrl.unwrap(),
    capacity: eventFields.capacity.unwrap(),
    waitlist: z.boolean(),
    recordingUrl: HttpUrl.nullable(),
    status: z.enum(['scheduled', 'cancelled'], { error: 'Please choose scheduled or cancelled.' }),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Please change something before saving.', path: ['title'] });
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const ListQuery = z.object({ when: z.enum(['upcoming', 'past'], { error: 'Please choose upcoming or past.' }).default('upcoming') });

export const RegistrationStatus = z.enum(['registered', 'waitlisted']);

export const OrgEvent = z.object({
  id: z.uuid(),
  kind: EventKind,
  title: z.string(),
  description: z.string(),
  host: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  location: z.string().nullable(),
  /** Only for people registered (and organizers), so a webinar link is not passed around. */
  joinUrl: z.string().nullable(),
  language: z.string(),
  capacity: z.number().nullable(),
  registeredCount: z.number(),
  spotsLeft: z.number().nullable(),
  waitlist: z.boolean(),
  waitlistCount: z.number(),
  recordingUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  past: z.boolean(),
  myRegistration: RegistrationStatus.nullable(),
  calendarUrl: z.string(),
  abilities: z.object({ register: z.boolean(), cancelRegistration: z.boolean(), edit: z.boolean() }),
});
export type OrgEvent = z.infer<typeof OrgEvent>;

export const EventList = z.object({ events: z.array(OrgEvent), abilities: z.object({ create: z.boolean() }) });
