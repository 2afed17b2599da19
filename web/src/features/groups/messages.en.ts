/** English strings for a group's member list and removing someone from a group (leaders). */
export const groupMembersMessages = {
  remove: 'Remove from group',
  removeName: 'Remove from group: {{name}}',
  confirmTitle: 'Remove {{name}} from the group?',
  confirmBody: 'They will no longer see the group’s chat, board or sessions, and its live rooms close for them straight away. Hearth lets them know gently, without giving a reason.',
  rejoinOpen: 'This group is open, so they could join again later.',
  rejoinRequest: 'They could ask to join again, and the group’s leaders would decide.',
  rejoinInvite: 'They could come back only if someone invites them again.',
  confirm: 'Remove',
  removed: '{{name}} is no longer a member of the group.',
};
