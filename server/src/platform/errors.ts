/** A field-level problem in a request, shown next to the field it belongs to. */
export type FieldProblem = { path: string; message: string };

/**
 * The one error type. `message` is read by people who may be in distress: plain, kind, and saying what to do next.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

/** Errors shared by every module. Modules declare their own next to their service. */
export const CommonErrors = {
  unauthenticated: () => new AppError('unauthenticated', 401, 'Please sign in to continue. Your draft is kept on this device.'),
  forbidden: () => new AppError('forbidden', 403, 'Your account cannot do this. If you think it should, please ask a facilitator or admin.'),
  notFound: (what = 'This page') =>
    new AppError('not_found', 404, `${what} could not be found. It may have been removed, or you may not have access to it.`),
  csrf: () =>
    new AppError('csrf_failed', 403, 'For your safety we could not confirm this request came from Hearth. Please reload the page and try again; your draft is kept.'),
  rateLimited: () => new AppError('rate_limited', 429, 'That was a lot of attempts in a short time. Please wait a minute and try again.'),
  conflict: (message: string) => new AppError('conflict', 409, message),
  unavailable: () =>
    new AppError('unavailable', 503, 'Hearth is having trouble reaching its database. Nothing you sent is lost; please try again in a moment.'),
};
