import { z } from 'zod';
import { AGE_RANGES, INTAKE_CHOICES, LanguageCode, TimeZone } from '@hearth/contracts';
import { TopicSchema, WeeklyWindowSchema } from '../matching/index.ts';

const Community = z.string().trim().min(1).max(40, 'Please keep each community to 40 characters.');

/** The intake profile. Only the first line is required; everything is editable and deletable. */
export const ProfileBody = z.object({
  whatBrings: z
    .string()
    .trim()
    .min(1, 'Please write a few words about what brings you here. Everything else is optional.')
    .max(2000, 'Please keep this to 2000 characters; your words are kept.'),
  challenges: z.array(TopicSchema).max(16).default([]),
  communities: z.array(Community).max(10).default([]),
  languages: z.array(LanguageCode).max(6).default([]),
  timezone: TimeZone.nullable().default(null),
  availability: z.array(WeeklyWindowSchema).max(28).default([]),
  format: z.enum(['online', 'in_person', 'hybrid', 'any']).default('any'),
  /** A city or postcode; only the area's centre is kept. */
  place: z.string().trim().max(80).nullable().default(null),
  supporter: z
    .object({
      gender: z.string().trim().max(40).nullable().default(null),
      ageRange: z.enum(AGE_RANGES).nullable().default(null),
      livedExperience: z.array(TopicSchema).max(16).default([]),
    })
    .default({ gender: null, ageRange: null, livedExperience: [] }),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const Profile = ProfileBody.omit({ place: true }).extend({
  place: z.object({ label: z.string() }).nullable(),
  updatedAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof Profile>;
export const ProfileResponse = z.object({ profile: Profile.nullable() });

export const Choice = z.enum(INTAKE_CHOICES);
export type Choice = z.infer<typeof Choice>;

export const SendBody = z
  .object({
    text: z.string().trim().min(1, 'Please write something, or choose one of the options.').max(2000, 'Please keep this to 2000 characters; your words are kept.').optional(),
    choice: Choice.optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.choice === undefined), { message: 'Please write something, or choose one of the options.', path: ['text'] });
export type SendBody = z.infer<typeof SendBody>;

const Reason = z.object({ kind: z.string(), text: z.string() }).catchall(z.union([z.string(), z.number(), z.boolean()]));

/** What the assistant can attach to a line: choices, library resources, matches, the crisis card, next steps. */
export const BotExtras = z.object({
  card: z.enum(['concern', 'urgent']).optional(),
  choices: z.array(Choice).optional(),
  resources: z.array(z.object({ title: z.string(), summary: z.string(), url: z.string() })).optional(),
  groups: z
    .array(z.object({ id: z.uuid(), name: z.string(), summary: z.string(), reasons: z.array(Reason), abilities: z.object({ join: z.boolean(), requestToJoin: z.boolean() }) }))
    .optional(),
  supporters: z.array(z.object({ userId: z.uuid(), displayName: z.string(), reasons: z.array(Reason) })).optional(),
  actions: z.array(z.enum(['request_supporter', 'small_group', 'screener', 'talk_now', 'request_status'])).optional(),
  requestId: z.uuid().optional(),
});
export type BotExtras = z.infer<typeof BotExtras>;

export const IntakeMessage = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  author: z.enum(['bot', 'person']),
  text: z.string(),
  generated: z.boolean(),
  extras: BotExtras,
  createdAt: z.iso.datetime(),
});
export type IntakeMessage = z.infer<typeof IntakeMessage>;

export const IntakeStatus = z.enum(['active', 'finished', 'handed_off', 'human_requested']);
export const IntakeConversation = z.object({
  id: z.uuid(),
  status: IntakeStatus,
  step: z.string(),
  automated: z.literal(true),
  /** The language the assistant's script is served in (English or Spanish today). */
  language: z.enum(['en', 'es']),
  messages: z.array(IntakeMessage),
  abilities: z.object({ send: z.boolean(), talkToPerson: z.boolean(), delete: z.boolean() }),
});
export type IntakeConversation = z.infer<typeof IntakeConversation>;

export const StartBody = z
  .object({ language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'Use a language code such as en or es.').optional() })
  .optional();

export const ConversationParams = z.object({ id: z.uuid('That conversation link does not look right.') });
