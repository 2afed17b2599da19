import { describe, expect, it } from 'vitest';
import { createCardStore } from './card-store.ts';

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
});
