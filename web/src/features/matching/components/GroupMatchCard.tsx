import { useId } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { joinGroup, type MatchReason } from '../api.ts';
import { useMatchingMutation } from '../hooks.ts';
import { describeReasons } from '../reasons.ts';

type Match = { id: string; name: string; description?: string; reasons: MatchReason[]; abilities: { join: boolean; requestToJoin: boolean } };

/** One recommended group: its reasons in plain words, and one tap to join (or ask to join). */
export function GroupMatchCard({ match, headingLevel = 3 }: { match: Match; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const join = useMatchingMutation(() => joinGroup(match.id));
  const onJoin = () =>
    join.mutate(undefined, {
      onError: (err) => {
        // Groups with agreements ask the person to read them first, on the group's page.
        if (err instanceof ApiError && err.code === 'agreements_required') void navigate(`/groups/${match.id}`);
      },
    });
  const done = join.data?.status;
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Title order={headingLevel} size="h4" id={titleId}>
          <Anchor component={Link} to={`/groups/${match.id}`} inherit>
            {match.name}
          </Anchor>
        </Title>
        <Text size="sm" fw={600}>
          <Text span size="sm" c="dimmed" fw={400}>
            {t('matching.whyLabel')}:{' '}
          </Text>
          {describeReasons(match.reasons, t, i18n.language)}
        </Text>
        {match.description && (
          <Text size="sm" lineClamp={2}>
            {match.description}
          </Text>
        )}
        {done ? (
          <Text role="status" fw={600} c="forest.9">
            {done === 'active' ? t('matching.joined') : t('matching.requested')}
          </Text>
        ) : (
          <Group gap="xs">
            {(match.abilities.join || match.abilities.requestToJoin) && (
              <Button size="sm" onClick={onJoin} loading={join.isPending}>
                {match.abilities.join ? t('matching.join') : t('matching.requestToJoin')}
              </Button>
            )}
            <Button size="sm" variant="subtle" color="ink" component={Link} to={`/groups/${match.id}`}>
              {t('matching.viewGroup')}
            </Button>
          </Group>
        )}
        {join.error && !(join.error instanceof ApiError && join.error.code === 'agreements_required') && <FormError error={join.error} />}
      </Stack>
    </Paper>
  );
}
