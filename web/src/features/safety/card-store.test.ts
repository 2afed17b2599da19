import { describe, expect, it } from 'vitest';
import { createCardStore, isCardShownIn } from './card-store.ts';

describe('support card store', () => {
  it('shows a card and keeps an urgent card when a gentler one follows', () => {
    const store = createCardStore(() => 0);
    store.show({ card: 'urgent', aboutSomeoneElse: false });
    store.show({ card: 'concern', aboutSomeoneElse: false, caseId: 'c1' });
    expect(store.get().card).toEqual({ card: 'urgent', aboutSomeoneElse: false, caseId: 'c1' });
  });

  it('lets an urgent card replace a concern card', () => {
    const store = createCardStore(() => 0);
    store.show({ card: 'concern', aboutSomeoneElse: true });
    store.show({ card: 'urgent', aboutSomeoneElse: false });
    expect(store.get().card?.card).toBe('urgent');
    expect(store.get().card?.aboutSomeoneElse).toBe(false);
  });

  it('does not reopen from the echo of the same send right after the person closed it', () => {
    let t = 1_000;
    const store = createCardStore(() => t);
    store.show({ card: 'concern', aboutSomeoneElse: false });
    store.dismiss();
    t += 2_000;
    store.show({ card: 'concern', aboutSomeoneElse: false });
    expect(store.get().card).toBeNull();
    t += 60_000;
    store.show({ card: 'concern', aboutSomeoneElse: false });
    expect(store.get().card).not.toBeNull();
  });

  it('counts slots so the app-wide fallback knows when to step aside', () => {
    const store = createCardStore();
    const remove = store.addSlot();
    expect(store.get().slots).toBe(1);
    remove();
    expect(store.get().slots).toBe(0);
  });

  it('shows an anchored card only next to its post while that post is on the page, and everywhere else otherwise', () => {
    const store = createCardStore(() => 0);
    const formSlot = store.addSlot();
    const removePost = store.addAnchoredSlot('forum-post:1');
    store.addAnchoredSlot('forum-post:2');
    store.show({ card: 'urgent', aboutSomeoneElse: false }, 'forum-post:1');
    expect(isCardShownIn(store.get(), { anchor: 'forum-post:1' })).toBe(true);
    expect(isCardShownIn(store.get(), { anchor: 'forum-post:2' })).toBe(false);
    expect(isCardShownIn(store.get(), {})).toBe(false);
    expect(isCardShownIn(store.get(), { fallback: true })).toBe(false);
    // The post left the page (for example it was held and the list changed): the card is never lost.
    removePost();
    expect(isCardShownIn(store.get(), {})).toBe(true);
    formSlot();
    expect(isCardShownIn(store.get(), { fallback: true })).toBe(true);
  });

  it('shows an unanchored card in ordinary slots, not in anchored ones', () => {
    const store = createCardStore(() => 0);
    store.addAnchoredSlot('forum-post:1');
    store.show({ card: 'concern', aboutSomeoneElse: false });
    expect(isCardShownIn(store.get(), { anchor: 'forum-post:1' })).toBe(false);
    expect(isCardShownIn(store.get(), { fallback: true })).toBe(true);
    store.dismiss();
    expect(isCardShownIn(store.get(), { fallback: true })).toBe(false);
  });
});
