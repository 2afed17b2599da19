import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { CountryLines } from '../../safety/components/CountryLines.tsx';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';
import { rateSupportRequest, withdrawSupportRequest } from '../api.ts';
import { useMatchingMutation, useSupportRequest } from '../hooks.ts';

/** Where my one-to-one request stands, announced politely as it changes. */
export function RequestStatusPage() {
  const { requestId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('matching.request.title'));
  const zone = useViewerZone();
  const request = useSupportRequest(requestId);
  const withdraw = useMatchingMutation(() => withdrawSupportRequest(requestId));
  const rate = useMatchingMutation((rating: number) => rateSupportRequest(requestId, rating));
  if (request.isPending) return <Loading />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const color = { waiting: 'amber.9', accepted: 'forest.9', routed_to_oncall: 'ember.9', withdrawn: 'gray.8' }[r.status];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('matching.request.title')}</Title>
      <SafetyCardSlot />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <div role="status" aria-live="polite" aria-atomic="true">
            <Badge color={color} variant="filled" size="lg">
              {t(`matching.request.status.${r.status}`)}
            </Badge>
            {r.status === 'waiting' && (
              <Text mt="xs">{r.ahead ? t('matching.request.waitingHelp', { count: r.ahead }) : t('matching.request.waitingNext')}</Text>
            )}
            {r.status === 'accepted' && r.supporter && <Text mt="xs">{t('matching.request.acceptedBy', { name: r.supporter.displayName })}</Text>}
            {r.status === 'routed_to_oncall' && <Text mt="xs">{t('matching.request.routedHelp')}</Text>}
            {r.status === 'withdrawn' && <Text mt="xs">{t('matching.request.withdrawnHelp')}</Text>}
          </div>
          {r.status === 'waiting' && <Text size="sm">{t('matching.request.deadline', { time: formatShortDateTime(r.deadlineAt, zone, i18n.language) })}</Text>}
          {r.intro && (
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('matching.request.yourWords')}
              </Text>
              <Text className="message-body">{r.intro}</Text>
            </Stack>
          )}
          <Group gap="xs">
            {r.abilities.chat && r.conversationId && (
              <Button component={Link} to={`/support/${r.conversationId}`}>
                {t('matching.request.openChat')}
              </Button>
            )}
            {r.abilities.withdraw && (
              <Button variant="outline" color="ink" onClick={() => withdraw.mutate(undefined)} loading={withdraw.isPending}>
                {t('matching.request.withdraw')}
              </Button>
            )}
          </Group>
          <FormError error={withdraw.error} />
          {r.abilities.rate && (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>
                <Text fw={600}>{t('matching.request.rate')}</Text>
              </legend>
              <Group gap="xs" mt="xs">
                {[1, 2, 3, 4, 5].map((n) => (
                  <Button key={n} size="xs" variant="light" onClick={() => rate.mutate(n)} aria-label={t('matching.request.rateOption', { count: n })}>
                    {n}
                  </Button>
                ))}
              </Group>
              <FormError error={rate.error} />
            </fieldset>
          )}
          {r.rating !== null && <Text size="sm">{t('matching.request.thanks')}</Text>}
        </Stack>
      </Paper>
      {r.status === 'routed_to_oncall' && <CountryLines />}
    </Stack>
  );
}
