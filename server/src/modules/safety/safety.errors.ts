import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Safety's error codes; written for staff and members who may be under strain: plain, kind, what to do next. */
export const SafetyErrors = {
  caseNotFound: () => CommonErrors.notFound('That case'),
  notSafetyStaff: () =>
    new AppError('forbidden', 403, 'The safety dashboard is for moderators, clinicians and admins. If you are worried about someone, please tell a moderator, or use "Talk to someone now".'),
  notShiftWorker: () => new AppError('forbidden', 403, 'On-call shifts are kept by moderators and clinicians. If you would like to join the rota, please ask an admin.'),
  notAdmin: () => new AppError('forbidden', 403, 'Only admins can change safety settings. Please ask an admin of your organization.'),
  caseResolved: () => new AppError('case_resolved', 409, 'This case has already been closed with an outcome. Please reload to see where it stands.'),
  caseAcknowledged: () => new AppError('case_acknowledged', 409, 'Someone has already acknowledged this case. Please reload to see who is with them.'),
  personNotFound: () => new AppError('not_found', 404, 'That person could not be found in this organization. Please check who the concern is about.'),
  invalidRaise: (fields: { path: string; message: string }[]) =>
    new AppError('validation_failed', 422, 'Some details of this safety concern are missing or not valid. Please check them and try again.', fields),
  screenerCaseNotFound: () =>
    new AppError('not_found', 404, 'That case could not be found. You can still answer the questions without it.', [{ path: 'caseId', message: 'Unknown case.' }]),
};
