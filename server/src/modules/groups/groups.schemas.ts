import { z } from 'zod';
import { LanguageCode, TimeZone } from '@hearth/contracts';

/** Topic tags a group can carry. Slugs; the web app translates them. */
export const GROUP_TOPICS = [
  'anxiety',
  'depression',
  'grief',
  'trauma',
  'substance_use',
  'caregivers',
  'eating_disorders',
  'bipolar',
  'psychosis',
  'self_harm',
  'loneliness',
  'stress',
  'chronic_illness',
  'perinatal',
  'ocd',
  'adhd',
  'suicide_loss',
  'general_wellbeing',
] as const;

/** Community tags: who a group is for. */
export const GROUP_COMMUNITIES = [
  'lgbtq',
  'bipoc',
  'veterans',
  'young_adults',
  'parents',
  'women',
  'men',
  'students',
  'older_adults',
  'disabled',
  'neurodivergent',
  'faith',
  'healthcare_workers',
  'refugees',
] as const;

export const GROUP_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export const GROUP_VISIBILITIES = ['open', 'request', 'invite'] as const;
export const GROUP_ROLES = ['member', 'co_facilitator', 'facilitator'] as const;
export const MEMBER_STATUSES = ['active', 'requested', 'invited', 'declined', 'left'] as const;

export const TopicTag = z.enum(GROUP_TOPICS, 'Please choose topics from the list.');
export const CommunityTag = z.enum(GROUP_COMMUNITIES, 'Please choose communities from the list.');
export const GroupFormat = z.enum(GROUP_FORMATS, 'Please choose online, in person or hybrid.');
export const GroupVisibility = z.enum(GROUP_VISIBILITIES, 'Please choose open, request to join or invite only.');
export const GroupRole = z.enum(GROUP_ROLES, 'Please choose member, co-facilitator or facilitator.');
export const MemberStatus = z.enum(MEMBER_STATUSES);

export { TimeZone, LanguageCode };

export const Venue = z.object({
  name: z.string().trim().min(1, 'Please give the venue a name.').max(120),
  address: z.string().trim().min(1, 'Please enter the venue address so people can find it.').max(300),
  lat: z.number().min(-90, 'Latitude runs from -90 to 90.').max(90, 'Latitude runs from -90 to 90.'),
  lng: z.number().min(-180, 'Longitude runs from -180 to 180.').max(180, 'Longitude runs from -180 to 180.'),
});
export type Venue = z.infer<typeof Venue>;

const groupFields = {
  name: z.string().trim().min(3, 'Please use at least 3 characters for the name.').max(80, 'Please keep the name to 80 characters or fewer.'),
  description: z.string().trim().max(4000, 'Please keep the description to 4000 characters or fewer.'),
  topics: z.array(TopicTag).max(8, 'Please choose up to 8 topics.'),
  communities: z.array(CommunityTag).max(8, 'Please choose up to 8 communities.'),
  language: LanguageCode,
  format: GroupFormat,
  timezone: TimeZone,
  venue: Venue.nullable(),
  capacity: z.number().int().min(2, 'A group needs room for at least 2 people.').max(1000).nullable(),
  visibility: GroupVisibility,
  agreements: z.array(z.string().trim().min(1, 'An agreement cannot be empty.').max(500)).max(20, 'Please keep to 20 agreements or fewer.'),
};

const VENUE_NEEDED = 'In-person and hybrid groups need a venue, so people know where to go.';

/** Facilitators create a group; they become its facilitator member. */
export const CreateGroupBody = z
  .object({
    ...groupFields,
    description: groupFields.description.default(''),
    topics: groupFields.topics.default([]),
    communities: groupFields.communities.default([]),
    language: groupFields.language.default('en'),
    format: groupFields.format.default('online'),
    venue: groupFields.venue.default(null),
    capacity: groupFields.capacity.default(null),
    visibility: groupFields.visibility.default('open'),
    agreements: groupFields.agreements.default([]),
  })
  .refine((b) => b.format === 'online' || b.venue !== null, { message: VENUE_NEEDED, path: ['venue'] });
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

/** Any subset of the group's fields. A venue stays required for in-person and hybrid groups. */
export const UpdateGroupBody = z.object(groupFields).partial();
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

export const GroupParams = z.object({ id: z.uuid('That group link is not valid.') });
export const GroupMemberParams = z.object({ id: z.uuid('That group link is not valid.'), userId: z.uuid('That person link is not valid.') });

/** Discovery filters. `lat`+`lng` compute distances; add `radiusKm` to keep only venues that close. */
export const ListGroupsQuery = z
  .object({
    topic: TopicTag.optional(),
    community: CommunityTag.optional(),
    format: GroupFormat.optional(),
    language: LanguageCode.optional(),
    q: z.string().trim().max(100).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().positive().max(20000).optional(),
    tz: TimeZone.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: 'Please send both lat and lng.', path: ['lng'] })
  .refine((q) => q.radiusKm === undefined || q.lat !== undefined, { message: 'Searching near you needs lat and lng.', path: ['lat'] });
export type ListGroupsQuery = z.infer<typeof ListGroupsQuery>;

export const ViewerTzQuery = z.object({ tz: TimeZone.optional() });

export const JoinGroupBody = z.object({ acceptAgreements: z.boolean().optional() });
export type JoinGroupBody = z.infer<typeof JoinGroupBody>;

export const InviteBody = z.object({ userId: z.uuid('Please choose a person to invite.') });
export const ChangeRoleBody = z.object({ role: GroupRole });

/** A moment shown in the viewer's own time zone. */
export const LocalTimes = z.object({
  timezone: z.string(),
  /** yyyy-MM-dd in the viewer's time zone. */
  date: z.string(),
  /** Full weekday name in English, e.g. Tuesday (the web app may re-format `date`). */
  weekday: z.string(),
  /** HH:mm, 24-hour. */
  startTime: z.string(),
  endTime: z.string(),
  /** Short zone name, e.g. GMT, BST, EST. */
  zoneName: z.string(),
  /** Ready-made English text, e.g. "Tuesday 3 March 2026, 19:00–20:30 GMT". */
  text: z.string(),
});
export type LocalTimes = z.infer<typeof LocalTimes>;

export const Membership = z.object({ status: MemberStatus, role: GroupRole });

export const GroupAbilities = z.object({
  /** Join now (open groups, or accepting an invitation). */
  join: z.boolean(),
  /** Send a request a facilitator approves (request-to-join groups). */
  requestToJoin: z.boolean(),
  leave: z.boolean(),
  edit: z.boolean(),
  archive: z.boolean(),
  viewMembers: z.boolean(),
  /** Approve and decline requests, invite people. */
  manageMembers: z.boolean(),
  changeRoles: z.boolean(),
  /** Add schedules and one-off sessions, move or cancel them. */
  manageSessions: z.boolean(),
});
export type GroupAbilities = z.infer<typeof GroupAbilities>;

export const NextSession = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), local: LocalTimes });

export const GroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  topics: z.array(z.string()),
  communities: z.array(z.string()),
  language: z.string(),
  format: GroupFormat,
  timezone: z.string(),
  venue: Venue.nullable(),
  capacity: z.number().nullable(),
  memberCount: z.number(),
  placesLeft: z.number().nullable(),
  visibility: GroupVisibility,
  nextSession: NextSession.nullable(),
  /** Kilometres from the point searched, for groups that meet at a venue. */
  distanceKm: z.number().optional(),
  myMembership: Membership.nullable(),
  abilities: GroupAbilities,
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const GroupDetail = GroupSummary.extend({
  agreements: z.array(z.string()),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Join requests waiting for a decision (only counted for those who manage members, otherwise 0). */
  pendingRequestCount: z.number(),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupList = z.object({ groups: z.array(GroupSummary) });

export const Member = z.object({
  userId: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  role: GroupRole,
  status: MemberStatus,
  joinedAt: z.string().nullable(),
  /** What the caller may do with this person's membership. */
  abilities: z.object({ remove: z.boolean() }),
});
export type Member = z.infer<typeof Member>;

/** The answer to removing someone: their membership is now `left` (they may come back the usual way). */
export const RemovedMember = z.object({ userId: z.string(), status: z.literal('left') });

export const MemberList = z.object({ members: z.array(Member) });
