import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Training and certification error codes: plain, kind, and saying what to do next. */
export const TrainingErrors = {
  courseNotFound: () => CommonErrors.notFound('That course'),
  lessonNotFound: () => CommonErrors.notFound('That lesson'),
  mediaNotFound: () => CommonErrors.notFound('That file'),
  certificateNotFound: () => CommonErrors.notFound('That certificate'),
  personNotFound: () =>
    new AppError('not_found', 404, 'That person could not be found in this organization. Please check and choose them again.', [{ path: 'userId', message: 'Please choose someone from your organization.' }]),
  notAuthor: () => new AppError('forbidden', 403, 'Courses are written by admins, clinicians and certified trainers. If you would like to help write training, please ask an admin.'),
  notAdmin: () => new AppError('forbidden', 403, 'Only admins can do this. Please ask an admin of your organization.'),
  wrongLessonKind: (kind: string) => new AppError('wrong_lesson_kind', 409, `This lesson is a ${kind} lesson, so it cannot be answered that way. Please reload the lesson.`),
  unknownStep: () =>
    new AppError('validation_failed', 422, 'That part of the practice conversation could not be found. Please reload the lesson; your reply is kept.', [{ path: 'nodeId', message: 'Please reload the conversation.' }]),
  roleplayFinished: () => new AppError('roleplay_finished', 409, 'This practice conversation has already ended. You can start it again from the beginning.'),
  roleplayStarted: (trainees: number) =>
    new AppError(
      'roleplay_started',
      409,
      `${trainees === 1 ? 'One person has' : `${trainees} people have`} already practised this role-play, so its steps cannot change without losing their saved replies. You can still change the wording. To change the steps, save your version as a new role-play: people who started keep the one they began.`,
      [{ path: 'content.roleplay', message: 'The steps of a role-play people have started cannot change. Please save it as a new role-play instead.' }],
    ),
  roleplayChanged: () =>
    new AppError('roleplay_changed', 409, 'This practice conversation was just updated by its author. Please reload the lesson; your reply is kept so you can send it again.'),
  invalidQuiz: (fields: { path: string; message: string }[]) =>
    new AppError('validation_failed', 422, 'Please answer every question before checking your answers.', fields),
  invalidContent: (fields: { path: string; message: string }[]) =>
    new AppError('validation_failed', 422, 'Some parts of this lesson are missing or not valid. Please check them and try again.', fields),
  fileTooLarge: (limitMb: number) =>
    new AppError('file_too_large', 413, `That file is larger than ${limitMb} MB. Please upload a smaller or compressed version.`),
  fileType: () =>
    new AppError('validation_failed', 422, 'That kind of file cannot be used. Please upload video (MP4, WebM), audio (MP3, M4A, OGG, WAV), PDF or plain text.', [{ path: 'file', message: 'Unsupported file type.' }]),
  noFile: () => new AppError('validation_failed', 422, 'Please choose a file to upload.', [{ path: 'file', message: 'Please choose a file.' }]),
  badRange: () => new AppError('range_not_satisfiable', 416, 'That part of the file does not exist. Please reload the player.'),
  notEligible: (missing: string[]) =>
    new AppError('not_eligible', 422, `You are not ready for this certificate yet: ${missing.join('; ')}. Your progress is saved, and your dashboard shows what is left.`, missing.map((m) => ({ path: 'kind', message: m }))),
  alreadyCertified: () => new AppError('already_certified', 409, 'You already hold this certificate and it is still valid. You can renew it when it gets close to its expiry date.'),
  certificateRevoked: () => new AppError('certificate_revoked', 409, 'This certificate has been revoked, so it cannot be changed. Please speak with an admin if you think this is a mistake.'),
  renewalNotReady: (needHours: number, haveHours: number) =>
    new AppError('renewal_not_ready', 422, `Renewal needs ${needHours} hours of continuing education since the certificate was issued or last renewed; you have ${haveHours}. Completing more courses adds hours.`, [{ path: 'ceHours', message: `${haveHours} of ${needHours} hours` }]),
};

/** Shown when a one-to-one request or group leadership needs a certificate the person does not hold. */
export const CERTIFICATE_REQUIRED = {
  oneToOne: 'Taking one-to-one requests needs a current Peer supporter certificate. Your training page shows what is left to do; the member can ask another supporter meanwhile.',
  leadGroups: 'Leading a group needs a current Group facilitator certificate. Your training page shows what is left to do.',
};
