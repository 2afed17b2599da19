import type { SafetyCard } from '../safety/api.ts';
import type { EditedPost, ForumPost } from './api.ts';

export type EditDraft = { body: string; contentNote: string };
export type EditChanges = { body?: string; contentNote?: string | null };

/** The text fields of a post as the edit form starts them. */
export function startEditDraft(post: Pick<ForumPost, 'body' | 'contentNote'>): EditDraft {
  return { body: post.body, contentNote: post.contentNote ?? '' };
}

/**
 * Only what changed is sent, so a note-only edit is not assessed again and the words are not re-screened for nothing.
 * Returns null when nothing changed (the form then says so instead of sending).
 */
export function pickEditChanges(post: Pick<ForumPost, 'body' | 'contentNote'>, draft: EditDraft): EditChanges | null {
  const changes: EditChanges = {};
  const body = draft.body.trim();
  const note = draft.contentNote.trim() || null;
  if (body !== post.body.trim()) changes.body = body;
  if (note !== (post.contentNote ?? null)) changes.contentNote = note;
  return Object.keys(changes).length > 0 ? changes : null;
}

/** The storage key of an edit draft, so an unsaved edit survives a failed save or a reload. */
export function editDraftKey(postId: string, field: keyof EditDraft) {
  return `forum.edit.${postId}.${field}`;
}

/** Where the private support card for an edit appears: next to the post that was edited. */
export function editCardAnchor(postId: string) {
  return `forum-post:${postId}`;
}

/** What the author should see after an edit: the private card (if any) and whether the post now waits for a person. */
export function readEditOutcome(result: EditedPost): { card: SafetyCard | null; held: boolean } {
  const card = result.safety && (result.safety.card === 'concern' || result.safety.card === 'urgent') ? result.safety : null;
  return { card, held: result.heldForReview || card?.held === true };
}
