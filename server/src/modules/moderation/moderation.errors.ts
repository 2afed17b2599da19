import { AppError, CommonErrors } from '../../platform/errors.ts';

/**
 * Moderation's error codes. People read these at a hard moment: plain, kind, and what to do next. Nothing they typed is
 * lost: the app keeps the draft.
 */
export const ModerationErrors = {
  contentNotFound: () => CommonErrors.notFound('That message or post'),
  itemNotFound: () => CommonErrors.notFound('That review item'),
  personNotFound: () => CommonErrors.notFound('That person'),
  actionNotFound: () => CommonErrors.notFound('That moderation decision'),
  appealNotFound: () => CommonErrors.notFound('That appeal'),
  sessionNotFound: () => CommonErrors.notFound('That session'),
  wordNotFound: () => CommonErrors.notFound('That watched word'),
  alreadyFlagged: () =>
    new AppError('already_flagged', 409, 'You have already reported this for that reason. Thank you: a moderator will look at it, and we will tell you what they decided.'),
  cannotFlagOwn: () => new AppError('cannot_flag_own', 422, 'You cannot report your own words. If you would like them gone, you can delete them.'),
  otherNeedsText: () =>
    new AppError('validation_failed', 422, 'Please tell us a little about what is wrong, so a moderator knows what to look for.', [
      { path: 'note', message: 'A few words help the moderator.' },
    ]),
  alreadyResolved: () => new AppError('already_resolved', 409, 'Another moderator has already decided this one. Please reload the queue to see where it stands.'),
  durationNeeded: () =>
    new AppError('validation_failed', 422, 'Please choose how long this should last.', [{ path: 'durationHours', message: 'Choose a length of time.' }]),
  cannotActOnSelf: () => new AppError('cannot_act_on_self', 403, 'You cannot moderate your own content or account. Please ask another moderator.'),
  alreadyAppealed: () =>
    new AppError('already_appealed', 409, 'You have already appealed this decision. A different moderator will look at it, and we will let you know what they decide.'),
  notAppealable: () => new AppError('not_appealable', 422, 'This decision cannot be appealed here. If you think something went wrong, please contact your organization.'),
  sameModerator: () =>
    new AppError('same_moderator', 403, 'A different moderator must decide this appeal, so that every appeal gets a fresh pair of eyes.'),
  appealDecided: () => new AppError('appeal_decided', 409, 'This appeal has already been decided. Please reload to see the outcome.'),
  wordExists: () =>
    new AppError('word_exists', 409, 'That word or phrase is already on the list. You can change its action instead.', [{ path: 'pattern', message: 'Already watched.' }]),
  cannotBlockSelf: () => new AppError('validation_failed', 422, 'You cannot block or mute yourself.', [{ path: 'userId', message: 'Choose someone else.' }]),
  notInSession: () => new AppError('not_in_session', 422, 'That person is not part of this session.', [{ path: 'userId', message: 'Choose someone in this session.' }]),

  // The message path: said to the author before anything is stored, with the draft kept.
  muted: (until: Date) =>
    new AppError('muted', 403, `A moderator has paused your posting until ${until.toISOString()}. You can still read along. If you need support right now, "Get help now" is always there.`),
  suspended: () =>
    new AppError('suspended', 403, 'Your account is paused for now, so you cannot post or sign in. If you need support right now, "Get help now" on the sign-in page lists people you can call.'),
  banned: () =>
    new AppError('banned', 403, 'This account can no longer use this community. If you need support right now, "Get help now" on the sign-in page lists people you can call.'),
  sessionMuted: () =>
    new AppError('session_muted', 403, 'The facilitator has paused your messages for the rest of this session. You can still read along, and reach a peer supporter one to one at any time.'),
  blockedWord: () =>
    new AppError('blocked_word', 422, 'This community does not allow one of the words in your message. Your draft is kept: please reword it and send again.', [
      { path: 'body', message: 'Please reword this.' },
    ]),
  profanityBlocked: () =>
    new AppError('profanity_blocked', 422, 'This community asks people to leave out strong language. Your draft is kept: please reword it and send again.', [
      { path: 'body', message: 'Please reword this.' },
    ]),
  newMemberLink: () =>
    new AppError('new_member_link', 422, 'New members can share links once they have been around a little longer. Your draft is kept: please send it without the link.', [
      { path: 'body', message: 'Please remove the link.' },
    ]),
  asksForContact: () =>
    new AppError(
      'asks_for_contact',
      422,
      'Peer supporters cannot ask for phone numbers, e-mail addresses, social media or meetings outside Hearth: it keeps everyone safe and anonymous. Your draft is kept.',
      [{ path: 'body', message: 'Please remove the request for contact details.' }],
    ),
  tooFast: () =>
    new AppError('rate_limited', 429, 'You are sending messages quickly. Please wait a moment and send again; your draft is kept. If you need support right now, "Get help now" is always there.'),
  blockedByPerson: () =>
    new AppError('not_available', 403, 'This peer supporter is not available to you. Please choose someone else from the list.'),
};
