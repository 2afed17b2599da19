import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Supervision error codes: plain, kind, and what to do next. */
export const SupervisionErrors = {
  activityNotFound: () => CommonErrors.notFound('That activity'),
  conversationNotFound: () => CommonErrors.notFound('That conversation'),
  personNotFound: (path: string) =>
    new AppError('not_found', 404, 'That person could not be found in this organization. Please choose them again.', [{ path, message: 'Please choose someone from your organization.' }]),
  notAdmin: () => new AppError('forbidden', 403, 'Supervisors are assigned by admins. Please ask an admin of your organization.'),
  notSupervisor: () => new AppError('forbidden', 403, 'This is for supervisors. If you supervise peer supporters, please ask an admin to assign them to you.'),
  notSupervisorOf: () =>
    new AppError('not_found', 404, 'That supporter could not be found among the people you supervise. Please ask an admin if they should be assigned to you.', [{ path: 'supporterId', message: 'Not one of your supporters.' }]),
  cannotSupervise: () =>
    new AppError('validation_failed', 422, 'Supervisors are clinicians or senior supporters who hold a current Peer supporter certificate. Please choose someone else.', [{ path: 'supervisorId', message: 'Choose a clinician or a certified supporter.' }]),
  selfSupervision: () => new AppError('validation_failed', 422, 'A person cannot supervise themselves. Please choose another supervisor.', [{ path: 'supervisorId', message: 'Choose someone else.' }]),
  alreadyAssigned: () => new AppError('conflict', 409, 'This supervisor is already assigned to this supporter.'),
  alreadyLogged: () => new AppError('conflict', 409, 'You have already logged this conversation. You can find the entry in your activity log.'),
  conversationNotOver: () =>
    new AppError('conversation_open', 409, 'Only conversations you supported that have ended can be logged from chat. You can still log the activity by hand.'),
  alreadyReviewed: () => new AppError('conflict', 409, 'This entry has already been signed off. Please reload to see the latest.'),
  notReviewable: () => new AppError('forbidden', 403, 'Only the supporter’s assigned supervisor can sign off their hours.'),
  notYourConversation: () => new AppError('forbidden', 403, 'Only the person who asked for the conversation can rate it.'),
  alreadyRated: () => new AppError('conflict', 409, 'Thank you, you have already shared feedback on this conversation.'),
  inFuture: () => new AppError('validation_failed', 422, 'An activity cannot be in the future. Please check the date and time.', [{ path: 'occurredAt', message: 'Please use a past date and time.' }]),
  meetingInPast: () => new AppError('validation_failed', 422, 'Please schedule the session for a time in the future.', [{ path: 'startsAt', message: 'Please use a future date and time.' }]),
  meetingNotFound: () => CommonErrors.notFound('That supervision session'),
  notMeetingHost: () => new AppError('forbidden', 403, 'Only the supervisor who arranged this session can move it. You can cancel it, or ask them to choose another time.'),
};
