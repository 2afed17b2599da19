import { useId } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatRelative } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { ForumBoard } from '../api.ts';
import { useBoards } from '../hooks.ts';

/** Public boards and the private boards of my groups. */
export function BoardsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forums.title'));
  const boards = useBoards();
  const list = boards.data?.boards ?? [];
  const publicBoards = list.filter((b) => b.kind === 'public');
  const groupBoards = list.filter((b) => b.kind === 'group');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('forums.title')}</Title>
        <Text>{t('forums.intro')}</Text>
      </Stack>
      {boards.isPending ? (
        <Loading />
      ) : boards.isError ? (
        <ErrorState error={boards.error} onRetry={() => void boards.refetch()} />
      ) : (
        <>
          <BoardSection id="public-boards" title={t('forums.publicBoards')} boards={publicBoards} empty={t('forums.noBoards')} />
          {groupBoards.length > 0 && <BoardSection id="group-boards" title={t('forums.groupBoards')} boards={groupBoards} empty="" />}
        </>
      )}
    </Stack>
  );
}

function BoardSection({ id, title, boards, empty }: { id: string; title: string; boards: ForumBoard[]; empty: string }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {boards.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {boards.map((b) => (
            <BoardCard key={b.id} board={b} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

function BoardCard({ board }: { board: ForumBoard }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={titleId}>
            <Anchor component={Link} to={`/forums/boards/${board.id}`} c="ember.9" underline="hover">
              {board.name}
            </Anchor>
          </Title>
          {board.kind === 'group' && (
            <Badge color="ink" variant="outline">
              {t('forums.private')}
            </Badge>
          )}
        </Group>
        {board.description && <Text size="sm">{board.description}</Text>}
        <Text size="sm" c="dimmed">
          {t('forums.threadCount', { count: board.threadCount })}
          {board.lastActivityAt ? ` · ${t('forums.lastActivity', { when: formatRelative(board.lastActivityAt, i18n.language) })}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
