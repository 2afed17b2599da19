import { describe, expect, it } from 'vitest';
import type { EditedPost } from './api.ts';
import { editCardAnchor, editDraftKey, pickEditChanges, readEditOutcome, startEditDraft } from './edit.ts';

const post = { body: 'A long week, but I made it to Friday.', contentNote: null };

function edited(overrides: Partial<EditedPost> = {}): EditedPost {
  return {
    id: 'p1',
    threadId: 't1',
    author: { id: 'u1', displayName: 'Robin' },
    body: post.body,
    contentNote: null,
    isOpening: false,
    heldForReview: false,
    removed: false,
    createdAt: '2026-01-01T10:00:00Z',
    editedAt: '2026-01-01T10:05:00Z',
    reactions: { hug: 0, thank_you: 0, me_too: 0 },
    myReactions: [],
    abilities: { reply: true, edit: true, delete: true, react: false },
    ...overrides,
  };
}

describe('forum post edits', () => {
  it('sends only the words when only the words changed, so a note stays as it was', () => {
    expect(pickEditChanges(post, { body: 'A long week. Friday at last.', contentNote: '' })).toEqual({ body: 'A long week. Friday at last.' });
  });

  it('sends only the content note when only the note changed, so the words are not assessed again for nothing', () => {
    expect(pickEditChanges(post, { ...startEditDraft(post), contentNote: ' grief ' })).toEqual({ contentNote: 'grief' });
    expect(pickEditChanges({ ...post, contentNote: 'grief' }, { body: post.body, contentNote: '   ' })).toEqual({ contentNote: null });
  });

  it('reports no change when only spaces differ, so nothing is sent', () => {
    expect(pickEditChanges(post, { body: `  ${post.body}\n`, contentNote: '' })).toBeNull();
    expect(pickEditChanges(post, startEditDraft(post))).toBeNull();
  });

  it('starts the form from the post, with an empty note field when there is none', () => {
    expect(startEditDraft({ body: 'Hi', contentNote: null })).toEqual({ body: 'Hi', contentNote: '' });
    expect(startEditDraft({ body: 'Hi', contentNote: 'grief' })).toEqual({ body: 'Hi', contentNote: 'grief' });
  });

  it('keeps each post’s edit draft and card place apart', () => {
    expect(editDraftKey('p1', 'body')).not.toBe(editDraftKey('p2', 'body'));
    expect(editDraftKey('p1', 'body')).not.toBe(editDraftKey('p1', 'contentNote'));
    expect(editCardAnchor('p1')).not.toBe(editCardAnchor('p2'));
  });

  it('shows the private card an edit returned and says when the post waits for a person', () => {
    expect(readEditOutcome(edited())).toEqual({ card: null, held: false });
    const urgentHeld = edited({ heldForReview: true, safety: { card: 'urgent', aboutSomeoneElse: false, held: true } });
    expect(readEditOutcome(urgentHeld)).toEqual({ card: urgentHeld.safety, held: true });
    const concern = edited({ safety: { card: 'concern', aboutSomeoneElse: true } });
    expect(readEditOutcome(concern)).toEqual({ card: concern.safety, held: false });
  });
});
