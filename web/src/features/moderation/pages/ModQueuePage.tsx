import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, List, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { NotOnCallTeam } from '../../safety/pages/OnCallPage.tsx';
import { moderationApi, type ItemDetail, type QueueItem, type ReviewAction } from '../api.ts';
import { useAct, useItem, useQueue } from '../hooks.ts';

const ACTIONS: ReviewAction[] = ['dismiss', 'hide', 'ask_edit', 'warn', 'mute', 'suspend', 'ban'];
/** Single-key shortcuts for the common actions (documented on the page). */
const SHORTCUTS: Record<string, ReviewAction> = { d: 'dismiss', h: 'hide', e: 'ask_edit', w: 'warn', m: 'mute' };

/** The moderators' live queue: the content in context, the author's history, and decisions by button or keyboard. */
export function ModQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.queue.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  return <Queue />;
}

function typingInField(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function Queue() {
  const { t } = useTranslation();
  const queue = useQueue();
  const items = queue.data?.items ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = items.find((i) => i.id === selectedId) ?? items[0] ?? null;
  const [announcement, setAnnouncement] = useState('');

  const move = useCallback(
    (delta: number) => {
      if (items.length === 0) return;
      const at = Math.max(0, items.findIndex((i) => i.id === selected?.id));
      setSelectedId(items[Math.min(items.length - 1, Math.max(0, at + delta))]!.id);
    },
    [items, selected],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        move(1);
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  if (queue.isPending) return <Loading />;
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('moderation.queue.title')}</Title>
        <Text>{t('moderation.queue.intro')}</Text>
        <Group component="nav" aria-label={t('moderation.queue.links')} gap="md">
          <Anchor component={Link} to="/moderation/log" size="sm">{t('moderation.queue.logLink')}</Anchor>
          <Anchor component={Link} to="/moderation/appeals" size="sm">{t('moderation.settings.appealsLink')}</Anchor>
          <Anchor component={Link} to="/moderation/settings" size="sm">{t('moderation.settings.settingsLink')}</Anchor>
          <Anchor component={Link} to="/moderation/notices" size="sm">{t('moderation.queue.noticesLink')}</Anchor>
        </Group>
      </Stack>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <Title order={2} size="h4">{t('moderation.queue.openCount', { count: queue.data.openCount })}</Title>
            {items.length === 0 ? (
              <Text>{t('moderation.queue.empty')}</Text>
            ) : (
              <ul aria-label={t('moderation.queue.title')} style={{ padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <QueueRow key={item.id} item={item} selected={item.id === selected?.id} onSelect={() => setSelectedId(item.id)} />
                ))}
              </ul>
            )}
            <Shortcuts />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected && <Review key={selected.id} itemId={selected.id} onDone={(message) => { setAnnouncement(message); setSelectedId(null); }} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function QueueRow({ item, selected, onSelect }: { item: QueueItem; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <li style={{ listStyle: 'none', marginBottom: 6 }}>
      <UnstyledButton
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        style={{ display: 'block', width: '100%', padding: 8, borderRadius: 8, border: `2px solid ${selected ? 'var(--mantine-color-ember-6)' : 'var(--mantine-color-gray-3)'}` }}
      >
        <Group gap={6}>
          <Text fw={650} size="sm">{t(`moderation.queue.kinds.${item.targetKind}`)}</Text>
          <Badge variant="light" color="gray">{t('moderation.queue.score', { score: item.score })}</Badge>
          {item.hidden && <Badge variant="outline" color="dark">{t('moderation.queue.hidden')}</Badge>}
        </Group>
        <Text size="sm">{item.author?.displayName ?? t('moderation.queue.formerMember')} · {t('moderation.queue.flags', { count: item.flagCount })}</Text>
      </UnstyledButton>
    </li>
  );
}

function Shortcuts() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="mod-shortcuts">
      <Title order={2} size="h5" id="mod-shortcuts">{t('moderation.queue.shortcutsTitle')}</Title>
      <List size="sm" spacing={2}>
        {(['next', 'previous', 'dismiss', 'hide', 'askEdit', 'warn', 'mute', 'note'] as const).map((k) => (
          <List.Item key={k}>{t(`moderation.queue.shortcuts.${k}`)}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

function Review({ itemId, onDone }: { itemId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const item = useItem(itemId);
  if (item.isPending) return <Loading />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  return <ReviewPanel item={item.data} onDone={onDone} key={item.data.id} t={t} />;
}

function ReviewPanel({ item, onDone, t }: { item: ItemDetail; onDone: (message: string) => void; t: ReturnType<typeof useTranslation>['t'] }) {
  const zone = useViewerZone();
  const { i18n } = useTranslation();
  const act = useAct();
  const [reason, setReason] = useState('');
  const [template, setTemplate] = useState<string | null>('be_kind');
  const [hours, setHours] = useState<number>(24);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => formatShortDateTime(iso, zone, i18n.language);

  const decide = useCallback(
    async (action: ReviewAction) => {
      setError(null);
      try {
        await act.mutateAsync({
          id: item.id, action, reason: reason.trim() || t(`moderation.queue.defaultReasons.${action}`),
          ...(action === 'warn' && template ? { template } : {}),
          ...(action === 'mute' || action === 'suspend' ? { durationHours: hours } : {}),
        });
        onDone(t('moderation.queue.done', { action: t(`moderation.queue.actions.${action}`) }));
      } catch (err) {
        setError(err instanceof ApiError ? err.message : t('errors.generic'));
      }
    },
    [act, item.id, reason, template, hours, onDone, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e.target) || e.ctrlKey || e.metaKey || e.altKey || !item.abilities.act || act.isPending) return;
      const action = SHORTCUTS[e.key.toLowerCase()];
      if (action) {
        e.preventDefault();
        void decide(action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, item.abilities.act, act.isPending]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mod-review-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="mod-review-heading">
          {t('moderation.queue.itemHeading')}: {t(`moderation.queue.kinds.${item.targetKind}`)}
        </Title>
        {item.autoReasons.length > 0 && <Text size="sm">{t('moderation.queue.autoReasons', { reasons: item.autoReasons.join(', ') })}</Text>}
        <section aria-labelledby="mod-context">
          <Title order={3} size="h5" id="mod-context">{item.context.length > 0 ? t('moderation.queue.context') : t('moderation.queue.content')}</Title>
          {item.content.title && <Text fw={650}>{item.content.title}</Text>}
          {item.context.length > 0 ? (
            <ol style={{ paddingLeft: 0 }}>
              {item.context.map((c) => (
                <li key={c.id} style={{ listStyle: 'none', padding: 6, borderLeft: c.target ? '4px solid var(--mantine-color-ember-6)' : '4px solid transparent' }}>
                  <Text size="sm" fw={650}>
                    {c.author?.displayName ?? t('moderation.queue.formerMember')} · <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
                    {c.target ? ` · ${t('moderation.queue.thisOne')}` : ''}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
                </li>
              ))}
            </ol>
          ) : (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{item.content.body}</Text>
          )}
        </section>
        <section aria-labelledby="mod-reports">
          <Title order={3} size="h5" id="mod-reports">{t('moderation.queue.reports')}</Title>
          <List size="sm">
            {item.flags.map((f) => (
              <List.Item key={f.id}>
                {t(`moderation.flag.reasons.${f.reason}`)} · {t('moderation.queue.reporter', { name: f.reporter?.displayName ?? t('moderation.queue.formerMember') })}
                {f.note ? ` · “${f.note}”` : ''}
              </List.Item>
            ))}
          </List>
        </section>
        <section aria-labelledby="mod-history">
          <Title order={3} size="h5" id="mod-history">{t('moderation.queue.history')}</Title>
          <Text size="sm">
            {item.author?.displayName ?? t('moderation.queue.formerMember')} · {t('moderation.queue.trust', { level: item.authorHistory.trustLevel ?? 'new' })} ·{' '}
            {t('moderation.queue.strikes', { count: item.authorHistory.strikes })}
          </Text>
          {item.authorHistory.actions.length === 0 ? (
            <Text size="sm">{t('moderation.queue.noHistory')}</Text>
          ) : (
            <List size="sm">
              {item.authorHistory.actions.slice(0, 5).map((a) => (
                <List.Item key={a.id}>{a.action} · {a.reason} · <time dateTime={a.createdAt}>{when(a.createdAt)}</time></List.Item>
              ))}
            </List>
          )}
          <Title order={4} size="h6" mt="xs">{t('moderation.queue.notes')}</Title>
          <List size="sm">
            {item.authorHistory.notes.map((n) => (
              <List.Item key={n.id}>{n.body} ({n.author?.displayName ?? ''})</List.Item>
            ))}
          </List>
          {item.abilities.note && (
            <Group
              align="end"
              component="form"
              onSubmit={(e: React.FormEvent) => {
                e.preventDefault();
                if (note.trim()) void moderationApi.addNote(item.id, note.trim()).then(() => setNote(''));
              }}
            >
              <Textarea label={t('moderation.queue.addNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize style={{ flex: 1 }} />
              <Button type="submit" variant="outline" size="sm">{t('moderation.queue.saveNote')}</Button>
            </Group>
          )}
        </section>
        {item.abilities.act && (
          <section aria-labelledby="mod-decide">
            <Title order={3} size="h5" id="mod-decide">{t('moderation.queue.decide')}</Title>
            <Stack gap="xs">
              <TextInput label={t('moderation.queue.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} placeholder={t('moderation.queue.defaultReasons.hide')} />
              <Group grow>
                <Select label={t('moderation.queue.template')} data={Object.keys(item.templates).map((k) => ({ value: k, label: item.templates[k]! }))} value={template} onChange={setTemplate} />
                <NumberInput label={t('moderation.queue.duration')} min={1} max={8760} value={hours} onChange={(v) => setHours(Number(v) || 24)} />
              </Group>
              {error && <Alert color="red" role="alert">{error}</Alert>}
              <Group gap="xs">
                {ACTIONS.map((a) => (
                  <Button key={a} size="sm" variant={a === 'dismiss' ? 'outline' : 'filled'} color={a === 'ban' || a === 'suspend' ? 'red.9' : undefined} loading={act.isPending && act.variables?.action === a} onClick={() => void decide(a)}>
                    {t(`moderation.queue.actions.${a}`)}
                  </Button>
                ))}
              </Group>
            </Stack>
          </section>
        )}
      </Stack>
    </Paper>
  );
}
