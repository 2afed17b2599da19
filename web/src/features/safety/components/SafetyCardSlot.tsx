import { useEffect } from 'react';
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cardStore, useCardState } from '../card-store.ts';
import { SupportCard } from './SupportCard.tsx';

/**
 * Where the support card appears. Composers and post forms place one next to the text box; the app shell has
 * a fallback that shows only while no other slot is on the page. The card is announced politely, never by
 * moving focus, so nobody is interrupted mid-thought.
 */
export function SafetyCardSlot({ fallback = false }: { fallback?: boolean }) {
  const { t } = useTranslation();
  const { card, slots } = useCardState();
  useEffect(() => (fallback ? undefined : cardStore.addSlot()), [fallback]);
  const visible = card && (!fallback || slots === 0);
  return (
    <>
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {visible ? (card.aboutSomeoneElse ? t('safety.card.announceOther') : t('safety.card.announce')) : ''}
      </VisuallyHidden>
      {visible && <SupportCard card={card} onDismiss={() => cardStore.dismiss()} />}
    </>
  );
}
