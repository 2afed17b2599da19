import type { Actor } from '../platform/http/actor.ts';
import type { EventsService } from '../modules/events/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Upcoming webinars, a workshop and an open day, with a few registrations, so the events page looks alive. */
export async function seedDemoEvents(services: { events: EventsService }, actor: (key: string) => Actor, now: Date): Promise<void> {
  const at = (days: number, hourUtc: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d;
  };
  const create = async (who: string, body: Parameters<EventsService['createEvent']>[1]) => services.events.createEvent(actor(who), body);

  const webinar = await create('clinician', {
    kind: 'webinar',
    title: 'Sleep and mood: questions with a clinician',
    description: 'Dr. Lena Okafor talks about how sleep and mood affect each other, and answers your questions. Cameras optional; you can ask questions anonymously in the chat.',
    host: 'Dr. Lena Okafor',
    startsAt: at(3, 23).toISOString(),
    endsAt: new Date(at(3, 23).getTime() + HOUR).toISOString(),
    timezone: 'America/New_York',
    location: null,
    joinUrl: 'https://meet.example.org/hearth-sleep-and-mood',
    language: 'en',
    capacity: 100,
    waitlist: true,
  });
  await create('facilitator', {
    kind: 'workshop',
    title: 'Grounding skills workshop',
    description: 'A hands-on hour practising grounding techniques for panic and overwhelm, in a small group. Bring something you like the texture of.',
    host: 'Tomás and Amara',
    startsAt: at(8, 22).toISOString(),
    endsAt: new Date(at(8, 22).getTime() + 90 * 60_000).toISOString(),
    timezone: 'America/New_York',
    location: 'Maple Street Community Library, Reading Room 2, Burlington',
    joinUrl: null,
    language: 'en',
    capacity: 12,
    waitlist: true,
  });
  await create('admin', {
    kind: 'open_day',
    title: 'Hearth open day: meet the facilitators',
    description: 'Drop in for tea, meet our facilitators and peer supporters, and ask anything about how groups work. No sign-up needed to come, but registering helps us plan.',
    host: 'Hearth Community',
    startsAt: at(15, 15).toISOString(),
    endsAt: new Date(at(15, 15).getTime() + 4 * HOUR).toISOString(),
    timezone: 'America/New_York',
    location: 'Lakeside Park Boathouse, 60 Lakeside Avenue, Burlington',
    joinUrl: null,
    language: 'en',
    capacity: null,
    waitlist: true,
  });
  await create('facilitator', {
    kind: 'webinar',
    title: 'Cuidar sin agotarse: charla para familiares',
    description: 'Una charla en español para familiares y personas cuidadoras, con tiempo para preguntas.',
    host: 'Lucía',
    startsAt: at(10, 0).toISOString(),
    endsAt: new Date(at(10, 0).getTime() + HOUR).toISOString(),
    timezone: 'America/Chicago',
    location: null,
    joinUrl: 'https://meet.example.org/hearth-cuidar',
    language: 'es',
    capacity: 60,
    waitlist: true,
  });
  for (const key of ['member', 'ben', 'mei', 'peer']) await services.events.register(actor(key), webinar.id);
}
