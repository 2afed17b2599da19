import type { ChatMessage } from '@hearth/contracts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import { presentPublicProfile } from '../accounts/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { ConversationWithPeople, MessageWithAuthor, UserRow } from './chat.repo.ts';
import { canCloseConversation, canRespondToConversation } from './chat.policy.ts';
import type { Conversation } from './chat.schemas.ts';

/**
 * A stored message as every client sees it. A deleted message is a tombstone: its words are gone, its place stays.
 * A message hidden by moderation keeps its place without its words; `reveal` is for reviewers (safety, moderation).
 */
export function presentMessage(row: MessageWithAuthor, cipher: FieldCipher, opts: { reveal?: boolean; plain?: string } = {}): ChatMessage {
  const hidden = row.hiddenAt !== null && row.hiddenAt !== undefined;
  return {
    id: row.id,
    roomId: row.roomId,
    seq: row.seq,
    clientId: row.clientId,
    author: row.authorId ? { id: row.authorId, displayName: row.authorName ?? '' } : null,
    // `plain`: the words just encrypted into this row (the send path), so they are not decrypted straight back.
    body: row.deletedAt || row.bodyCiphertext === '' || (hidden && !opts.reveal) ? '' : (opts.plain ?? cipher.decrypt(row.bodyCiphertext)),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    ...(hidden ? { hidden: true } : {}),
  };
}

/** A one-to-one conversation from the caller's side, with what they may do next. */
export function presentConversation(row: ConversationWithPeople, actor: Pick<Actor, 'userId'>, cipher: FieldCipher): Conversation {
  return {
    id: row.id,
    status: row.status,
    member: row.member,
    supporter: row.supporter,
    intro: row.introCiphertext ? cipher.decrypt(row.introCiphertext) : null,
    roomId: row.roomId,
    myRole: row.supporterId === actor.userId ? 'supporter' : 'member',
    createdAt: row.createdAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    abilities: {
      accept: canRespondToConversation(actor, row),
      decline: canRespondToConversation(actor, row),
      close: canCloseConversation(actor, row),
      chat: row.roomId !== null && (row.status === 'accepted' || row.status === 'closed'),
    },
  };
}

/** A peer supporter as anyone in their organization may see them: never their login pseudonym, e-mail or location. */
export function presentSupporter(user: UserRow) {
  return presentPublicProfile(user);
}
