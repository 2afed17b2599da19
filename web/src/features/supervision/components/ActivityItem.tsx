import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { formatShortDateTime } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { Activity } from '../api.ts';
import { useCommentOnActivity, useReviewActivity } from '../hooks.ts';

/** One log entry: its notes and comments, a comment box, and sign-off or return for the assigned supervisor. */
export function ActivityItem({ a }: { a: Activity }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const review = useReviewActivity();
  const comment = useCommentOnActivity();
  const [draft, setDraft] = useState('');
  const [returning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState('');
  const label = t('supervision.log.entry', { category: t(`supervision.categories.${a.category}`), minutes: a.durationMinutes, when: formatShortDateTime(a.occurredAt, zone, i18n.language) });
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          <Badge variant="light" color={a.status === 'signed_off' ? 'green' : a.status === 'returned' ? 'orange' : 'gray'}>{t(`supervision.log.status.${a.status}`)}</Badge>
        </Group>
        {a.notes && <Text size="sm">{a.notes}</Text>}
        {a.comments.length > 0 && (
          <Stack component="ul" gap={2} aria-label={t('supervision.comments.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {a.comments.map((c) => (
              <Text component="li" key={c.id} size="sm">
                <Text span fw={600}>{c.author?.displayName ?? '—'}:</Text> {c.body}
              </Text>
            ))}
          </Stack>
        )}
        {a.abilities.review && !returning && (
          <Group gap="xs">
            <Button size="xs" onClick={() => review.mutate({ id: a.id, decision: 'sign_off' })} loading={review.isPending} aria-label={`${t('supervision.caseload.signOff')}: ${label}`}>
              {t('supervision.caseload.signOff')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setReturning(true)} aria-label={`${t('supervision.caseload.return')}: ${label}`}>{t('supervision.caseload.return')}</Button>
          </Group>
        )}
        {returning && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              review.mutate({ id: a.id, decision: 'return', comment: returnNote.trim() || undefined }, { onSuccess: () => { setReturning(false); setReturnNote(''); } });
            }}
          >
            <Stack gap="xs">
              <Textarea label={t('supervision.caseload.returnComment')} value={returnNote} onChange={(e) => setReturnNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={review.isPending}>{t('supervision.caseload.confirmReturn')}</Button>
                <Button size="xs" variant="subtle" onClick={() => setReturning(false)}>{t('supervision.caseload.cancel')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {review.isError && <ErrorState error={review.error} />}
        {a.abilities.comment && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.trim()) comment.mutate({ id: a.id, body: draft }, { onSuccess: () => setDraft('') });
            }}
          >
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Textarea
                label={t('supervision.comments.label')}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                maxLength={1000}
                autosize
                minRows={1}
                style={{ flex: 1 }}
                size="sm"
                error={fieldError(comment.error, 'body')}
              />
              <Button type="submit" size="sm" variant="light" loading={comment.isPending}>{t('supervision.comments.submit')}</Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
