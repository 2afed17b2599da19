import { AppError, CommonErrors } from '../../platform/errors.ts';
import { CARD_LIMITS } from './rewards.policy.ts';

/** Errors of rewards and thank-you cards; each message says what to do next. */
export const RewardErrors = {
  cannotSendCards: () => new AppError('forbidden', 403, 'Thank-you cards are sent by peer supporters and facilitators. You can still thank someone with a reaction or a kind reply.'),
  recipientNotFound: () => CommonErrors.notFound('This person'),
  unknownTemplate: () =>
    new AppError('validation_failed', 422, 'Please choose one of the card messages.', [{ path: 'template', message: 'Please choose one of the card messages.' }]),
  tooManyToday: () =>
    new AppError('rate_limited', 429, `You have sent ${CARD_LIMITS.perDay} cards today, which is the daily limit. Please send more tomorrow; your kindness will keep.`),
  alreadyThisWeek: () =>
    new AppError('rate_limited', 429, 'You already sent this person a card this week. Please wait a few days before sending another, so each one stays special.'),
};
