import { z } from 'zod';

/** Supportive reactions only: there is no downvote and no score. */
export const REACTION_KINDS = ['hug', 'thank_you', 'me_too'] as const;
export const ReactionKind = z.enum(REACTION_KINDS, { error: 'Reactions can be hug, thank_you or me_too.' });
export type ReactionKind = z.infer<typeof ReactionKind>;

export const LIMITS = { title: 150, body: 10_000, contentNote: 80, boardName: 80, boardDescription: 500 } as const;

const Title = z
  .string({ error: 'Please give your thread a title.' })
  .trim()
  .min(1, 'Please give your thread a title.')
  .max(LIMITS.title, `Please keep the title to ${LIMITS.title} characters or fewer.`);

const Body = z
  .string({ error: 'Please write something before posting.' })
  .trim()
  .min(1, 'Please write something before posting.')
  .max(LIMITS.body, `Please keep a post to ${LIMITS.body.toLocaleString('en')} characters or fewer; you could split it into two.`);

/** A short note such as "mentions self-harm" or "grief"; an empty note means none. */
const ContentNote = z
  .string()
  .trim()
  .max(LIMITS.contentNote, `Please keep the content note to ${LIMITS.contentNote} characters or fewer, such as "grief" or "mentions self-harm".`)
  .nullable()
  .transform((v) => (v ? v : null));

export const CreateBoardBody = z.object({
  name: z.string().trim().min(1, 'Please give the board a name.').max(LIMITS.boardName, `Please keep the name to ${LIMITS.boardName} characters or fewer.`),
  slug: z
    .string()
    .trim()
    .min(2, 'Please use at least 2 characters.')
    .max(64, 'Please use 64 characters or fewer.')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and single dashes, like "everyday-wins".')
    .optional(),
  description: z.string().trim().max(LIMITS.boardDescription, `Please keep the description to ${LIMITS.boardDescription} characters or fewer.`).optional(),
});
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;

export const CreateThreadBody = z.object({ title: Title, body: Body, contentNote: ContentNote.optional() });
export type CreateThreadBody = z.infer<typeof CreateThreadBody>;

export const CreatePostBody = z.object({ body: Body, contentNote: ContentNote.optional() });
export type CreatePostBody = z.infer<typeof CreatePostBody>;

export const EditPostBody = z
  .object({ body: Body.optional(), contentNote: ContentNote.optional() })
  .refine((v) => v.body !== undefined || v.contentNote !== undefined, { message: 'Please change the post or its content note before saving.', path: ['body'] });
export type EditPostBody = z.infer<typeof EditPostBody>;

export const ThreadsQuery = z.object({
  cursor: z.uuid('That page link is not valid. Please go back to the start of the list.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const PostsQuery = z.object({
  cursor: z.uuid('That page link is not valid. Please go back to the start of the thread.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PageQuery = { cursor?: string; limit: number };

export const Author = z.object({ id: z.string(), displayName: z.string() }).nullable();
export const ReactionCounts = z.object({ hug: z.number().int(), thank_you: z.number().int(), me_too: z.number().int() });
export type ReactionCounts = z.infer<typeof ReactionCounts>;

export const ForumBoard = z.object({
  id: z.string(),
  kind: z.enum(['public', 'group']),
  groupId: z.string().nullable(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  threadCount: z.number().int(),
  lastActivityAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ post: z.boolean() }),
});
export type ForumBoard = z.infer<typeof ForumBoard>;

export const ForumThread = z.object({
  id: z.string(),
  boardId: z.string(),
  title: z.string(),
  author: Author,
  /** The opening post's content note, so a list can warn before anyone opens the thread. */
  contentNote: z.string().nullable(),
  replyCount: z.number().int(),
  /** Held by the safety check until a person looks; only its author and reviewers see it. */
  heldForReview: z.boolean(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  abilities: z.object({ reply: z.boolean() }),
});
export type ForumThread = z.infer<typeof ForumThread>;

export const ForumPost = z.object({
  id: z.string(),
  threadId: z.string(),
  author: Author,
  body: z.string(),
  /** When set, the web keeps the post collapsed until the reader chooses to open it. */
  contentNote: z.string().nullable(),
  isOpening: z.boolean(),
  heldForReview: z.boolean(),
  removed: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  reactions: ReactionCounts,
  myReactions: z.array(ReactionKind),
  abilities: z.object({ reply: z.boolean(), edit: z.boolean(), delete: z.boolean(), react: z.boolean() }),
});
export type ForumPost = z.infer<typeof ForumPost>;

export const BoardList = z.object({ boards: z.array(ForumBoard) });
export const ThreadPage = z.object({ threads: z.array(ForumThread), nextCursor: z.string().nullable() });
export const ThreadView = z.object({ board: ForumBoard, thread: ForumThread, posts: z.array(ForumPost), nextCursor: z.string().nullable() });
/** Only for the author, right after posting: their private card, and whether the post is held for review. */
export const SafetyNotice = z.object({ card: z.enum(['concern', 'urgent']), aboutSomeoneElse: z.boolean(), held: z.boolean().optional(), notice: z.string().optional() });
/** Only for the author: moderation held the post for review, or removed contact details or strong words. */
export const ModerationNotice = z.object({ kind: z.enum(['held', 'redacted', 'censored']), message: z.string() });
export const CreatedThread = ThreadView.extend({ safety: SafetyNotice.optional(), moderation: ModerationNotice.optional() });
export const CreatedPost = ForumPost.extend({ safety: SafetyNotice.optional(), moderation: ModerationNotice.optional() });
export type ThreadView = z.infer<typeof ThreadView>;
export const ReactionState = z.object({ postId: z.string(), reactions: ReactionCounts, myReactions: z.array(ReactionKind) });
export const DeletedPost = z.object({ ok: z.literal(true), threadRemoved: z.boolean() });
