import { AppError } from '../../platform/errors.ts';

/** Errors of the sessions module; every message says what to do next. */
export const SessionErrors = {
  cancelled: () =>
    new AppError('session_cancelled', 409, 'This session has been cancelled, so it cannot change. Please check the group page for the next one.'),
  ended: () => new AppError('session_ended', 409, 'This session has already finished. Please look at the group\'s upcoming sessions.'),
  full: () =>
    new AppError('session_full', 409, 'This session is full. You could choose another session of the group, or ask the facilitator whether a place might open.'),
  membersOnly: () => new AppError('members_only', 403, 'Only members of this group can do this. Please join the group first.'),
  wrongCode: () =>
    new AppError('check_in_code_wrong', 422, 'That code does not match this session. Please check the code shown at the venue and try again, or ask the facilitator to check you in.', [
      { path: 'code', message: 'That code does not match.' },
    ]),
  checkInClosed: () =>
    new AppError('check_in_closed', 409, 'Check-in opens 30 minutes before the session starts and closes when it ends. If you are at the venue, please ask the facilitator.'),
  notInPerson: () =>
    new AppError('not_in_person', 409, 'This group meets online only, so there is no venue check-in. You can join the live room instead.'),
  notAMember: () => new AppError('not_found', 404, 'That person is not a member of this group. Please check the member list.'),
  endsBeforeStart: () =>
    new AppError('validation_failed', 422, 'The end time needs to be after the start time. Please check both times.', [{ path: 'endsAt', message: 'Must be after the start.' }]),
  tooLong: () =>
    new AppError('validation_failed', 422, 'A session can last up to 12 hours. Please choose an earlier end time.', [{ path: 'endsAt', message: 'At most 12 hours after the start.' }]),
  inThePast: (path = 'startsAt') =>
    new AppError('validation_failed', 422, 'That time has already passed. Please choose a time in the future.', [{ path, message: 'Please choose a future time.' }]),
  badRange: () =>
    new AppError('validation_failed', 422, 'Please choose a date range where "to" comes after "from", no more than a year ahead.', [{ path: 'to', message: 'Please choose an earlier date.' }]),
  noOccurrences: () =>
    new AppError('validation_failed', 422, 'That pattern has no upcoming dates. Please check the start date and the repeat rule.', [{ path: 'rrule', message: 'No upcoming dates.' }]),
  feedNotFound: () =>
    new AppError('not_found', 404, 'This calendar link no longer works. You can make a new one from your Hearth calendar settings.'),
  privateCancelled: () => new AppError('session_cancelled', 409, 'This meeting has been cancelled, so it cannot change. You could arrange a new one instead.'),
  privateEnded: () => new AppError('session_ended', 409, 'This meeting has already finished, so it cannot change. You could arrange a new one instead.'),
};
