import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Chat's error codes. Each message is for a person who may be having a hard time: plain, kind, and what to do next. */
export const ChatErrors = {
  roomNotFound: () => CommonErrors.notFound('This chat room'),
  messageNotFound: () => CommonErrors.notFound('That message'),
  conversationNotFound: () => CommonErrors.notFound('That conversation'),
  supporterNotFound: () =>
    new AppError('not_found', 404, 'That peer supporter could not be found. They may no longer be available; please choose someone else from the list.', [
      { path: 'supporterId', message: 'Please choose a peer supporter from the list.' },
    ]),
  roomClosed: () =>
    new AppError('room_closed', 403, 'This live room is closed right now. It opens 15 minutes before the session starts and closes when it ends; please come back then.'),
  groupArchived: () =>
    new AppError('group_archived', 403, 'This group has been archived, so its chat can be read but not added to. You can find other groups to join on the groups page.'),
  conversationClosed: () =>
    new AppError('conversation_closed', 403, 'This conversation has been closed, so new messages cannot be sent. You can ask a peer supporter for a new conversation at any time.'),
  notYourMessage: () => new AppError('not_your_message', 403, 'You can only change messages you wrote yourself.'),
  messageDeleted: () => new AppError('message_deleted', 409, 'This message was already deleted, so it cannot be changed. Please reload to see the latest.'),
  conversationExists: () =>
    new AppError('conversation_exists', 409, 'You already have a conversation with this peer supporter that is waiting or under way. You can find it under your conversations.'),
  conversationAnswered: () =>
    new AppError('conversation_answered', 409, 'This request has already been answered, so it cannot be changed now. Please reload to see where it stands.'),
  certificateRequired: () =>
    new AppError('certificate_required', 403, 'Taking one-to-one requests needs a current Peer supporter certificate. Your training page shows what is left to do; you can decline so the member can ask someone else.'),
  conversationEnded: () => new AppError('conversation_ended', 409, 'This conversation has already ended. Please reload to see where it stands.'),
};
