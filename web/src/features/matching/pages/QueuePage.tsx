import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { languageName } from '../../../lib/options.ts';
import { formatRelative } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { acceptSupportRequest } from '../api.ts';
import { useMatchingMutation, useQueue } from '../hooks.ts';
import { describeReasons } from '../reasons.ts';

/** For certified peer supporters: requests waiting for someone to talk to now, best match first. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('matching.queue.title'));
  const navigate = useNavigate();
  const queue = useQueue();
  const accept = useMatchingMutation(acceptSupportRequest);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('matching.queue.title')}</Title>
        <Text>{t('matching.queue.intro')}</Text>
      </Stack>
      <FormError error={accept.error} />
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.requests.length === 0 ? (
        <Text>{t('matching.queue.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {queue.data.requests.map((r) => (
            <Paper key={r.id} component="article" withBorder p="md" radius="md" aria-label={r.topics.map((x) => t(`matching.topics.${x}`)).join(', ')}>
              <Stack gap={6}>
                <Group gap={6}>
                  {r.topics.map((x) => (
                    <Badge key={x} variant="light" color="ink">
                      {t(`matching.topics.${x}`)}
                    </Badge>
                  ))}
                  <Badge variant="outline" color="ink">
                    {languageName(r.language, i18n.language)}
                  </Badge>
                </Group>
                <Text size="sm">{t('matching.queue.waitingSince', { when: formatRelative(r.waitingSince, i18n.language) })}</Text>
                {r.reasons.length > 0 && <Text size="sm">{describeReasons(r.reasons, t, i18n.language)}</Text>}
                <Button
                  size="sm"
                  style={{ alignSelf: 'flex-start' }}
                  loading={accept.isPending && accept.variables === r.id}
                  onClick={() => accept.mutate(r.id, { onSuccess: (done) => done.conversationId && void navigate(`/support/${done.conversationId}`) })}
                >
                  {t('matching.queue.accept')}
                </Button>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
