import { AppError } from '../../platform/errors.ts';

/** Errors of the groups module; every message says what to do next. */
export const GroupErrors = {
  agreementsRequired: () =>
    new AppError('agreements_required', 422, 'Please read the group agreements and tick to accept them, then join again.', [
      { path: 'acceptAgreements', message: 'Please accept the group agreements.' },
    ]),
  groupFull: () =>
    new AppError('group_full', 409, 'This group is full right now. You could look for another group on the same topic, or check back later when a place opens.'),
  alreadyMember: () => new AppError('already_member', 409, 'You are already a member of this group. You can find it under My groups.'),
  alreadyActive: () => new AppError('already_member', 409, 'That person is already a member of this group.'),
  certificateRequired: () =>
    new AppError('certificate_required', 403, 'Leading a group needs a current Group facilitator certificate. The training page shows what is left to do.'),
  lastFacilitator: () =>
    new AppError('last_facilitator', 409, 'A group needs at least one facilitator. Please make someone else facilitator first, then try again.'),
  archived: () => new AppError('group_archived', 409, 'This group has been archived, so it cannot change. You can look for an active group instead.'),
  venueRequired: () =>
    new AppError('validation_failed', 422, 'In-person and hybrid groups need a venue, so people know where to go.', [
      { path: 'venue', message: 'Please add the venue name, address and location.' },
    ]),
  noRequest: () => new AppError('not_found', 404, 'That join request could not be found. It may already have been answered, or withdrawn.'),
  notAMember: () => new AppError('not_found', 404, 'That person is not a member of this group. Please refresh the member list.'),
  cannotRemoveSelf: () =>
    new AppError('cannot_remove_self', 409, 'You cannot remove yourself from a group. If you would like to step away, you can leave the group instead.'),
  notMember: () => new AppError('not_member', 409, 'You are not a member of this group, so there is nothing to leave.'),
};
