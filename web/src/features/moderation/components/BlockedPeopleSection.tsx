import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { useBlocks, useSetBlock } from '../hooks.ts';

/** Profile section: the people I blocked or muted, each with an undo; and a link to decisions about me. */
export function BlockedPeopleSection() {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const blocks = useBlocks();
  const setBlock = useSetBlock();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="blocked-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="blocked-title">{t('moderation.blocks.title')}</Title>
        <Text size="sm">{t('moderation.blocks.intro')}</Text>
        {blocks.isPending ? (
          <Loading />
        ) : blocks.isError ? (
          <ErrorState error={blocks.error} onRetry={() => void blocks.refetch()} />
        ) : blocks.data.blocks.length === 0 ? (
          <Text size="sm" c="dimmed">{t('moderation.blocks.empty')}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 0 }}>
            {blocks.data.blocks.map((b) => (
              <li key={`${b.kind}:${b.userId}`} style={{ listStyle: 'none', padding: '4px 0' }}>
                <Group gap="xs" justify="space-between">
                  <Text size="sm">
                    <Text span fw={650}>{b.displayName}</Text> · {t(`moderation.blocks.kinds.${b.kind}`)}{' '}
                    <Text span size="xs" c="dimmed">{t('moderation.blocks.since', { date: formatShortDateTime(b.createdAt, zone, i18n.language) })}</Text>
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="outline"
                    loading={setBlock.isPending && setBlock.variables?.userId === b.userId && setBlock.variables.kind === b.kind}
                    onClick={() => setBlock.mutate({ userId: b.userId, kind: b.kind, on: false })}
                  >
                    {t(`moderation.blocks.undo.${b.kind}`, { name: b.displayName })}
                  </Button>
                </Group>
              </li>
            ))}
          </ul>
        )}
        <FormError error={setBlock.error} />
        <Anchor component={Link} to="/moderation/decisions" size="sm" w="fit-content">{t('moderation.blocks.decisionsLink')}</Anchor>
      </Stack>
    </Paper>
  );
}
