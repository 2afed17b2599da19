import { useId, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Progress, Radio, Select, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { DateTime } from 'luxon';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { resolveDateLocale } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { listMembers, listMyGroups } from '../../groups/api.ts';
import { getJourney, listCardTemplates, listRules, sendCard, type Journey, type Milestone } from '../api.ts';

/** My private journey: milestones, a forgiving rhythm, cards, and how each milestone is earned. Never a ranking. */
export function JourneyPage() {
  const { t } = useTranslation();
  usePageTitle(t('rewards.title'));
  const journey = useQuery({ queryKey: ['rewards', 'journey'], queryFn: getJourney });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('rewards.title')}</Title>
        <Text>{t('rewards.intro')}</Text>
      </Stack>
      {journey.isPending ? (
        <Loading />
      ) : journey.isError ? (
        <ErrorState error={journey.error} onRetry={() => void journey.refetch()} />
      ) : (
        <>
          <Milestones milestones={journey.data.milestones} />
          <RhythmSection rhythm={journey.data.rhythm} />
          <Cards cards={journey.data.cards} />
          {journey.data.abilities.sendCards && <SendCard />}
        </>
      )}
      <HowEarned />
    </Stack>
  );
}

function useFormatDate() {
  const { i18n } = useTranslation();
  const zone = useViewerZone();
  return (iso: string) => DateTime.fromISO(iso, { zone }).setLocale(resolveDateLocale(i18n.language)).toLocaleString(DateTime.DATE_FULL);
}

function Milestones({ milestones }: { milestones: Milestone[] }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  return (
    <Stack component="section" aria-labelledby="milestones-heading" gap="sm">
      <Title order={2} size="h3" id="milestones-heading">
        {t('rewards.milestones')}
      </Title>
      {milestones.length === 0 ? (
        <Text>{t('rewards.noMilestones')}</Text>
      ) : (
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {milestones.map((m) => (
            <li key={m.id}>
              <MilestoneCard milestone={m} earnedOn={m.awardedAt ? format(m.awardedAt) : null} />
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function MilestoneCard({ milestone: m, earnedOn }: { milestone: Milestone; earnedOn: string | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby={titleId} bg={m.earned ? '#fff6ef' : undefined} h="100%">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={titleId}>
            {m.title}
          </Title>
          <Badge variant="outline" color="ink" radius="sm">
            {t(`rewards.categories.${m.category}`, { defaultValue: m.category })}
          </Badge>
        </Group>
        <Text size="sm">{m.description}</Text>
        {m.earned ? (
          <Text size="sm" fw={600} c="ember.9">
            {t('rewards.earnedOn', { date: earnedOn })}
          </Text>
        ) : (
          <>
            <Progress value={(100 * m.progress.current) / m.progress.target} color="ember.7" aria-label={t('rewards.progressLabel', { title: m.title })} />
            <Text size="sm">{t('rewards.progress', m.progress)}</Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RhythmSection({ rhythm }: { rhythm: Journey['rhythm'] }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  return (
    <Stack component="section" aria-labelledby="rhythm-heading" gap="xs">
      <Title order={2} size="h3" id="rhythm-heading">
        {t('rewards.rhythmTitle')}
      </Title>
      <Text fw={600}>{rhythm.current > 0 ? t('rewards.rhythmCurrent', { count: rhythm.current }) : t('rewards.rhythmResting')}</Text>
      {rhythm.longest > 0 && <Text size="sm">{t('rewards.rhythmLongest', { count: rhythm.longest })}</Text>}
      <Text size="sm">{t('rewards.rhythmGrace', { count: rhythm.graceWeeks })}</Text>
      <Text size="sm" id="rhythm-weeks">
        {t('rewards.rhythmWeeks')}
      </Text>
      <Group component="ol" gap={4} aria-labelledby="rhythm-weeks" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rhythm.weeks.map((w) => {
          const label = t(w.active ? 'rewards.weekActive' : 'rewards.weekQuiet', { date: format(w.weekStart) });
          return (
            <li key={w.weekStart} title={label}>
              <span style={{ display: 'block', width: 20, height: 20, borderRadius: 4, background: w.active ? '#b4541f' : '#f1e4da', border: '1px solid #8a3d1b' }} />
              <VisuallyHidden>{label}</VisuallyHidden>
            </li>
          );
        })}
      </Group>
    </Stack>
  );
}

function Cards({ cards }: { cards: Journey['cards'] }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  return (
    <Stack component="section" aria-labelledby="cards-heading" gap="sm">
      <Title order={2} size="h3" id="cards-heading">
        {t('rewards.cardsTitle')}
      </Title>
      {cards.length === 0 ? (
        <Text>{t('rewards.noCards')}</Text>
      ) : (
        cards.map((c) => (
          <Paper key={c.id} withBorder p="md" radius="md" bg="#fffaf5">
            <Text fs="italic">“{c.text}”</Text>
            <Text size="sm" mt={4}>
              {c.fromName ? t('rewards.cardFrom', { name: c.fromName }) : t('rewards.cardFromSomeone')} · {format(c.createdAt)}
            </Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}

function SendCard() {
  const { t } = useTranslation();
  const zone = useViewerZone();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [recipientId, setRecipientId] = useState<string | null>(null);
  const [template, setTemplate] = useState('');
  const groups = useQuery({ queryKey: ['groups', 'mine', zone], queryFn: () => listMyGroups(zone) });
  const members = useQuery({ queryKey: ['groups', 'members', groupId], queryFn: () => listMembers(groupId!), enabled: Boolean(groupId) });
  const templates = useQuery({ queryKey: ['rewards', 'templates'], queryFn: listCardTemplates });
  const send = useMutation({ mutationFn: () => sendCard({ recipientId: recipientId!, template }) });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }
  return (
    <Stack component="section" aria-labelledby="send-card-heading" gap="sm">
      <Title order={2} size="h3" id="send-card-heading">
        {t('rewards.sendTitle')}
      </Title>
      <Text size="sm">{t('rewards.sendIntro')}</Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FormError error={send.error} />
          <Select label={t('rewards.group')} value={groupId} onChange={(v) => { setGroupId(v); setRecipientId(null); }} data={(groups.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))} />
          <Select
            label={t('rewards.person')}
            value={recipientId}
            onChange={setRecipientId}
            disabled={!groupId}
            data={(members.data?.members ?? []).filter((m) => m.status === 'active').map((m) => ({ value: m.userId, label: m.displayName }))}
          />
          <Radio.Group label={t('rewards.message')} value={template} onChange={setTemplate}>
            <Stack gap={6} mt={4}>
              {(templates.data?.templates ?? []).map((tpl) => (
                <Radio key={tpl.id} value={tpl.id} label={tpl.text} />
              ))}
            </Stack>
          </Radio.Group>
          {send.isSuccess && (
            <Alert color="green" role="status">
              {t('rewards.sent')}
            </Alert>
          )}
          <Group>
            <Button type="submit" disabled={!recipientId || !template} loading={send.isPending}>
              {t('rewards.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function HowEarned() {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: ['rewards', 'rules'], queryFn: listRules });
  return (
    <Stack component="section" aria-labelledby="how-heading" gap="xs" id="how-milestones-are-earned">
      <Title order={2} size="h3" id="how-heading">
        {t('rewards.howTitle')}
      </Title>
      <Text size="sm">{t('rewards.howIntro')}</Text>
      {rules.data && (
        <List spacing="xs">
          {rules.data.rules.map((r) => (
            <List.Item key={r.id}>
              <Text span fw={650}>
                {r.title}
              </Text>
              {' — '}
              {r.description} {t('rewards.threshold', { count: r.threshold })}: {r.howToEarn}
              {!r.earnable && (
                <Text span c="dimmed">
                  {' '}
                  ({t('rewards.notYet')})
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
