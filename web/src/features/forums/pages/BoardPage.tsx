import { useId, useState } from 'react';
import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatRelative } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useLiveInvalidation } from '../../../lib/use-live-invalidation.ts';
import type { ForumThread } from '../api.ts';
import { PostForm } from '../components/PostForm.tsx';
import { forumKeys, useBoard, useCreateThread, useThreads } from '../hooks.ts';

/** A board: its threads (most recent activity first) and a form to start one. */
export function BoardPage() {
  const { boardId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useBoard(boardId);
  const threads = useThreads(boardId);
  const create = useCreateThread(boardId);
  const [formOpen, setFormOpen] = useState(false);
  const queryClient = useQueryClient();
  useLiveInvalidation(boardId ? `board:${boardId}` : null, () => {
    void queryClient.invalidateQueries({ queryKey: forumKeys.threads(boardId) });
    void queryClient.invalidateQueries({ queryKey: forumKeys.board(boardId) });
  });
  usePageTitle(board.data?.name ?? t('forums.title'));

  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const all = threads.data?.pages.flatMap((p) => p.threads) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={board.data.groupId ? `/groups/${board.data.groupId}` : '/forums'} size="sm">
          {board.data.groupId ? t('forums.backToGroup') : t('forums.allBoards')}
        </Anchor>
        <Title order={1}>{board.data.name}</Title>
        {board.data.description && <Text>{board.data.description}</Text>}
      </Stack>

      {board.data.abilities.post && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-thread-title">
          <Group justify="space-between">
            <Title order={2} size="h3" id="new-thread-title">
              {t('forums.newThread')}
            </Title>
            <Button variant={formOpen ? 'subtle' : 'filled'} onClick={() => setFormOpen((o) => !o)} aria-expanded={formOpen} aria-controls="new-thread-form">
              {formOpen ? t('common.hide') : t('forums.startThread')}
            </Button>
          </Group>
          <Collapse expanded={formOpen} id="new-thread-form">
            <div style={{ paddingTop: 12 }}>
              {formOpen && (
                <PostForm
                  draftKey={`forum.board.${boardId}`}
                  withTitle
                  submitLabel={t('forums.postThread')}
                  error={create.error}
                  pending={create.isPending}
                  onSubmit={(v, done) =>
                    create.mutate(
                      { title: v.title ?? '', body: v.body, contentNote: v.contentNote },
                      {
                        onSuccess: (view) => {
                          done();
                          void navigate(`/forums/threads/${view.thread.id}`);
                        },
                      },
                    )
                  }
                />
              )}
            </div>
          </Collapse>
        </Paper>
      )}

      <section aria-labelledby="threads-title">
        <Title order={2} size="h3" id="threads-title" mb="sm">
          {t('forums.threads')}
        </Title>
        {threads.isPending ? (
          <Loading />
        ) : threads.isError ? (
          <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
        ) : all.length === 0 ? (
          <Text>{t('forums.noThreads')}</Text>
        ) : (
          <Stack gap="sm">
            {all.map((th) => (
              <ThreadRow key={th.id} thread={th} />
            ))}
            {threads.hasNextPage && (
              <Button variant="outline" onClick={() => void threads.fetchNextPage()} loading={threads.isFetchingNextPage} w="fit-content">
                {t('forums.moreThreads')}
              </Button>
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function ThreadRow({ thread }: { thread: ForumThread }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={4}>
        <Title order={3} size="h4" id={titleId}>
          <Anchor component={Link} to={`/forums/threads/${thread.id}`} c="ember.9" underline="hover">
            {thread.title}
          </Anchor>
        </Title>
        {thread.contentNote && (
          <Badge color="amber.9" variant="outline">
            {t('forums.contentNoteBadge', { note: thread.contentNote })}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {[thread.author?.displayName ?? t('forums.formerMember'), t('forums.replyCount', { count: thread.replyCount }), t('forums.lastActivity', { when: formatRelative(thread.lastActivityAt, i18n.language) })].join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
