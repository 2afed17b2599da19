import { z } from 'zod';
import { AGE_RANGES } from '@hearth/contracts';
import { TOPICS } from './text-model/index.ts';

export const Topic = z.enum(TOPICS);
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 19:00.');
export const WeeklyWindow = z.object({ weekday: z.number().int().min(1, 'Use a weekday from 1 (Monday) to 7 (Sunday).').max(7, 'Use a weekday from 1 (Monday) to 7 (Sunday).'), start: Hhmm, end: Hhmm });

const Reason = z.object({ kind: z.string(), text: z.string() }).catchall(z.union([z.string(), z.number(), z.boolean()]));

export const RecommendQuery = z.object({
  text: z.string().trim().max(1000, 'Please keep this to 1000 characters.').optional(),
  limit: z.coerce.number().int().min(1).max(20).default(6),
});
export type RecommendQuery = z.infer<typeof RecommendQuery>;

export const GroupRecommendation = z.object({
  group: z.object({ id: z.uuid(), name: z.string(), description: z.string(), language: z.string(), format: z.enum(['online', 'in_person', 'hybrid']), topics: z.array(z.string()), visibility: z.enum(['open', 'request', 'invite']) }),
  score: z.number(),
  summary: z.string(),
  reasons: z.array(Reason),
  abilities: z.object({ join: z.boolean(), requestToJoin: z.boolean() }),
});
export const GroupRecommendationList = z.object({ recommendations: z.array(GroupRecommendation), topics: z.array(z.object({ topic: Topic, p: z.number() })) });

export const SupporterRecommendation = z.object({ userId: z.uuid(), displayName: z.string(), score: z.number(), reasons: z.array(Reason) });
export const SupporterRecommendationList = z.object({ supporters: z.array(SupporterRecommendation) });

export const SupporterProfileBody = z.object({
  livedExperience: z.array(Topic).max(16).default([]),
  gender: z.string().trim().max(40).nullable().default(null),
  ageRange: z.enum(AGE_RANGES).nullable().default(null),
  availability: z.array(WeeklyWindow).max(28).default([]),
  acceptingRequests: z.boolean().default(true),
  maxCaseload: z.number().int().min(0).max(20).default(4),
});
export type SupporterProfileBody = z.infer<typeof SupporterProfileBody>;
export const SupporterProfile = SupporterProfileBody.extend({ userId: z.uuid() });

export const CreateSupportRequestBody = z.object({
  intro: z.string().trim().min(1, 'Please write a few words about what you would like to talk about. It helps us find the right person.').max(2000, 'Please keep this to 2000 characters; your words are kept.'),
});
export type CreateSupportRequestBody = z.infer<typeof CreateSupportRequestBody>;

export const SupportRequestStatus = z.enum(['waiting', 'accepted', 'routed_to_oncall', 'withdrawn']);
export const SupportRequest = z.object({
  id: z.uuid(),
  status: SupportRequestStatus,
  intro: z.string(),
  topics: z.array(Topic),
  language: z.string(),
  createdAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  /** People asked before this one who are still waiting (0 when it is next). */
  ahead: z.number().int().nullable(),
  conversationId: z.uuid().nullable(),
  supporter: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  rating: z.number().int().nullable(),
  safety: z.object({ card: z.enum(['concern', 'urgent']) }).nullable(),
  abilities: z.object({ withdraw: z.boolean(), rate: z.boolean(), chat: z.boolean() }),
});
export type SupportRequest = z.infer<typeof SupportRequest>;
export const SupportRequestList = z.object({ requests: z.array(SupportRequest) });

export const QueueItem = z.object({
  id: z.uuid(),
  topics: z.array(Topic),
  language: z.string(),
  waitingSince: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  score: z.number(),
  reasons: z.array(Reason),
});
export const Queue = z.object({ requests: z.array(QueueItem) });

export const RequestParams = z.object({ id: z.uuid('That request link does not look right.') });
export const RoomParams = z.object({ id: z.uuid('That small-group link does not look right.') });
export const RateBody = z.object({ rating: z.number().int().min(1, 'Please choose from 1 to 5.').max(5, 'Please choose from 1 to 5.') });

export const JoinOnDemandBody = z.object({
  text: z.string().trim().min(1, 'Please write a sentence about what you are going through, so we can find people who understand.').max(1000, 'Please keep this to 1000 characters; your words are kept.'),
  language: z.string().regex(/^[a-z]{2,3}$/, 'Use a language code such as en or es.').optional(),
});
export type JoinOnDemandBody = z.infer<typeof JoinOnDemandBody>;

export const OnDemandPlacement = z.object({
  status: z.enum(['placed', 'routed_to_oncall']),
  room: z
    .object({
      id: z.uuid(), roomId: z.uuid(), topic: Topic, language: z.string(), size: z.number().int(), hosted: z.boolean(), opened: z.boolean(),
      abilities: z.object({ end: z.boolean() }),
    })
    .nullable(),
  safety: z.object({ card: z.enum(['concern', 'urgent']) }).nullable(),
});
export type OnDemandPlacement = z.infer<typeof OnDemandPlacement>;
