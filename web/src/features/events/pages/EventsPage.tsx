import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { zoneLabel } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { EventCard } from '../components/EventCard.tsx';
import { useEvents } from '../hooks.ts';

/** Upcoming and past events of my organization, in my time zone. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('events.title'));
  const zone = useViewerZone();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const events = useEvents(when);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('events.title')}</Title>
        <Text>{t('events.intro', { zone: zoneLabel(zone, i18n.language) })}</Text>
      </Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={when}
          onChange={(v) => setWhen(v as 'upcoming' | 'past')}
          data={[{ value: 'upcoming', label: t('events.upcoming') }, { value: 'past', label: t('events.past') }]}
          aria-label={t('events.title')}
        />
        {events.data?.abilities.create && (
          <Button component={Link} to="/events/new" variant="outline">
            {t('events.create')}
          </Button>
        )}
      </Group>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.events.length === 0 ? (
        <Text>{when === 'upcoming' ? t('events.noneUpcoming') : t('events.none')}</Text>
      ) : (
        <Stack gap="sm">
          {events.data.events.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
