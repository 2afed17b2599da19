/** Private sessions (e.g. supervision) as they appear in a participant's own session lists. */
export const privateSessionsMessages = {
  /** Neutral titles by purpose; never the agenda or anyone's name. */
  titles: {
    supervision: 'Supervision session',
  },
  private: 'Private',
  onlyYou: 'Only the people in this meeting can see it',
  cancelledNote: 'This meeting is cancelled.',
  open: 'See details',
  openLabel: 'See details of {{title}}, {{when}}',
};
