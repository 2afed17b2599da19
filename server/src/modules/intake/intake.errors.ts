import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Intake's error codes, written for people who may be having a hard time. */
export const IntakeErrors = {
  conversationNotFound: () => CommonErrors.notFound('That conversation'),
  profileNotFound: () => CommonErrors.notFound('Your intake profile'),
  placeUnknown: () =>
    new AppError('validation_failed', 422, 'We could not find that place. Please try a nearby city, or leave it empty; everything else is saved as you wrote it.', [
      { path: 'place', message: 'Try a nearby city or the first part of your postcode, or leave this empty.' },
    ]),
};
