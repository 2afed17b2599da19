import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useLiveInvalidation } from '../../../lib/use-live-invalidation.ts';
import { PostCard } from '../components/PostCard.tsx';
import { PostForm } from '../components/PostForm.tsx';
import { forumKeys, useCreatePost, useThread } from '../hooks.ts';

/** A thread with its replies, supportive reactions and a reply form. */
export function ThreadPage() {
  const { threadId = '' } = useParams();
  const { t } = useTranslation();
  const view = useThread(threadId);
  const reply = useCreatePost(threadId);
  const queryClient = useQueryClient();
  // New replies and reactions from others appear without a reload.
  useLiveInvalidation(threadId ? `thread:${threadId}` : null, () => void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) }));
  const first = view.data?.pages[0];
  usePageTitle(first?.thread.title ?? t('forums.title'));

  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const { board, thread } = first!;
  const posts = view.data.pages.flatMap((p) => p.posts);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/forums/boards/${board.id}`} size="sm">
          {t('forums.backToBoard', { name: board.name })}
        </Anchor>
        <Title order={1}>{thread.title}</Title>
        <Text size="sm" c="dimmed">
          {t('forums.startedBy', { name: thread.author?.displayName ?? t('forums.formerMember') })}
        </Text>
      </Stack>

      <section aria-label={t('forums.postsLabel')}>
        <Stack gap="sm">
          {posts.map((p) => (
            <PostCard key={p.id} post={p} threadId={threadId} />
          ))}
          {view.hasNextPage && (
            <Button variant="outline" onClick={() => void view.fetchNextPage()} loading={view.isFetchingNextPage} w="fit-content">
              {t('forums.morePosts')}
            </Button>
          )}
        </Stack>
      </section>

      {thread.abilities.reply ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reply-title">
          <Title order={2} size="h3" id="reply-title" mb="sm">
            {t('forums.replyTitle')}
          </Title>
          <PostForm
            draftKey={`forum.thread.${threadId}`}
            submitLabel={t('forums.postReply')}
            error={reply.error}
            pending={reply.isPending}
            onSubmit={(v, done) => reply.mutate({ body: v.body, contentNote: v.contentNote }, { onSuccess: done })}
          />
        </Paper>
      ) : (
        <Text c="dimmed">{t('forums.cannotReply')}</Text>
      )}
    </Stack>
  );
}
