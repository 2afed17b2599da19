import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { useDraft } from '../../../lib/use-draft.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { GroupMatchCard } from '../../matching/components/GroupMatchCard.tsx';
import { createSupportRequest, joinSmallGroup } from '../../matching/api.ts';
import { describeReasons } from '../../matching/reasons.ts';
import { cardStore } from '../../safety/card-store.ts';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';
import { ScreenerForm } from '../../safety/components/ScreenerForm.tsx';
import { getConversation, sendToConversation, startConversation, talkToPerson, type BotAction, type Choice, type IntakeConversation, type IntakeMessage } from '../api.ts';

const STORAGE_KEY = 'hearth:intake-conversation';

/** Resumes this tab's conversation, or starts a new one (the assistant introduces itself as automated). */
async function loadOrStart(language: string): Promise<IntakeConversation> {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (stored) {
    try {
      return await getConversation(stored);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
  }
  const started = await startConversation(language);
  sessionStorage.setItem(STORAGE_KEY, started.id);
  return started;
}

/** The guided intake conversation with the automated guide: accessible chat log, keyboard composer, a person at any time. */
export function IntakeChatPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('intake.title'));
  const client = useQueryClient();
  const conversation = useQuery({ queryKey: ['intake', 'conversation'], queryFn: () => loadOrStart(i18n.language), staleTime: Infinity });
  const [text, setText, clearDraft] = useDraft('intake:message');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const update = (next: IntakeConversation) => client.setQueryData(['intake', 'conversation'], next);
  const send = useMutation({
    mutationFn: (body: { text: string } | { choice: Choice }) => sendToConversation(conversation.data!.id, body),
    onSuccess: (next, body) => {
      update(next);
      if ('text' in body) clearDraft();
    },
  });
  const human = useMutation({ mutationFn: () => talkToPerson(conversation.data!.id), onSuccess: update });
  const restart = useMutation({
    mutationFn: async () => {
      sessionStorage.removeItem(STORAGE_KEY);
      return loadOrStart(i18n.language);
    },
    onSuccess: update,
  });

  const messages = conversation.data?.messages ?? [];
  const last = messages.at(-1);
  // A crisis line from the guide brings up the same gentle card as everywhere else in Hearth.
  useEffect(() => {
    const card = [...messages].reverse().find((m) => m.author === 'bot' && m.extras.card)?.extras.card;
    if (card) cardStore.show({ card, aboutSomeoneElse: false });
  }, [messages]);

  if (conversation.isPending) return <Loading />;
  if (conversation.isError) return <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />;
  const conv = conversation.data;
  const firstWords = messages.find((m) => m.author === 'person')?.text ?? '';

  const submit = (e?: React.FormEvent) => {
    e?.preventDefault();
    if (text.trim().length === 0 || send.isPending) return;
    send.mutate({ text: text.trim() });
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{t('intake.title')}</Title>
        <Alert color="ink" variant="light" title={t('intake.botName')}>
          {t('intake.automatedNotice')}
        </Alert>
      </Stack>

      <div role="log" aria-live="polite" aria-label={t('intake.transcriptLabel')}>
        <Box component="ol" p={0} m={0} style={{ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 12 }}>
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} firstWords={firstWords} />
          ))}
        </Box>
      </div>

      <SafetyCardSlot />

      {last?.author === 'bot' && last.extras.choices && last.extras.choices.length > 0 && (
        <Group gap="xs" role="group" aria-label={last.text}>
          {last.extras.choices.map((c) => (
            <Button key={c} variant="light" size="sm" onClick={() => (c === 'human' ? human.mutate() : send.mutate({ choice: c }))} loading={(send.isPending && send.variables && 'choice' in send.variables && send.variables.choice === c) || (c === 'human' && human.isPending)}>
              {t(`intake.choices.${c}`)}
            </Button>
          ))}
        </Group>
      )}

      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea
            ref={inputRef}
            label={t('intake.messageLabel')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                submit();
              }
            }}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <FormError error={send.error ?? human.error} />
          <Group gap="xs">
            <Button type="submit" loading={send.isPending} disabled={text.trim().length === 0}>
              {t('intake.send')}
            </Button>
            {conv.abilities.talkToPerson && (
              <Button variant="outline" color="ink" onClick={() => human.mutate()} loading={human.isPending}>
                {t('intake.talkToPerson')}
              </Button>
            )}
            <Button variant="subtle" color="ink" onClick={() => restart.mutate()} loading={restart.isPending}>
              {t('intake.startOver')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Anchor component={Link} to="/matches">
        {t('intake.seeAllMatches')}
      </Anchor>
    </Stack>
  );
}

function MessageItem({ message: m, firstWords }: { message: IntakeMessage; firstWords: string }) {
  const { t, i18n } = useTranslation();
  const bot = m.author === 'bot';
  const nameId = useId();
  return (
    <li aria-labelledby={nameId}>
      <Paper withBorder={bot} bg={bot ? 'white' : 'forest.0'} p="sm" radius="md" ml={bot ? 0 : 'xl'}>
        <Stack gap={6}>
          <Text size="xs" fw={700} id={nameId} c="dimmed">
            {bot ? t('intake.botName') : t('intake.you')}
            {m.generated ? ` · ${t('intake.generatedNote')}` : ''}
          </Text>
          <Text className="message-body">{m.text}</Text>
          {m.extras.resources && m.extras.resources.length > 0 && (
            <Stack gap={4} component="ul" aria-label={t('intake.resourcesLabel')} p={0} style={{ listStyle: 'none' }}>
              {m.extras.resources.map((r) => (
                <li key={r.url}>
                  <Anchor component={Link} to={r.url} fw={600}>
                    {r.title}
                  </Anchor>
                  <Text size="sm">{r.summary}</Text>
                </li>
              ))}
            </Stack>
          )}
          {m.extras.groups && (
            <Stack gap="xs" aria-label={t('intake.groupsLabel')} component="section">
              {m.extras.groups.map((g) => (
                <GroupMatchCard key={g.id} headingLevel={3} match={{ id: g.id, name: g.name, reasons: g.reasons, abilities: g.abilities }} />
              ))}
            </Stack>
          )}
          {m.extras.supporters && (
            <Stack gap={4} component="ul" aria-label={t('intake.supportersLabel')} p={0} style={{ listStyle: 'none' }}>
              {m.extras.supporters.map((s) => (
                <li key={s.userId}>
                  <Text fw={600}>{s.displayName}</Text>
                  <Text size="sm">{describeReasons(s.reasons, t, i18n.language)}</Text>
                </li>
              ))}
            </Stack>
          )}
          {m.extras.actions && <Actions actions={m.extras.actions} requestId={m.extras.requestId} firstWords={firstWords} />}
        </Stack>
      </Paper>
    </li>
  );
}

/** The guide's one-tap next steps: ask for a supporter, join a small group now, the screener, my request's page. */
function Actions({ actions, requestId, firstWords }: { actions: BotAction[]; requestId?: string; firstWords: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [screener, setScreener] = useState(false);
  const request = useMutation({ mutationFn: () => createSupportRequest(firstWords || t('intake.talkToPerson')), onSuccess: (r) => void navigate(`/support/requests/${r.id}`) });
  const small = useMutation({
    mutationFn: () => joinSmallGroup(firstWords || t('intake.choices.small_group')),
    onSuccess: (r) => {
      if (r.safety) cardStore.show({ card: r.safety.card, aboutSomeoneElse: false });
      if (r.room) void navigate(`/small-groups/${r.room.id}`);
    },
  });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {actions.includes('request_supporter') && (
          <Button size="sm" onClick={() => request.mutate()} loading={request.isPending}>
            {t('intake.actions.request_supporter')}
          </Button>
        )}
        {actions.includes('small_group') && (
          <Button size="sm" variant="light" onClick={() => small.mutate()} loading={small.isPending}>
            {t('intake.actions.small_group')}
          </Button>
        )}
        {actions.includes('screener') && !screener && (
          <Button size="sm" variant="light" onClick={() => setScreener(true)}>
            {t('intake.actions.screener')}
          </Button>
        )}
        {actions.includes('request_status') && requestId && (
          <Button size="sm" component={Link} to={`/support/requests/${requestId}`}>
            {t('intake.actions.request_status')}
          </Button>
        )}
      </Group>
      <FormError error={request.error ?? small.error} />
      {screener && <ScreenerForm />}
    </Stack>
  );
}
