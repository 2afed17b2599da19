import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Matching's error codes, written for people who may be having a hard time. */
export const MatchingErrors = {
  requestNotFound: () => CommonErrors.notFound('That request'),
  roomNotFound: () => CommonErrors.notFound('That small group'),
  requestWaiting: () =>
    new AppError('request_waiting', 409, 'You already have a request waiting for a peer supporter. You can see where it stands on your request page, or withdraw it there.'),
  requestTaken: () => new AppError('request_taken', 409, 'Another peer supporter has already taken this request, or it has moved on. Thank you for offering; please reload the queue.'),
  requestClosed: () => new AppError('request_closed', 409, 'This request is no longer waiting, so it cannot be changed now. Please reload to see where it stands.'),
  certificationRequired: () =>
    new AppError('certification_required', 403, 'One-to-one requests are taken by certified peer supporters. Once your peer-supporter certificate is active, the queue will open for you.'),
  notSupporter: () => new AppError('forbidden', 403, 'This page is for peer supporters. If you think you should see it, please ask an admin.'),
  ratingNotYet: () => new AppError('rating_not_yet', 409, 'You can rate a conversation once a peer supporter has taken your request.'),
};
