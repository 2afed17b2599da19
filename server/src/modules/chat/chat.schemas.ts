import { z } from 'zod';
import { ChatMessage } from '@hearth/contracts';

export { ChatMessage };

export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_PAGE = 100;

const MessageBody = z
  .string()
  .trim()
  .min(1, 'Please write something before sending.')
  .max(MAX_MESSAGE_LENGTH, `Messages can be up to ${MAX_MESSAGE_LENGTH} characters. You could split this into two messages; your words are kept.`);

export const RoomParams = z.object({ id: z.uuid('That room link does not look right.') });
export const MessageParams = z.object({ id: z.uuid('That room link does not look right.'), messageId: z.uuid('That message link does not look right.') });
export const GroupParams = z.object({ id: z.uuid('That group link does not look right.') });
export const SessionParams = z.object({ id: z.uuid('That session link does not look right.') });
export const ConversationParams = z.object({ id: z.uuid('That conversation link does not look right.') });

export const PostMessageBody = z.object({
  clientId: z.string().trim().min(1, 'A message id from the app is needed.').max(64),
  body: MessageBody,
});
export type PostMessageBody = z.infer<typeof PostMessageBody>;

export const EditMessageBody = z.object({ body: MessageBody });
export type EditMessageBody = z.infer<typeof EditMessageBody>;

const Cursor = z.coerce.number().int().min(0, 'Use a message number of 0 or more.');

export const HistoryQuery = z
  .object({
    before: Cursor.optional(),
    after: Cursor.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  })
  .refine((q) => q.before === undefined || q.after === undefined, { message: 'Ask for messages before or after a point, not both.', path: ['after'] });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const MessagePage = z.object({
  /** Oldest first. */
  messages: z.array(ChatMessage),
  /** True when there are more messages beyond this page in the direction asked. */
  hasMore: z.boolean(),
  lastSeq: z.number().int(),
});

export const RoomKind = z.enum(['group', 'session', 'direct', 'on_demand']);

export const Room = z.object({
  roomId: z.string(),
  kind: RoomKind,
  /** Group name, session title, or the other person's display name. */
  title: z.string(),
  groupId: z.string().nullable(),
  sessionId: z.string().nullable(),
  conversationId: z.string().nullable(),
  open: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  lastSeq: z.number().int(),
  abilities: z.object({ read: z.boolean(), post: z.boolean() }),
});
export type Room = z.infer<typeof Room>;

export const Person = z.object({ id: z.string(), displayName: z.string(), pronouns: z.string().nullable() });

export const Supporter = z.object({
  id: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  role: z.string(),
  languages: z.array(z.string()),
  interests: z.array(z.string()),
});

export const SupporterList = z.object({ supporters: z.array(Supporter) });

export const RequestConversationBody = z.object({
  supporterId: z.uuid('Please choose a peer supporter from the list.'),
  intro: z
    .string()
    .trim()
    .min(1, 'A few words about what you would like to talk about help your peer supporter. One line is enough.')
    .max(1000, 'Please keep this to 1000 characters; you can say more once the conversation starts.'),
});
export type RequestConversationBody = z.infer<typeof RequestConversationBody>;

export const ConversationStatus = z.enum(['pending', 'accepted', 'declined', 'closed']);

export const Conversation = z.object({
  id: z.string(),
  status: ConversationStatus,
  member: Person,
  supporter: Person,
  /** The member's opening words (decrypted for the two participants only). */
  intro: z.string().nullable(),
  roomId: z.string().nullable(),
  /** Which side of the conversation the caller is on. */
  myRole: z.enum(['member', 'supporter']),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
  abilities: z.object({ accept: z.boolean(), decline: z.boolean(), close: z.boolean(), chat: z.boolean() }),
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationList = z.object({ conversations: z.array(Conversation) });

/** A sent message; `safety` is only for the sender: their private card when the safety check was worried. */
export const PostedMessage = ChatMessage.extend({
  safety: z.object({ card: z.enum(['concern', 'urgent']), aboutSomeoneElse: z.boolean() }).optional(),
  /** Only for the sender: moderation held the message for review, or removed contact details or strong words. */
  moderation: z.object({ kind: z.enum(['held', 'redacted', 'censored']), message: z.string() }).optional(),
});
