import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Errors of events and webinars; each message says what to do next. */
export const EventErrors = {
  notFound: () => CommonErrors.notFound('This event'),
  cannotOrganize: () => new AppError('forbidden', 403, 'Only facilitators, moderators, clinicians and admins can publish or change events. Please ask one of them.'),
  full: () => new AppError('event_full', 409, 'This event is full and has no waitlist. Please look out for the next one, or watch the recording afterwards if there is one.'),
  closed: () => new AppError('registration_closed', 409, 'Registration for this event has closed, because it has started, finished or been cancelled.'),
  endsBeforeStart: () =>
    new AppError('validation_failed', 422, 'The end time needs to be after the start time. Please check both times.', [{ path: 'endsAt', message: 'Must be after the start.' }]),
  inThePast: () => new AppError('validation_failed', 422, 'That time has already passed. Please choose a time in the future.', [{ path: 'startsAt', message: 'Please choose a future time.' }]),
  notRegistered: () => CommonErrors.notFound('Your registration'),
};
