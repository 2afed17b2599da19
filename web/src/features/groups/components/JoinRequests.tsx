import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatRelative } from '../../../lib/time.ts';
import type { Member } from '../api.ts';
import { useDecideRequest, useGroupMembers } from '../hooks.ts';

/** People waiting to join a request-to-join group; facilitators approve or decline each. */
export function JoinRequests({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useGroupMembers(groupId, true);
  const decide = useDecideRequest(groupId);
  const requests = (members.data?.members ?? []).filter((m) => m.status === 'requested');

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="requests-title">
      <Title order={2} size="h3" id="requests-title" mb="xs">
        {t('joinRequests.title')}
      </Title>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : requests.length === 0 ? (
        <Text>{t('joinRequests.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {requests.map((m) => (
            <RequestRow key={m.userId} member={m} decide={decide} />
          ))}
        </Stack>
      )}
      <FormError error={decide.error} />
    </Paper>
  );
}

function RequestRow({ member, decide }: { member: Member; decide: ReturnType<typeof useDecideRequest> }) {
  const { t, i18n } = useTranslation();
  const busy = decide.isPending && decide.variables?.userId === member.userId;
  const name = member.displayName + (member.pronouns ? ` (${member.pronouns})` : '');
  return (
    <Group component="li" justify="space-between" gap="xs">
      <Stack gap={0}>
        <Text fw={600}>{name}</Text>
        {member.joinedAt && (
          <Text size="sm" c="dimmed">
            {t('joinRequests.asked', { when: formatRelative(member.joinedAt, i18n.language) })}
          </Text>
        )}
      </Stack>
      <Group gap="xs">
        <Button size="sm" loading={busy && decide.variables?.decision === 'approve'} disabled={busy} onClick={() => decide.mutate({ userId: member.userId, decision: 'approve' })} aria-label={t('joinRequests.approveName', { name: member.displayName })}>
          {t('joinRequests.approve')}
        </Button>
        <Button size="sm" variant="outline" color="ink" loading={busy && decide.variables?.decision === 'decline'} disabled={busy} onClick={() => decide.mutate({ userId: member.userId, decision: 'decline' })} aria-label={t('joinRequests.declineName', { name: member.displayName })}>
          {t('joinRequests.decline')}
        </Button>
      </Group>
    </Group>
  );
}
