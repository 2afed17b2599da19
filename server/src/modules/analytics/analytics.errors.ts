import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Analytics' error codes: plain, kind, and saying what to do next. */
export const AnalyticsErrors = {
  notAllowed: () => new AppError('forbidden', 403, 'Program analytics are for facilitators, clinicians and admins. If you need them for your work, please ask an admin.'),
  notAdmin: () => new AppError('forbidden', 403, 'Only admins can change programs and analytics settings. Please ask an admin of your organization.'),
  programNotFound: () => CommonErrors.notFound('That program'),
  groupNotFound: () => CommonErrors.notFound('That group'),
  unknownGroups: () =>
    new AppError('validation_failed', 422, 'Some of those groups are not in your organization. Please choose groups from the list.', [{ path: 'groupIds', message: 'Choose groups from the list.' }]),
};
