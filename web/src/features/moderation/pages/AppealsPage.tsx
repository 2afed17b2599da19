import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { NotOnCallTeam } from '../../safety/pages/OnCallPage.tsx';
import { moderationApi, type Appeal } from '../api.ts';
import { moderationKeys } from '../hooks.ts';

/** Pending appeals. Each is decided by a moderator other than the one who made the decision. */
export function AppealsPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.appeals.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  return <Appeals />;
}

function Appeals() {
  const { t } = useTranslation();
  const appeals = useQuery({ queryKey: moderationKeys.appeals, queryFn: moderationApi.appeals });
  if (appeals.isPending) return <Loading />;
  if (appeals.isError) return <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('moderation.appeals.title')}</Title>
      <Text>{t('moderation.appeals.intro')}</Text>
      {appeals.data.appeals.length === 0 ? <Text>{t('moderation.appeals.empty')}</Text> : appeals.data.appeals.map((a) => <AppealCard key={a.id} appeal={a} />)}
    </Stack>
  );
}

function AppealCard({ appeal }: { appeal: Appeal }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'granted' | 'denied') => moderationApi.decideAppeal(appeal.id, decision, note.trim()),
    onSuccess: () => client.invalidateQueries({ queryKey: ['moderation'] }),
  });
  const noteId = `appeal-note-${appeal.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`appeal-${appeal.id}`}>
      <Stack gap="xs">
        <Text fw={650} id={`appeal-${appeal.id}`}>{t('moderation.appeals.decision', { action: t(`moderation.decisions.actions.${appeal.action}`, { defaultValue: appeal.action }) })}</Text>
        <Text size="xs" c="dimmed"><time dateTime={appeal.createdAt}>{formatShortDateTime(appeal.createdAt, zone, i18n.language)}</time></Text>
        <Text size="sm">{t('moderation.appeals.reason', { reason: appeal.actionReason })}</Text>
        <Text size="sm" fw={650}>{t('moderation.appeals.statement')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{appeal.statement}</Text>
        {appeal.abilities.decide ? (
          <>
            <Textarea id={noteId} label={t('moderation.appeals.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} minLength={3} maxLength={1000} autosize minRows={2} />
            <Group gap="xs">
              <Button disabled={note.trim().length < 3} loading={decide.isPending && decide.variables === 'granted'} onClick={() => decide.mutate('granted')}>
                {t('moderation.appeals.grant')}
              </Button>
              <Button variant="outline" disabled={note.trim().length < 3} loading={decide.isPending && decide.variables === 'denied'} onClick={() => decide.mutate('denied')}>
                {t('moderation.appeals.deny')}
              </Button>
            </Group>
            <FormError error={decide.error} />
          </>
        ) : (
          <Text size="sm" c="dimmed">{t('moderation.appeals.notYours')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
