import type { BlockEntry, BlockKind } from './api.ts';

/**
 * Whether a post by `authorId` is collapsed for me, and why: a block wins over a mute. Staff roles are not
 * exempt here: it is the reader's own choice what they see; the server never tells the other person.
 */
export function collapseReason(blocks: readonly BlockEntry[] | undefined, authorId: string | null | undefined): BlockKind | null {
  if (!blocks || !authorId) return null;
  let reason: BlockKind | null = null;
  for (const b of blocks) {
    if (b.userId !== authorId) continue;
    if (b.kind === 'block') return 'block';
    reason = 'mute';
  }
  return reason;
}

/** Today's date (YYYY-MM-DD) in a time zone, for "once a day" in the person's own day. Falls back to UTC. */
export function localDay(at: Date, zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** Where a notice's content lives in the app: a forum thread, a group chat, a session room or a one-to-one. */
export function contentLink(content: { threadId: string | null; roomId: string | null; roomKind: string | null; groupId: string | null; sessionId: string | null } | null): string | null {
  if (!content) return null;
  if (content.threadId) return `/forums/threads/${content.threadId}`;
  if (!content.roomId) return null;
  if (content.roomKind === 'session' && content.sessionId) return `/sessions/${content.sessionId}/room`;
  if (content.roomKind === 'group' && content.groupId) return `/groups/${content.groupId}/chat`;
  if (content.roomKind === 'direct') return '/support';
  return null;
}
