import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Outcomes' error codes, written for a person who may be having a hard time: plain, kind, what to do next. */
export const OutcomesErrors = {
  sessionNotFound: () => CommonErrors.notFound('That session'),
  notAdmin: () => new AppError('forbidden', 403, 'Only admins can change how often questionnaires are offered. Please ask an admin of your organization.'),
  notResearchSteward: () => new AppError('forbidden', 403, 'The research export is for admins and clinicians. Please ask an admin of your organization.'),
  nudgeNotFound: () => CommonErrors.notFound('That note'),
};
