import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Errors of the services directory; each message says what to do next. */
export const DirectoryErrors = {
  serviceNotFound: () => CommonErrors.notFound('This service'),
  suggestionNotFound: () => CommonErrors.notFound('This suggestion'),
  unknownPlace: () =>
    new AppError('validation_failed', 422, 'We do not know that postcode or town yet. Please try a nearby town, or the first part of your postcode (such as 05401, SW1A or D02).', [
      { path: 'near', message: 'Unknown postcode or town.' },
    ]),
  cannotImport: () => new AppError('forbidden', 403, 'Only admins can import the directory. Please ask an admin, or suggest a correction on a service instead.'),
  cannotReview: () => new AppError('forbidden', 403, 'Only moderators and admins review suggestions. Thank you for wanting to help keep the directory right.'),
  alreadyDecided: () => new AppError('conflict', 409, 'Someone has already decided on this suggestion. Please reload the list.'),
};
