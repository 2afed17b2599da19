import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { EventCard } from '../components/EventCard.tsx';
import { useEvent } from '../hooks.ts';

/** One event (reminders link here). */
export function EventPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const event = useEvent(eventId);
  usePageTitle(event.data?.title ?? t('events.title'));
  if (event.isPending) return <Loading />;
  if (event.isError) return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/events" c="ember.9" size="sm">
        {t('events.backToEvents')}
      </Anchor>
      <EventCard event={event.data} headingLevel={1} linkTitle={false} />
    </Stack>
  );
}
