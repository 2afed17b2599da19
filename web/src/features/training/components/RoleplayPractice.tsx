import { useState } from 'react';
import { Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import type { Feedback, Lesson } from '../api.ts';
import { useRestartRoleplay, useRoleplayReply } from '../hooks.ts';

/** A branching practice conversation: the simulated person speaks, the trainee replies, and gets specific feedback. */
export function RoleplayPractice({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const rp = lesson.roleplay!;
  const [draft, setDraft] = useState('');
  const send = useRoleplayReply(lesson);
  const restart = useRestartRoleplay(lesson);
  const persona = rp.persona.split(',')[0]!;
  return (
    <Stack gap="md">
      <Text>{rp.setting}</Text>
      <Title order={2} size="h4">{t('training.roleplay.intro', { persona: rp.persona })}</Title>
      <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('training.roleplay.intro', { persona })}>
        {rp.turns.map((turn, i) => (
          <li key={i}>
            <Stack gap={6}>
              <Paper p="sm" radius="md" bg="gray.1">
                <Text size="sm" fw={600}>{t('training.roleplay.theySaid', { persona })}</Text>
                <Text>{turn.says}</Text>
              </Paper>
              <Paper p="sm" radius="md" withBorder ml="xl">
                <Text size="sm" fw={600}>{t('training.roleplay.youSaid')}</Text>
                <Text>{turn.reply}</Text>
              </Paper>
              <FeedbackList feedback={turn.feedback} listened={turn.listened} />
            </Stack>
          </li>
        ))}
        {rp.currentNode && (
          <li>
            <Paper p="sm" radius="md" bg="gray.1">
              <Text size="sm" fw={600}>{t('training.roleplay.theySaid', { persona })}</Text>
              <Text>{rp.currentNode.says}</Text>
            </Paper>
          </li>
        )}
      </Stack>
      {rp.finished ? (
        <Stack gap="xs">
          <Text role="status">{t('training.roleplay.finished')}</Text>
          <Button variant="light" onClick={() => restart.mutate()} loading={restart.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('training.roleplay.restart')}
          </Button>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!rp.currentNode || !draft.trim()) return;
            send.mutate({ nodeId: rp.currentNode.id, reply: draft }, { onSuccess: () => setDraft('') });
          }}
        >
          <Stack gap="xs">
            <Textarea label={t('training.roleplay.yourReply')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
            {send.isError && <ErrorState error={send.error} />}
            <Button type="submit" loading={send.isPending} disabled={!draft.trim()} style={{ alignSelf: 'flex-start' }}>
              {t('training.roleplay.send')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function FeedbackList({ feedback, listened }: { feedback: Feedback[]; listened: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper p="sm" radius="md" withBorder ml="xl" aria-label={t('training.roleplay.feedbackTitle')} component="section">
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>{t('training.roleplay.feedbackTitle')}</Text>
        <Badge color={listened ? 'green' : 'yellow'} variant="light">{listened ? t('training.roleplay.listened') : t('training.roleplay.missed')}</Badge>
      </Group>
      <List size="sm" spacing={4}>
        {feedback.map((f, i) => (
          <List.Item key={i}>
            <Text span fw={600}>{t(`training.roleplay.${f.kind}`)}: </Text>
            {f.text}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
