import { useId, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { formatSessionRange } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { OrgEvent } from '../api.ts';
import { useEventAction } from '../hooks.ts';

/** One event: when (in my zone), where, places, my registration, calendar entry and recording. */
export function EventCard({ event: e, headingLevel = 2, linkTitle = true }: { event: OrgEvent; headingLevel?: 1 | 2 | 3; linkTitle?: boolean }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const titleId = useId();
  const action = useEventAction();
  const full = e.spotsLeft === 0;
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={8}>
        <Group gap={6}>
          <Badge variant="outline" color="ink" radius="sm">
            {t(`events.kinds.${e.kind}`)}
          </Badge>
          {e.status === 'cancelled' && (
            <Badge color="red.9" radius="sm">
              {t('events.cancelled')}
            </Badge>
          )}
        </Group>
        <Title order={headingLevel} size={headingLevel === 1 ? 'h2' : 'h4'} id={titleId} lang={e.language}>
          {linkTitle ? (
            <Anchor component={Link} to={`/events/${e.id}`} c="ember.9" underline="hover">
              {e.title}
            </Anchor>
          ) : (
            e.title
          )}
        </Title>
        <Text fw={600}>{formatSessionRange(e.startsAt, e.endsAt, zone, i18n.language)}</Text>
        {e.host && <Text size="sm">{t('events.hostedBy', { host: e.host })}</Text>}
        <Text size="sm">{e.location ?? t('events.online')}</Text>
        {e.description && (
          <Text size="sm" lang={e.language}>
            {e.description}
          </Text>
        )}
        {!e.past && e.status === 'scheduled' && (
          <Text size="sm" c="dimmed">
            {e.spotsLeft === null ? null : full ? t('events.full') : t('events.spotsLeft', { count: e.spotsLeft })}
            {e.waitlistCount > 0 ? ` · ${t('events.waitlistCount', { count: e.waitlistCount })}` : ''}
          </Text>
        )}
        {e.myRegistration === 'registered' && (
          <Alert color="green" variant="light" p="xs">
            {t('events.registered')} {!e.past && t('events.remindersNote')}
          </Alert>
        )}
        {e.myRegistration === 'waitlisted' && (
          <Alert color="yellow" variant="light" p="xs">
            {t('events.waitlisted')}
          </Alert>
        )}
        <FormError error={action.error} />
        <Group gap="sm">
          {e.abilities.register && (!full || e.waitlist) && (
            <Button onClick={() => action.mutate({ id: e.id, kind: 'register' })} loading={action.isPending}>
              {full ? t('events.joinWaitlist') : t('events.register')}
            </Button>
          )}
          {e.abilities.cancelRegistration && (
            <Button variant="outline" onClick={() => action.mutate({ id: e.id, kind: 'cancel' })} loading={action.isPending}>
              {t('events.cancelRegistration')}
            </Button>
          )}
          {!e.past && e.status === 'scheduled' && (
            <Anchor href={e.calendarUrl} download c="ember.9">
              {t('events.addToCalendar')}
            </Anchor>
          )}
          {e.joinUrl && !e.past && (
            <Anchor href={e.joinUrl} target="_blank" rel="noopener noreferrer" c="ember.9">
              {t('events.joinLink')}
            </Anchor>
          )}
          {e.recordingUrl && (
            <Anchor href={e.recordingUrl} target="_blank" rel="noopener noreferrer" c="ember.9">
              {t('events.recording')}
            </Anchor>
          )}
        </Group>
        {e.abilities.edit && e.past && <RecordingForm event={e} />}
      </Stack>
    </Paper>
  );
}

function RecordingForm({ event }: { event: OrgEvent }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(event.recordingUrl ?? '');
  const action = useEventAction();
  return (
    <Group align="flex-end" gap="xs">
      <TextInput style={{ flex: 1 }} type="url" label={t('events.form.recordingUrl')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
      <Button variant="outline" onClick={() => action.mutate({ id: event.id, kind: 'update', body: { recordingUrl: url.trim() || null } })} loading={action.isPending}>
        {t('events.form.addRecording')}
      </Button>
      <FormError error={action.error} />
    </Group>
  );
}
