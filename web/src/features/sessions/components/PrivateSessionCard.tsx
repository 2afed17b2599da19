import { useId } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatRelative, formatSessionRange } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { SessionWhen } from './SessionWhen.tsx';
import type { MyPrivateSession } from '../api.ts';

/** A private meeting of mine (e.g. supervision): its neutral title and time in my zone, and where to manage it. */
export function PrivateSessionCard({ session, headingLevel = 3 }: { session: MyPrivateSession; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const titleId = useId();
  const cancelled = session.status === 'cancelled';
  const title = t(`privateSessions.titles.${session.purpose}`, { defaultValue: session.title });
  const when = formatSessionRange(session.startsAt, session.endsAt, zone, i18n.language);

  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={headingLevel} size="h4" id={titleId}>
            {title}
          </Title>
          {cancelled ? (
            <Badge color="ink" variant="filled">{t('sessions.cancelled')}</Badge>
          ) : (
            <Badge color="forest" variant="light">{t('privateSessions.private')}</Badge>
          )}
        </Group>
        <SessionWhen startsAt={session.startsAt} when={when} cancelledNote={cancelled ? t('privateSessions.cancelledNote') : null} />
        <Text size="sm" c="dimmed">
          {formatRelative(session.startsAt, i18n.language)} · {t('privateSessions.onlyYou')}
        </Text>
        <Group gap="xs" mt={4}>
          <Button component={Link} to={session.path} size="sm" variant="outline" aria-label={t('privateSessions.openLabel', { title, when })}>
            {t('privateSessions.open')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
