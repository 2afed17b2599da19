import { useEffect } from 'react';
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cardStore, isCardShownIn, useCardState } from '../card-store.ts';
import { SupportCard } from './SupportCard.tsx';

/**
 * Where the support card appears. Composers and post forms place one next to the text box; the app shell has
 * a fallback that shows only while no other slot is on the page. The card is announced politely, never by
 * moving focus, so nobody is interrupted mid-thought. An anchored slot (one forum post) shows only the card
 * meant for it, such as the card an edit of that post returned.
 */
export function SafetyCardSlot({ fallback = false, anchor }: { fallback?: boolean; anchor?: string }) {
  const { t } = useTranslation();
  const state = useCardState();
  const { card } = state;
  useEffect(() => {
    if (anchor) return cardStore.addAnchoredSlot(anchor);
    return fallback ? undefined : cardStore.addSlot();
  }, [fallback, anchor]);
  const visible = card && isCardShownIn(state, { anchor, fallback });
  return (
    <>
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {visible ? (card.aboutSomeoneElse ? t('safety.card.announceOther') : t('safety.card.announce')) : ''}
      </VisuallyHidden>
      {visible && <SupportCard card={card} onDismiss={() => cardStore.dismiss()} />}
    </>
  );
}
