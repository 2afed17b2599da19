import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { FlagButton } from '../../moderation/components/FlagButton.tsx';
import { CollapsedByBlock } from '../../moderation/components/CollapsedByBlock.tsx';
import { PersonActions } from '../../moderation/components/PersonActions.tsx';
import { useViewerZone } from '../../auth/hooks.ts';
import { REACTION_KINDS, type ForumPost } from '../api.ts';
import { useDeletePost, useReaction } from '../hooks.ts';
import { editCardAnchor } from '../edit.ts';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';
import { EditPostForm } from './EditPostForm.tsx';

/**
 * A post. A post with a content note stays collapsed until the reader presses "Show post". Its author can edit it in
 * place; a post held for review tells its author that a person will reach out, so it is never a silent drop.
 */
export function PostCard({ post, threadId }: { post: ForumPost; threadId: string }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const [revealed, setRevealed] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Closing the editor (saved or cancelled) puts focus back on "Edit", so keyboard users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButtonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const reaction = useReaction(threadId);
  const remove = useDeletePost(threadId);
  const bodyId = useId();
  const authorId = useId();
  const author = post.author?.displayName ?? t('forums.formerMember');
  const hidden = !!post.contentNote && !revealed && !editing;
  const isMine = post.abilities.edit;

  if (post.removed) {
    return (
      <Paper withBorder p="md" radius="md" component="article" aria-label={t('forums.removedPost')}>
        <Text fs="italic" c="dimmed">
          {t('forums.removedPost')}
        </Text>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={authorId}>
      <Stack gap="xs">
        <Group gap={8} align="baseline">
          <Text fw={650} id={authorId}>
            {author}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={post.createdAt}>{formatShortDateTime(post.createdAt, zone, i18n.language)}</time>
            {post.editedAt ? ` · ${t('chat.edited')}` : ''}
          </Text>
        </Group>

        {post.heldForReview &&
          (isMine ? (
            <Alert color="ember" variant="light" p="sm" title={t('forums.heldBadge')} data-testid="held-notice">
              <Text size="sm">{t('forums.heldNotice')}</Text>
            </Alert>
          ) : (
            <Text size="sm" fw={600}>
              {t('forums.heldForTeam')}
            </Text>
          ))}
        {isMine && <SafetyCardSlot anchor={editCardAnchor(post.id)} />}

        {editing ? (
          <EditPostForm
            post={post}
            threadId={threadId}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setSaved(true);
              setEditing(false);
            }}
          />
        ) : (
          <>
            {post.contentNote && (
              <Alert color="yellow" variant="light" p="sm">
                <Group justify="space-between" gap="xs">
                  <Text c="#4a3500">{t('forums.contentNoteBadge', { note: post.contentNote })}</Text>
                  <Button size="xs" variant="outline" color="dark" onClick={() => setRevealed((r) => !r)} aria-expanded={revealed} aria-controls={bodyId}>
                    {revealed ? t('forums.hidePost') : t('forums.showPost')}
                  </Button>
                </Group>
              </Alert>
            )}
            <div id={bodyId} hidden={hidden}>
              {!hidden && (
                <CollapsedByBlock authorId={post.abilities.edit ? null : post.author?.id} what="post">
                  <Text className="message-body">{post.body}</Text>
                </CollapsedByBlock>
              )}
            </div>
          </>
        )}
        <VisuallyHidden role="status">{saved && !editing ? t('forums.editSaved') : ''}</VisuallyHidden>

        <Group gap={6} role="group" aria-label={t('forums.reactionsLabel', { name: author })}>
          {REACTION_KINDS.map((kind) => {
            const mine = post.myReactions.includes(kind);
            const count = post.reactions[kind];
            return (
              <Button
                key={kind}
                size="compact-sm"
                variant={mine ? 'filled' : 'outline'}
                aria-pressed={mine}
                disabled={!post.abilities.react}
                loading={reaction.isPending && reaction.variables?.postId === post.id && reaction.variables.kind === kind}
                onClick={() => reaction.mutate({ postId: post.id, kind, on: !mine })}
                styles={{ root: { minHeight: 32 } }}
              >
                {t(`forums.reactions.${kind}`)} {count > 0 ? `· ${count}` : ''}
              </Button>
            );
          })}
          {!post.abilities.edit && post.author && <FlagButton targetKind="forum_post" targetId={post.id} />}
          {!post.abilities.edit && post.author && <PersonActions person={post.author} />}
          {isMine && !editing && (
            <Button
              ref={editButtonRef}
              size="compact-sm"
              variant="subtle"
              color="ink"
              aria-label={t('forums.editLabel')}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('forums.edit')}
            </Button>
          )}
          {post.abilities.delete && !post.isOpening && (
            confirmDelete ? (
              <>
                <Button size="compact-sm" color="red.9" loading={remove.isPending} onClick={() => remove.mutate(post.id)}>
                  {t('forums.confirmRemove')}
                </Button>
                <Button size="compact-sm" variant="subtle" color="ink" onClick={() => setConfirmDelete(false)}>
                  {t('common.cancel')}
                </Button>
              </>
            ) : (
              <Button size="compact-sm" variant="subtle" color="ink" onClick={() => setConfirmDelete(true)}>
                {t('forums.remove')}
              </Button>
            )
          )}
        </Group>
        <FormError error={reaction.error ?? remove.error} />
      </Stack>
    </Paper>
  );
}
