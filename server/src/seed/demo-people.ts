import type { UserRole } from '../platform/http/actor.ts';

/** The one password every demo account shares. The demo is for trying Hearth out, never for real conversations. */
export const DEMO_PASSWORD = 'hearth-demo-2026';

export type DemoPerson = {
  key: string;
  pseudonym: string;
  displayName: string;
  role: UserRole;
  pronouns?: string;
  languages?: string[];
  timezone: string;
  country?: string;
  interests?: string[];
  /** Printed at boot as the sign-in for this role. */
  login?: boolean;
};

/** Everyone in the demo is invented. One person per role is the printed sign-in. */
export const PEOPLE: DemoPerson[] = [
  { key: 'admin', pseudonym: 'demo_admin', displayName: 'Harriet', role: 'admin', pronouns: 'she/her', timezone: 'America/New_York', country: 'US', login: true },
  { key: 'moderator', pseudonym: 'demo_moderator', displayName: 'Marcus', role: 'moderator', pronouns: 'he/him', timezone: 'America/New_York', country: 'US', interests: ['cycling', 'baking'], login: true },
  { key: 'clinician', pseudonym: 'demo_clinician', displayName: 'Dr. Lena Okafor', role: 'clinician', pronouns: 'she/her', timezone: 'America/New_York', country: 'US', login: true },
  { key: 'facilitator', pseudonym: 'demo_facilitator', displayName: 'Tomás', role: 'facilitator', pronouns: 'he/him', languages: ['en', 'es'], timezone: 'America/New_York', country: 'US', interests: ['guitar', 'hiking'], login: true },
  { key: 'peer', pseudonym: 'demo_peer', displayName: 'June', role: 'peer_supporter', pronouns: 'she/they', timezone: 'America/New_York', country: 'US', interests: ['poetry', 'gardening'], login: true },
  { key: 'member', pseudonym: 'demo_member', displayName: 'Robin', role: 'member', pronouns: 'they/them', languages: ['en', 'es'], timezone: 'America/New_York', country: 'US', interests: ['reading', 'walking', 'tea'], login: true },

  { key: 'amara', pseudonym: 'amara_facilitates', displayName: 'Amara', role: 'facilitator', pronouns: 'she/her', timezone: 'America/New_York', country: 'US' },
  { key: 'lucia', pseudonym: 'lucia.circulo', displayName: 'Lucía', role: 'facilitator', pronouns: 'ella', languages: ['es', 'en'], timezone: 'America/Chicago', country: 'US' },
  { key: 'kai', pseudonym: 'kai_listens', displayName: 'Kai', role: 'peer_supporter', pronouns: 'he/him', timezone: 'Europe/London', country: 'GB' },
  { key: 'noor', pseudonym: 'noor.lantern', displayName: 'Noor', role: 'peer_supporter', pronouns: 'she/her', languages: ['en', 'ar'], timezone: 'America/New_York', country: 'US' },
  { key: 'ben', pseudonym: 'quiet_harbor', displayName: 'Ben', role: 'member', pronouns: 'he/him', timezone: 'America/New_York', country: 'US', interests: ['woodworking'] },
  { key: 'mei', pseudonym: 'paper_crane22', displayName: 'Mei', role: 'member', pronouns: 'she/her', timezone: 'America/Los_Angeles', country: 'US', interests: ['drawing'] },
  { key: 'sofia', pseudonym: 'sofia_girasol', displayName: 'Sofía', role: 'member', pronouns: 'ella', languages: ['es'], timezone: 'America/Chicago', country: 'US' },
  { key: 'pablo', pseudonym: 'pablo.camino', displayName: 'Pablo', role: 'member', pronouns: 'él', languages: ['es', 'en'], timezone: 'America/Chicago', country: 'US' },
  { key: 'grace', pseudonym: 'grace_in_bloom', displayName: 'Grace', role: 'member', pronouns: 'she/her', timezone: 'Europe/London', country: 'GB', interests: ['choir'] },
  { key: 'theo', pseudonym: 'theo_morning', displayName: 'Theo', role: 'member', pronouns: 'he/him', timezone: 'America/New_York', country: 'US' },
  { key: 'ifeoma', pseudonym: 'ife_sunrise', displayName: 'Ifeoma', role: 'member', pronouns: 'she/her', timezone: 'America/New_York', country: 'US' },
  { key: 'dani', pseudonym: 'dani_drifts', displayName: 'Dani', role: 'member', pronouns: 'they/them', timezone: 'America/New_York', country: 'US', interests: ['games', 'music'] },
];

export type DemoGroup = {
  key: string;
  facilitator: string;
  coFacilitators?: string[];
  members: string[];
  /** People who have asked to join a request-to-join group and are waiting. */
  requested?: string[];
  body: {
    name: string;
    description: string;
    topics: string[];
    communities: string[];
    language: string;
    format: 'online' | 'in_person' | 'hybrid';
    timezone: string;
    venue: { name: string; address: string; lat: number; lng: number } | null;
    capacity: number | null;
    visibility: 'open' | 'request' | 'invite';
    agreements: string[];
  };
  schedule?: { title: string; rrule: string; time: string; durationMinutes: number };
};

const AGREEMENTS_EN = [
  'What is shared here stays here.',
  'Speak from your own experience, and listen without fixing.',
  'It is always fine to pass, to listen, or to step away.',
  'If someone may be in danger, a facilitator will follow the group\'s safety steps.',
];

/** Groups in all three formats, several time zones and two languages. Venues are invented. */
export const GROUPS: DemoGroup[] = [
  {
    key: 'anxiety',
    facilitator: 'facilitator',
    coFacilitators: ['peer'],
    members: ['member', 'ben', 'mei', 'dani', 'theo', 'clinician'],
    body: {
      name: 'Evening Anxiety Circle',
      description:
        'A calm hour on Tuesday evenings for anyone living with anxiety or panic. We check in, share one thing that helped this week, and practise a short grounding exercise together. Cameras optional; the chat is always welcome.',
      topics: ['anxiety', 'stress'],
      communities: ['young_adults'],
      language: 'en',
      format: 'online',
      timezone: 'America/New_York',
      venue: null,
      capacity: 14,
      visibility: 'open',
      agreements: AGREEMENTS_EN,
    },
    schedule: { title: 'Tuesday check-in', rrule: 'FREQ=WEEKLY;BYDAY=TU', time: '19:00', durationMinutes: 75 },
  },
  {
    key: 'grief',
    facilitator: 'amara',
    members: ['ifeoma', 'theo', 'grace'],
    requested: ['member'],
    body: {
      name: 'Grief & Remembrance Group',
      description:
        'For anyone carrying the loss of someone they love, whether it was recent or many years ago. We meet every other Thursday in a quiet room at the library, with tea, tissues and no pressure to speak. New members are welcome after a short chat with the facilitator.',
      topics: ['grief'],
      communities: ['older_adults'],
      language: 'en',
      format: 'in_person',
      timezone: 'America/New_York',
      venue: { name: 'Maple Street Community Library, Reading Room 2', address: '415 Maple Street, Burlington, VT 05401', lat: 44.4782, lng: -73.2127 },
      capacity: 10,
      visibility: 'request',
      agreements: [...AGREEMENTS_EN, 'Photos of loved ones are welcome; please ask before sharing someone else\'s story.'],
    },
    schedule: { title: 'Thursday gathering', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', time: '18:30', durationMinutes: 90 },
  },
  {
    key: 'circulo',
    facilitator: 'lucia',
    members: ['member', 'sofia', 'pablo', 'noor'],
    body: {
      name: 'Círculo de Apoyo en Español',
      description:
        'Un espacio en español para hablar del estrés, la tristeza y la vida entre dos culturas. Nos reunimos los sábados por la mañana en el centro comunitario y también por video, para que nadie se quede fuera. Traiga su café; aquí se escucha sin juzgar.',
      topics: ['depression', 'anxiety', 'general_wellbeing'],
      communities: ['parents', 'refugees'],
      language: 'es',
      format: 'hybrid',
      timezone: 'America/Chicago',
      venue: { name: 'Centro Comunitario La Esperanza', address: '2210 W Cermak Rd, Chicago, IL 60608', lat: 41.8522, lng: -87.6834 },
      capacity: 20,
      visibility: 'open',
      agreements: [
        'Lo que se comparte aquí, se queda aquí.',
        'Hablamos desde nuestra propia experiencia y escuchamos sin dar consejos no pedidos.',
        'Siempre se vale pasar, escuchar o tomar un descanso.',
      ],
    },
    schedule: { title: 'Sábados en círculo', rrule: 'FREQ=WEEKLY;BYDAY=SA', time: '10:00', durationMinutes: 90 },
  },
  {
    key: 'caregivers',
    facilitator: 'facilitator',
    coFacilitators: ['kai'],
    members: ['member', 'grace', 'ben', 'peer'],
    body: {
      name: 'Caregivers\' Coffee Hour',
      description:
        'Looking after someone you love is full of love and full of tiredness. Once a month at lunchtime, carers meet online to swap what is working, grumble a little, laugh a lot, and remember to look after themselves too.',
      topics: ['caregivers', 'stress'],
      communities: ['parents', 'older_adults'],
      language: 'en',
      format: 'online',
      timezone: 'Europe/London',
      venue: null,
      capacity: null,
      visibility: 'open',
      agreements: AGREEMENTS_EN,
    },
    schedule: { title: 'Monthly coffee hour', rrule: 'FREQ=MONTHLY;BYDAY=1WE', time: '12:30', durationMinutes: 60 },
  },
  {
    key: 'walk',
    facilitator: 'amara',
    coFacilitators: ['noor'],
    members: ['dani', 'ifeoma', 'member'],
    body: {
      name: 'Sunday Walk & Talk',
      description:
        'A gentle hour-long loop around the lake, with room to talk or simply to walk alongside people who understand. Open to everyone; the path is flat and step-free. We meet by the boathouse and join online when the weather is wild.',
      topics: ['depression', 'loneliness', 'general_wellbeing'],
      communities: ['lgbtq', 'neurodivergent'],
      language: 'en',
      format: 'hybrid',
      timezone: 'America/New_York',
      venue: { name: 'Lakeside Park Boathouse', address: '60 Lakeside Avenue, Burlington, VT 05401', lat: 44.4628, lng: -73.2201 },
      capacity: 25,
      visibility: 'open',
      agreements: AGREEMENTS_EN,
    },
    schedule: { title: 'Sunday loop', rrule: 'FREQ=WEEKLY;BYDAY=SU', time: '10:30', durationMinutes: 60 },
  },
];

/** A one-off session, added to a group alongside its regular schedule. */
export const ONE_OFF_SESSION = {
  group: 'anxiety',
  title: 'Special session: calmer sleep, with Dr. Lena Okafor',
  /** Days from today, at the group's local time below. */
  inDays: 9,
  time: '18:00',
  durationMinutes: 60,
};
