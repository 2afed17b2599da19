import { AppError, CommonErrors } from '../../platform/errors.ts';

/** Errors of the resource library; each message says what to do next. */
export const ResourceErrors = {
  notFound: () => CommonErrors.notFound('This resource'),
  cannotManage: () =>
    new AppError('forbidden', 403, 'Only moderators, clinicians and admins can add or change library resources. If something here needs fixing, please tell a moderator.'),
  starterReadOnly: () =>
    new AppError('forbidden', 403, 'This item belongs to the starter library that every organization shares, so it cannot be changed here. You can add your own version instead.'),
  slugTaken: () =>
    new AppError('conflict', 409, 'Another resource already uses that web address. Please choose a different short name.', [{ path: 'slug', message: 'Already in use.' }]),
  unsupportedMedia: () =>
    new AppError('unsupported_media', 415, 'That file type is not supported. Please upload MP3, OGG, WAV or M4A audio, MP4 or WebM video, or a PDF.'),
  noMedia: () => CommonErrors.notFound('This file'),
  groupNotFound: () => CommonErrors.notFound('This group'),
  collectionNotFound: () => CommonErrors.notFound('This collection'),
  starterCollectionReadOnly: () =>
    new AppError('forbidden', 403, 'This collection belongs to the starter library that every organization shares, so it cannot be changed here. You can make your own collection instead.'),
  collectionSlugTaken: () =>
    new AppError('conflict', 409, 'Another collection already uses that name. Please choose a different title.', [{ path: 'title', message: 'Already in use.' }]),
  unknownResources: (positions: number[]) =>
    new AppError(
      'validation_failed',
      422,
      'Some of the chosen resources could not be found. Please choose them again from the library.',
      positions.map((i) => ({ path: `resourceIds.${i}`, message: 'This resource could not be found.' })),
    ),
};
