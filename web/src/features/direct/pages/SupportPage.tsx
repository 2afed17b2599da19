import { useId, useRef, useState } from 'react';
import { Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { languageName, topicLabel } from '../../../lib/options.ts';
import { formatRelative } from '../../../lib/time.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import type { Conversation } from '../api.ts';
import { useConversations, useRequestConversation, useRespondToConversation, useSupporters } from '../hooks.ts';

/** One-to-one support: my conversations (either side), and asking a peer supporter for one. */
export function SupportPage() {
  const { t } = useTranslation();
  usePageTitle(t('direct.title'));
  const me = useMe();
  const conversations = useConversations();
  const list = conversations.data?.conversations ?? [];
  const incoming = list.filter((c) => c.myRole === 'supporter');
  const outgoing = list.filter((c) => c.myRole === 'member');
  const isSupporter = me?.role === 'peer_supporter';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('direct.title')}</Title>
        <Text>{t('direct.intro')}</Text>
      </Stack>
      {conversations.isPending ? (
        <Loading />
      ) : conversations.isError ? (
        <ErrorState error={conversations.error} onRetry={() => void conversations.refetch()} />
      ) : (
        <>
          {(isSupporter || incoming.length > 0) && (
            <ConversationSection id="incoming" title={t('direct.incomingTitle')} empty={t('direct.incomingEmpty')} conversations={incoming} />
          )}
          <ConversationSection id="outgoing" title={t('direct.myConversations')} empty={t('direct.noConversations')} conversations={outgoing} />
        </>
      )}
      <RequestForm />
    </Stack>
  );
}

function ConversationSection({ id, title, empty, conversations }: { id: string; title: string; empty: string; conversations: Conversation[] }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {conversations.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack gap="sm">
          {conversations.map((c) => (
            <ConversationCard key={c.id} conversation={c} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function ConversationCard({ conversation: c }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const respond = useRespondToConversation();
  const titleId = useId();
  const other = c.myRole === 'member' ? c.supporter : c.member;
  const statusColor = { pending: 'amber.9', accepted: 'forest.9', declined: 'gray.8', closed: 'gray.8' }[c.status];
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4" id={titleId}>
            {other.displayName}
            {other.pronouns ? ` (${other.pronouns})` : ''}
          </Title>
          <Badge color={statusColor} variant="filled">
            {t(`direct.status.${c.status}`)}
          </Badge>
        </Group>
        {c.intro && (
          <Text size="sm" className="message-body" lineClamp={4}>
            {c.intro}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('direct.requested', { when: formatRelative(c.createdAt, i18n.language) })}
        </Text>
        <Group gap="xs">
          {c.abilities.chat && c.roomId && (
            <Button component={Link} to={`/support/${c.id}`} size="sm">
              {t('direct.openChat')}
            </Button>
          )}
          {c.abilities.accept && (
            <Button size="sm" color="forest.9" loading={respond.isPending && respond.variables?.action === 'accept'} onClick={() => respond.mutate({ id: c.id, action: 'accept' })}>
              {t('direct.accept')}
            </Button>
          )}
          {c.abilities.decline && (
            <Button size="sm" variant="outline" color="ink" loading={respond.isPending && respond.variables?.action === 'decline'} onClick={() => respond.mutate({ id: c.id, action: 'decline' })}>
              {t('direct.decline')}
            </Button>
          )}
          {c.abilities.close && (
            <Button size="sm" variant="subtle" color="ink" loading={respond.isPending && respond.variables?.action === 'close'} onClick={() => respond.mutate({ id: c.id, action: 'close' })}>
              {t('direct.close')}
            </Button>
          )}
        </Group>
        <FormError error={respond.error} />
      </Stack>
    </Paper>
  );
}

function RequestForm() {
  const { t, i18n } = useTranslation();
  const supporters = useSupporters();
  const request = useRequestConversation();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, request.error);
  const me = useMe();
  const [supporterId, setSupporterId] = useState('');
  const [intro, setIntro, clearIntro] = useDraft('direct.intro');
  const [sent, setSent] = useState(false);
  const options = (supporters.data?.supporters ?? []).filter((s) => s.id !== me?.id);

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="request-title">
      <Title order={2} size="h3" id="request-title" mb="xs">
        {t('direct.requestTitle')}
      </Title>
      <Text mb="sm">{t('direct.requestIntro')}</Text>
      {supporters.isPending ? (
        <Loading />
      ) : supporters.isError ? (
        <ErrorState error={supporters.error} onRetry={() => void supporters.refetch()} />
      ) : options.length === 0 ? (
        <Text>{t('direct.noSupporters')}</Text>
      ) : (
        <form
        ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSent(false);
            request.mutate(
              { supporterId, intro: intro.trim() },
              {
                onSuccess: () => {
                  clearIntro();
                  setSupporterId('');
                  setSent(true);
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <Radio.Group label={t('direct.chooseSupporter')} value={supporterId} onChange={setSupporterId} error={fieldError(request.error, 'supporterId')} required>
              <Stack gap="xs" mt="xs">
                {options.map((s) => (
                  <Radio
                    key={s.id}
                    value={s.id}
                    label={`${s.displayName}${s.pronouns ? ` (${s.pronouns})` : ''}`}
                    description={[s.languages.map((l) => languageName(l, i18n.language)).join(', '), s.interests.map((x) => topicLabel(t, x)).join(', ')].filter(Boolean).join(' · ')}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('direct.introLabel')}
              description={t('direct.introHelp')}
              value={intro}
              onChange={(e) => setIntro(e.currentTarget.value)}
              autosize
              minRows={3}
              error={fieldError(request.error, 'intro')}
              required
            />
            {needsFormError(request.error, ['supporterId', 'intro']) && <FormError error={request.error} />}
            {sent && (
              <Text c="forest.9" role="status">
                {t('direct.requestSent')}
              </Text>
            )}
            <Button type="submit" loading={request.isPending} w="fit-content">
              {t('direct.sendRequest')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
