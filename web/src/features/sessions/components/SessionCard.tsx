import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { ApiError, fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { formatRelative, formatSessionRange } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { SessionItem } from '../api.ts';
import { useCheckIn, useRsvp } from '../hooks.ts';
import { SessionLeaderActions } from './SessionLeaderActions.tsx';
import { SessionWhen } from './SessionWhen.tsx';

/** One session: when (in my time zone), my RSVP, and the live room when it is open. */
export function SessionCard({ session, showGroup = true, canRsvp = true, headingLevel = 3 }: { session: SessionItem; showGroup?: boolean; canRsvp?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const rsvp = useRsvp();
  const titleId = useId();
  const mine = session.myRsvp;
  const cancelled = session.status === 'cancelled';
  const when = formatSessionRange(session.startsAt, session.endsAt, zone, i18n.language);
  const title = session.title || session.groupName || t('sessions.untitled');
  const rsvpAllowed = canRsvp && !cancelled && session.abilities.rsvp;
  const room = session.liveRoom;
  // Once it has begun, someone who is there (checked in, or free to be in the live room) can say how it went.
  const mayGiveFeedback = !cancelled && Date.parse(session.startsAt) <= Date.now() && (session.myCheckedIn || session.abilities.joinLiveRoom);

  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={headingLevel} size="h4" id={titleId}>
              {title}
            </Title>
            {showGroup && (
              <Anchor component={Link} to={`/groups/${session.groupId}`} size="sm">
                {session.title !== session.groupName ? session.groupName : t('sessions.viewGroup')}
              </Anchor>
            )}
          </Stack>
          {cancelled ? <Badge color="ink" variant="filled">{t('sessions.cancelled')}</Badge> : mine === 'going' ? <Badge color="forest.9" variant="filled">{t('sessions.youreGoing')}</Badge> : null}
        </Group>
        <SessionWhen startsAt={session.startsAt} when={when} cancelledNote={cancelled ? t('sessions.cancelledNote') : null} />
        <Text size="sm" c="dimmed">
          {formatRelative(session.startsAt, i18n.language)}
            {` · ${t('sessions.goingCount', { count: session.goingCount })}`}
          {session.placesLeft !== null ? ` · ${t('groups.placesLeft', { count: session.placesLeft })}` : ''}
        </Text>
        {session.venue && (
          <Text size="sm">
            {t('sessions.venue', { name: session.venue.name, address: session.venue.address })}
          </Text>
        )}

        <Group gap="xs" mt={4}>
          {rsvpAllowed && (
            <Group gap="xs" role="group" aria-label={t('sessions.rsvpGroupLabel', { title })}>
              <Button
                size="sm"
                variant={mine === 'going' ? 'filled' : 'outline'}
                aria-pressed={mine === 'going'}
                loading={rsvp.isPending && rsvp.variables?.status === 'going'}
                onClick={() => rsvp.mutate({ id: session.id, status: 'going' })}
              >
                {t('sessions.going')}
              </Button>
              <Button
                size="sm"
                variant={mine === 'not_going' ? 'filled' : 'outline'}
                color="ink"
                aria-pressed={mine === 'not_going'}
                loading={rsvp.isPending && rsvp.variables?.status === 'not_going'}
                onClick={() => rsvp.mutate({ id: session.id, status: 'not_going' })}
              >
                {t('sessions.notGoing')}
              </Button>
            </Group>
          )}
          {room && !cancelled && room.open && session.abilities.joinLiveRoom && (
            <Button component={Link} to={`/sessions/${session.id}/room`} size="sm" color="forest.9">
              {t('sessions.joinLiveRoom')}
            </Button>
          )}
          {room && !cancelled && !room.open && Date.parse(room.opensAt) > Date.now() && (
            <Text size="sm" c="dimmed">
              {t('sessions.roomOpensAt', { time: formatRelative(room.opensAt, i18n.language) })}
            </Text>
          )}
          {mayGiveFeedback && (
            <Anchor component={Link} to={`/sessions/${session.id}/feedback`} size="sm">
              {t('outcomes.feedback.title')}
            </Anchor>
          )}
        </Group>
        {rsvp.error && <FormError error={rsvp.error} />}
        <SessionLeaderActions session={session} />
        {session.myCheckedIn ? <Text c="forest.9">{t('sessions.checkedIn')}</Text> : session.abilities.checkIn && !session.abilities.manageAttendance && <CheckInForm sessionId={session.id} />}
      </Stack>
    </Paper>
  );
}

function CheckInForm({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const checkIn = useCheckIn(sessionId);
  const [tooShort, setTooShort] = useState(false);
  // A wrong code gets the server's whole kind message next to the box, not only the short field note.
  const wrong = checkIn.error instanceof ApiError && checkIn.error.code === 'check_in_code_wrong' ? checkIn.error.message : undefined;
  const codeError = tooShort ? t('sessions.checkInCodeMissing') : (wrong ?? fieldError(checkIn.error, 'code'));
  if (checkIn.isSuccess) return <Text c="forest.9" role="status">{t('sessions.checkedIn')}</Text>;
  return (
    <form
      aria-label={t('sessions.checkInWithCode')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const typed = code.trim();
        setTooShort(typed.length < 4);
        if (typed.length >= 4) checkIn.mutate(typed);
      }}
    >
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('sessions.checkInWithCode')}
        </Text>
        <TextInput
          label={t('sessions.checkInCode')}
          description={t('sessions.checkInHelp')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={codeError}
          size="sm"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          maw="20rem"
        />
        <Button type="submit" size="sm" variant="outline" loading={checkIn.isPending} w="fit-content" mt={4}>
          {t('sessions.checkIn')}
        </Button>
        {!tooShort && needsFormError(checkIn.error, ['code']) && <FormError error={checkIn.error} />}
      </Stack>
    </form>
  );
}
