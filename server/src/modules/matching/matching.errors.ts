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
  onlyHostEnds: () => new AppError('forbidden', 403, 'Only the host can end this small group for everyone. You can leave it at any time.'),
  programNotFound: () => CommonErrors.notFound('That program'),
  notProgramStaff: () => new AppError('forbidden', 403, 'Programs are run by facilitators and admins. If you think you should manage this one, please ask an admin.'),
  programAssigned: () => new AppError('program_assigned', 409, 'This program has already been assigned to its groups, so it cannot change now. Please reload to see the groups.'),
  programClosed: () => new AppError('program_closed', 409, 'This program has already started, so it is not taking applications now. You can still find other groups that fit.'),
  programAssignedWithdraw: () =>
    new AppError('program_assigned', 409, 'The groups for this program have already been assigned, so the application cannot be withdrawn now. If your group is not right for you, you can leave it from its page at any time, or talk to its facilitator.'),
  applicationsClosed: () =>
    new AppError('applications_closed', 409, 'Applications for this program have closed. You can still find other groups that fit, and new programs are shown here as they open.'),
  programAssignedEdit: (fields: string[]) =>
    new AppError(
      'program_assigned',
      409,
      'People have already been placed in this program\'s groups, so only its name and description can change now. Meeting times are kept on each group\'s page, where its facilitators can move them.',
      fields.map((path) => ({ path, message: 'This can no longer change, because the groups have been assigned.' })),
    ),
  programEditProblems: (fields: { path: string; message: string }[]) => new AppError('validation_failed', 422, 'A few things need another look before the changes can be saved.', fields),
  notApplied: () => new AppError('not_applied', 409, 'You have no application to this program, so there is nothing to withdraw. You can apply while it is taking applications.'),
  profileNeeded: () =>
    new AppError('validation_failed', 422, 'Please tell us a little about what brings you here in your intake profile first, so we can find the group that fits you best.', [
      { path: 'profile', message: 'Fill in "what brings you here" in your intake profile.' },
    ]),
  groupsNotFound: (paths: string[]) =>
    new AppError('validation_failed', 422, 'Some of the chosen groups could not be found. Please choose groups from the list.', paths.map((path) => ({ path, message: 'Choose a group from the list.' }))),
  notAdmin: () => new AppError('forbidden', 403, 'Only admins can change matching settings. Please ask an admin of your organization.'),
  ratingNotYet: () => new AppError('rating_not_yet', 409, 'You can rate a conversation once a peer supporter has taken your request.'),
};
