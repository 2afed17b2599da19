import { z } from 'zod';

export const ACTIVITY_CATEGORIES = [
  'emotional_support', 'informational_guidance', 'skill_building', 'advocacy', 'community_connection', 'crisis_referral', 'group_facilitation',
] as const;
export const ActivityCategory = z.enum(ACTIVITY_CATEGORIES, { error: 'Please choose a kind of activity from the list.' });
export const IdParams = z.object({ id: z.uuid('That link is not valid. Please check it and try again.') });
export const ConversationParams = z.object({ conversationId: z.uuid('That conversation link is not valid.') });

const Notes = z.string().trim().max(1000, 'Please keep notes short: 1,000 characters or fewer, without names or identifying details.');

export const CreateActivityBody = z.object({
  category: ActivityCategory,
  occurredAt: z.iso.datetime({ offset: true, error: 'Please give the date and time it happened.' }),
  durationMinutes: z.int('Use whole minutes.').min(5, 'Please log at least 5 minutes.').max(720, 'Please log at most 12 hours in one entry.'),
  notes: Notes.optional(),
  conversationId: z.uuid().optional(),
});
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

export const CommentBody = z.object({ body: z.string({ error: 'Please write a comment.' }).trim().min(1, 'Please write a comment.').max(1000, 'Please keep comments to 1,000 characters or fewer.') });
export const ReviewBody = z.object({ decision: z.enum(['sign_off', 'return'], { error: 'Choose to sign off or return the entry.' }), comment: z.string().trim().max(1000).optional() });
export type ReviewBody = z.infer<typeof ReviewBody>;
export const AssignBody = z.object({ supervisorId: z.uuid('Please choose a supervisor.'), supporterId: z.uuid('Please choose a supporter.') });
export const MeetingBody = z.object({
  supporterId: z.uuid('Please choose a supporter.'),
  startsAt: z.iso.datetime({ offset: true, error: 'Please give the date and time.' }),
  durationMinutes: z.int().min(15, 'Please allow at least 15 minutes.').max(240, 'Please keep a session to 4 hours or less.'),
  agenda: Notes.optional(),
});
export type MeetingBody = z.infer<typeof MeetingBody>;
export const RescheduleBody = z.object({
  startsAt: z.iso.datetime({ offset: true, error: 'Please give the new date and time.' }),
  durationMinutes: z.int().min(15, 'Please allow at least 15 minutes.').max(240, 'Please keep a session to 4 hours or less.').optional(),
});
export type RescheduleBody = z.infer<typeof RescheduleBody>;
export const FeedbackBody = z.object({
  conversationId: z.uuid('That conversation link is not valid.'),
  rating: z.int('Please choose from 1 to 5.').min(1, 'Please choose from 1 to 5.').max(5, 'Please choose from 1 to 5.'),
  comment: z.string().trim().max(500, 'Please keep it to 500 characters or fewer.').optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

const Person = z.object({ id: z.string(), displayName: z.string() });
export const Comment = z.object({ id: z.string(), author: Person.nullable(), body: z.string(), createdAt: z.string() });
export const Activity = z.object({
  id: z.string(),
  supporter: Person,
  category: ActivityCategory,
  occurredAt: z.string(),
  durationMinutes: z.number(),
  notes: z.string().nullable(),
  conversationId: z.string().nullable(),
  status: z.enum(['logged', 'signed_off', 'returned']),
  reviewedBy: Person.nullable(),
  reviewedAt: z.string().nullable(),
  comments: z.array(Comment),
  abilities: z.object({ review: z.boolean(), comment: z.boolean() }),
});
export type Activity = z.infer<typeof Activity>;
export const ActivityList = z.object({ activities: z.array(Activity) });
export const Prefill = z.object({ category: ActivityCategory, occurredAt: z.string(), durationMinutes: z.number(), conversationId: z.string() });
export const Assignment = z.object({ id: z.string(), supervisor: Person, supporter: Person, createdAt: z.string() });
export const Meeting = z.object({
  id: z.string(),
  /** The private session on the sessions module that holds the time, reminders and calendar entry. */
  sessionId: z.string(),
  supervisor: Person,
  supporter: Person,
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  status: z.enum(['scheduled', 'cancelled']),
  agenda: z.string().nullable(),
  abilities: z.object({ reschedule: z.boolean(), cancel: z.boolean() }),
});
export type Meeting = z.infer<typeof Meeting>;
export const Hours = z.object({ signedOffMinutes: z.number(), pendingMinutes: z.number(), last30DaysMinutes: z.number() });
export const Caseload = z.object({
  supporters: z.array(
    z.object({
      supporter: Person,
      load: z.object({ openConversations: z.number().nullable(), activitiesLast30Days: z.number(), minutesLast30Days: z.number() }),
      recentEscalations: z.object({ safetyCases: z.number().nullable(), crisisReferrals: z.number() }),
      feedback: z.object({ count: z.number(), average: z.number().nullable() }),
      hours: Hours,
      awaitingReview: z.number(),
    }),
  ),
  meetings: z.array(Meeting),
});
export const Dashboard = z.object({
  hours: Hours,
  byCategory: z.array(z.object({ category: ActivityCategory, minutes: z.number() })),
  feedback: z.object({ count: z.number(), average: z.number().nullable(), recent: z.array(z.object({ rating: z.number(), comment: z.string().nullable(), createdAt: z.string() })) }),
  supervisors: z.array(Person),
  meetings: z.array(Meeting),
  due: z.array(z.object({ kind: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});
export const Candidates = z.object({ supervisors: z.array(Person), supporters: z.array(Person) });
export const FollowUp = z.object({ rating: z.number().nullable(), abilities: z.object({ rate: z.boolean(), logActivity: z.boolean() }) });
