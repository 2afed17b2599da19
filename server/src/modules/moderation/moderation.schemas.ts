import { z } from 'zod';
import { WARNING_TEMPLATES } from './moderation.copy.ts';

const Uuid = z.uuid({ message: 'must be a valid id' });
export const IdParams = z.object({ id: Uuid });
export type IdParams = z.infer<typeof IdParams>;

export const TargetKind = z.enum(['chat_message', 'forum_post', 'profile']);
export const FlagReason = z.enum(['harassment', 'hate', 'spam', 'personal_info', 'unsafe_advice', 'worried', 'other']);

export const FlagBody = z.object({
  targetKind: TargetKind,
  targetId: Uuid,
  reason: FlagReason,
  /** Required for "other"; optional otherwise. Encrypted at rest. */
  note: z.string().trim().min(1).max(1000).optional(),
  /** For "I'm worried about this person": they may be in danger right now. */
  urgent: z.boolean().optional(),
});
export type FlagBody = z.infer<typeof FlagBody>;

export const FlagReceipt = z.object({ flagId: z.string(), status: z.enum(['received', 'sent_to_safety']), hidden: z.boolean(), caseOpened: z.boolean() });

export const PrecheckBody = z.object({
  text: z.string().max(10_000),
  place: z.object({ groupId: Uuid.nullable().optional() }).optional(),
});
export type PrecheckBody = z.infer<typeof PrecheckBody>;
export const PrecheckResult = z.object({
  warnings: z.array(z.object({ kind: z.enum(['phone', 'email', 'address', 'handle', 'off_platform', 'harassment', 'link', 'asks_for_contact', 'watched_word']), message: z.string() })),
  willBe: z.enum(['sent', 'redacted', 'held', 'blocked']),
});

export const ReviewAction = z.enum(['dismiss', 'hide', 'ask_edit', 'warn', 'mute', 'suspend', 'ban']);
export type ReviewAction = z.infer<typeof ReviewAction>;
export const WarningTemplate = z.enum(Object.keys(WARNING_TEMPLATES) as [keyof typeof WARNING_TEMPLATES, ...(keyof typeof WARNING_TEMPLATES)[]]);

export const ActionBody = z.object({
  action: ReviewAction,
  reason: z.string().trim().min(3, 'Please give a short reason; it goes in the modlog.').max(500),
  template: WarningTemplate.optional(),
  /** For mute and suspend. */
  durationHours: z.number().int().min(1).max(24 * 365).optional(),
});
export type ActionBody = z.infer<typeof ActionBody>;

export const NoteBody = z.object({ body: z.string().trim().min(1).max(2000) });
export type NoteBody = z.infer<typeof NoteBody>;

export const AppealBody = z.object({ statement: z.string().trim().min(10, 'Please say a little about why (at least a sentence).').max(2000) });
export type AppealBody = z.infer<typeof AppealBody>;
export const DecideAppealBody = z.object({ decision: z.enum(['granted', 'denied']), note: z.string().trim().min(3).max(1000) });
export type DecideAppealBody = z.infer<typeof DecideAppealBody>;

export const TrustThreshold = z.object({ daysVisited: z.number().int().min(0).max(10_000), postsRead: z.number().int().min(0).max(1_000_000), reactionsReceived: z.number().int().min(0).max(100_000) });
export const SettingsBody = z.object({
  hideThreshold: z.number().int().min(1).max(100).optional(),
  piiAction: z.enum(['redact', 'hold']).optional(),
  profanityAction: z.enum(['allow', 'censor', 'flag', 'block']).optional(),
  premoderatePosts: z.number().int().min(0).max(50).optional(),
  trustThresholds: z.object({ member: TrustThreshold, trusted: TrustThreshold, helper: TrustThreshold }).optional(),
});
export type SettingsBody = z.infer<typeof SettingsBody>;
export const Settings = z.object({
  hideThreshold: z.number(),
  piiAction: z.enum(['redact', 'hold']),
  profanityAction: z.enum(['allow', 'censor', 'flag', 'block']),
  premoderatePosts: z.number(),
  trustThresholds: z.object({ member: TrustThreshold, trusted: TrustThreshold, helper: TrustThreshold }),
});
export const GroupSettingsBody = z.object({ premoderateNewMembers: z.boolean() });

export const WatchedWordBody = z.object({
  pattern: z.string().trim().min(2, 'Please enter at least two characters.').max(80).regex(/^[\p{L}\p{N}\s'*-]+$/u, 'Letters, numbers, spaces, apostrophes, hyphens and * only.'),
  action: z.enum(['block', 'require_approval', 'flag', 'censor']),
});
export type WatchedWordBody = z.infer<typeof WatchedWordBody>;
export const WatchedWordPatch = WatchedWordBody.pick({ action: true });
export const WatchedWord = z.object({ id: z.string(), pattern: z.string(), action: z.enum(['block', 'require_approval', 'flag', 'censor']), createdAt: z.string() });

export const BlockBody = z.object({ userId: Uuid, kind: z.enum(['block', 'mute']) });
export type BlockBody = z.infer<typeof BlockBody>;
export const BlockList = z.object({ blocks: z.array(z.object({ userId: z.string(), displayName: z.string(), kind: z.enum(['block', 'mute']), createdAt: z.string() })) });

export const TrustBody = z.object({ level: z.enum(['new', 'member', 'trusted', 'helper']), reason: z.string().trim().min(3).max(500) });
export type TrustBody = z.infer<typeof TrustBody>;
/** Nothing to report: posts read are counted by the server as they are delivered, so the app cannot inflate them. */
export const VisitBody = z.strictObject({});

export const SessionMuteBody = z.object({ userId: Uuid });
export const LiveRemoveParams = z.object({ roomId: Uuid, messageId: Uuid });
export const LiveReasonBody = z.object({ reason: z.string().trim().max(300).optional() });

export const LogQuery = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });
export const PublicLogQuery = z.object({ groupId: Uuid.optional() });
export const DashboardQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

const Person = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const QueueItem = z.object({
  id: z.string(),
  targetKind: TargetKind,
  targetId: z.string(),
  author: Person,
  score: z.number(),
  flagCount: z.number(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  autoReasons: z.array(z.string()),
  queuedAt: z.string(),
  editedAt: z.string().nullable(),
});
export const Queue = z.object({ items: z.array(QueueItem), openCount: z.number() });

export const ItemDetail = QueueItem.extend({
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  content: z.object({ title: z.string().nullable(), body: z.string(), roomId: z.string().nullable(), threadId: z.string().nullable(), deleted: z.boolean() }),
  context: z.array(z.object({ id: z.string(), author: Person, body: z.string(), createdAt: z.string(), hidden: z.boolean().optional(), target: z.boolean() })),
  flags: z.array(z.object({ id: z.string(), reason: FlagReason, note: z.string().nullable(), score: z.number(), outcome: z.string(), reporter: Person, createdAt: z.string() })),
  authorHistory: z.object({
    trustLevel: z.enum(['new', 'member', 'trusted', 'helper']).nullable(),
    strikes: z.number(),
    actions: z.array(z.object({ id: z.string(), action: z.string(), reason: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() })),
    notes: z.array(z.object({ id: z.string(), body: z.string(), author: Person, createdAt: z.string() })),
    mutedUntil: z.string().nullable(),
    suspendedUntil: z.string().nullable(),
    banned: z.boolean(),
  }),
  templates: z.record(z.string(), z.string()),
  abilities: z.object({ act: z.boolean(), note: z.boolean() }),
});

export const ModlogEntry = z.object({
  id: z.string(),
  action: z.string(),
  reason: z.string(),
  template: z.string().nullable(),
  moderator: Person,
  subject: Person,
  itemId: z.string().nullable(),
  groupId: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  appeal: z.object({ id: z.string(), status: z.string() }).nullable(),
});
export const Modlog = z.object({ entries: z.array(ModlogEntry), nextBefore: z.string().nullable() });
export const PublicLog = z.object({
  groupId: z.string().nullable(),
  days: z.number(),
  totals: z.record(z.string(), z.number()),
  /** `action` is the kind of decision (a code the app words for members); `reason` a category, never the moderator's words. */
  entries: z.array(z.object({ action: z.string(), reason: z.string(), date: z.string() })),
});

export const Notice = z.object({
  id: z.string(),
  kind: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  content: z
    .object({
      kind: TargetKind, id: z.string(), body: z.string(), roomId: z.string().nullable(), threadId: z.string().nullable(), hidden: z.boolean(),
      /** Where a chat message lives, so the app can link to it: the kind of room, its group and its session. */
      roomKind: z.string().nullable(), groupId: z.string().nullable(), sessionId: z.string().nullable(),
    })
    .nullable(),
  action: z.object({ id: z.string(), action: z.string(), reason: z.string(), expiresAt: z.string().nullable(), appeal: z.object({ status: z.string() }).nullable() }).nullable(),
  abilities: z.object({ appeal: z.boolean(), edit: z.boolean() }),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NoticeList = z.object({ notices: z.array(Notice) });

export const Standing = z.object({
  trustLevel: z.enum(['new', 'member', 'trusted', 'helper']),
  progress: z.object({ daysVisited: z.number(), postsRead: z.number(), reactionsReceived: z.number() }),
  next: z.object({ level: z.string(), daysVisited: z.number(), postsRead: z.number(), reactionsReceived: z.number() }).nullable(),
  restrictions: z.object({ mutedUntil: z.string().nullable(), noLinks: z.boolean(), slowerPosting: z.boolean() }),
  isModerator: z.boolean(),
});

export const Appeal = z.object({
  id: z.string(),
  actionId: z.string(),
  action: z.string(),
  actionReason: z.string(),
  statement: z.string(),
  status: z.enum(['pending', 'granted', 'denied']),
  createdAt: z.string(),
  abilities: z.object({ decide: z.boolean() }),
});
export const AppealList = z.object({ appeals: z.array(Appeal) });

export const Dashboard = z.object({
  days: z.number(),
  flagToAction: z.object({ medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable(), decided: z.number() }),
  openQueue: z.number(),
  upheldRate: z.number().nullable(),
  flags: z.object({ upheld: z.number(), dismissed: z.number(), pending: z.number(), worry: z.number() }),
  appeals: z.object({ pending: z.number(), granted: z.number(), denied: z.number() }),
});

export const MyDecisionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
export const MyDecisions = z.object({
  decisions: z.array(z.object({
    id: z.string(),
    action: z.string(),
    reason: z.string(),
    template: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
    appeal: z.object({ status: z.enum(['pending', 'granted', 'denied']), createdAt: z.string() }).nullable(),
    abilities: z.object({ appeal: z.boolean() }),
  })),
});
export const SessionMutes = z.object({ mutedUserIds: z.array(z.string()), people: z.array(z.object({ userId: z.string(), displayName: z.string() })) });

export const Ok = z.object({ ok: z.literal(true) });
