import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Notifications' error codes, written for someone who may be having a hard day: plain, kind, what to do next. */
export const NotificationErrors = {
  notFound: () => CommonErrors.notFound('That notification'),
  subscriptionNotFound: () => CommonErrors.notFound('Notifications for this browser'),
  badLink: () =>
    new AppError('not_found', 404, 'This unsubscribe link is not valid any more. You can change which e-mails you get in your notification settings after signing in.'),
  insecureEndpoint: () =>
    new AppError('validation_failed', 422, 'This browser gave a push address Hearth cannot use. Please try another browser, or keep notifications in the app and by e-mail.', [
      { path: 'endpoint', message: 'Push addresses must use https.' },
    ]),
};
