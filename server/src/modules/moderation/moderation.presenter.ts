import { MODERATION_COPY, WARNING_TEMPLATES } from './moderation.copy.ts';
import type { ActionRow, ItemRow, NoticeRow } from './moderation.repo.ts';

/** An item as the queue shows it: never the words (the detail view fetches those). */
export function presentQueueItem(item: ItemRow, authorName: string | null, flagCount: number) {
  return {
    id: item.id,
    targetKind: item.targetKind,
    targetId: item.targetId,
    author: item.authorId ? { id: item.authorId, displayName: authorName ?? '' } : null,
    score: item.score,
    flagCount,
    hidden: item.hidden,
    hiddenReason: item.hiddenReason,
    autoReasons: item.autoReasons,
    queuedAt: item.queuedAt.toISOString(),
    editedAt: item.editedAt?.toISOString() ?? null,
  };
}

const OUTCOME_WORDS: Record<string, string> = {
  upheld: 'A moderator agreed with your report and acted on it. Thank you for looking out for others.',
  dismissed: 'A moderator looked at your report and decided no action was needed this time. Thank you for telling us; please keep doing so.',
};

/** What a notice says, in Hearth's words (never anyone's message text). */
export function noticeMessage(row: NoticeRow, action: ActionRow | null): string {
  switch (row.kind) {
    case 'content_hidden':
      return MODERATION_COPY.hiddenForReview;
    case 'edit_requested':
      return `${MODERATION_COPY.askedToEdit}${action ? ` Reason: ${action.reason}` : ''}`;
    case 'flag_outcome':
      return OUTCOME_WORDS[String(row.params.outcome)] ?? OUTCOME_WORDS.dismissed!;
    case 'warning':
      return `${action?.template ? WARNING_TEMPLATES[action.template as keyof typeof WARNING_TEMPLATES] ?? '' : ''}${action ? ` ${action.reason}` : ''}`.trim();
    case 'content_removed':
      return `A moderator removed something you posted.${action ? ` Reason: ${action.reason}` : ''} You can appeal once if you think this was a mistake.`;
    case 'muted':
      return `A moderator paused your posting until ${action?.expiresAt?.toISOString() ?? 'later'}. You can still read along, and "Get help now" is always there.${action ? ` Reason: ${action.reason}` : ''}`;
    case 'restored':
      return 'Good news: something of yours that was hidden is visible again.';
    case 'appeal_decided':
      return row.params.decision === 'granted'
        ? 'Your appeal was granted: a different moderator reversed the decision. Thank you for your patience.'
        : 'Your appeal was looked at by a different moderator, who kept the decision. Thank you for explaining your side.';
    default:
      return 'A moderator made a decision about something involving you.';
  }
}
