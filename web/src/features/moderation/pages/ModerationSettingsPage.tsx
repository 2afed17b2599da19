import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import { NotOnCallTeam } from '../../safety/pages/OnCallPage.tsx';
import { moderationApi, WATCHED_WORD_ACTIONS, type Settings, type WatchedWordAction } from '../api.ts';
import { moderationKeys } from '../hooks.ts';

const LEVELS = ['member', 'trusted', 'helper'] as const;
const MEASURES = ['daysVisited', 'postsRead', 'reactionsReceived'] as const;
const PROFANITY = ['allow', 'censor', 'flag', 'block'] as const;

/** The organization's moderation settings (thresholds, personal information, strong language, trust levels) and watched words. */
export function ModerationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.settings.title'));
  const me = useMe();
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('moderation.settings.title')}</Title>
      <Text>{t('moderation.settings.intro')}</Text>
      <SettingsSection />
      <WatchedWordsSection />
    </Stack>
  );
}

function SettingsSection() {
  const settings = useQuery({ queryKey: moderationKeys.settings, queryFn: moderationApi.settings });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Settings>(initial);
  const save = useMutation({
    mutationFn: () => moderationApi.saveSettings(draft),
    onSuccess: (data) => {
      client.setQueryData(moderationKeys.settings, data);
      setDraft(data);
    },
  });
  const num = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);
  const setThreshold = (level: (typeof LEVELS)[number], measure: (typeof MEASURES)[number], value: number) =>
    setDraft((d) => ({ ...d, trustThresholds: { ...d.trustThresholds, [level]: { ...d.trustThresholds[level], [measure]: value } } }));

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      aria-labelledby="mod-settings-general"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="mod-settings-general">{t('moderation.settings.general')}</Title>
        <NumberInput
          label={t('moderation.settings.hideThreshold')}
          description={t('moderation.settings.hideThresholdHint')}
          min={1}
          max={100}
          value={draft.hideThreshold}
          onChange={(v) => setDraft((d) => ({ ...d, hideThreshold: num(v) }))}
          error={fieldError(save.error, 'hideThreshold')}
          maw={360}
        />
        <Radio.Group label={t('moderation.settings.piiAction')} value={draft.piiAction} onChange={(v) => setDraft((d) => ({ ...d, piiAction: v as Settings['piiAction'] }))}>
          <Stack gap={6} mt={6}>
            <Radio value="redact" label={t('moderation.settings.piiActions.redact')} />
            <Radio value="hold" label={t('moderation.settings.piiActions.hold')} />
          </Stack>
        </Radio.Group>
        <Select
          label={t('moderation.settings.profanityAction')}
          data={PROFANITY.map((p) => ({ value: p, label: t(`moderation.settings.profanityActions.${p}`) }))}
          value={draft.profanityAction}
          onChange={(v) => v && setDraft((d) => ({ ...d, profanityAction: v as Settings['profanityAction'] }))}
          allowDeselect={false}
          maw={360}
        />
        <NumberInput
          label={t('moderation.settings.premoderatePosts')}
          min={0}
          max={50}
          value={draft.premoderatePosts}
          onChange={(v) => setDraft((d) => ({ ...d, premoderatePosts: num(v) }))}
          error={fieldError(save.error, 'premoderatePosts')}
          maw={360}
        />
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} size="h4" component="legend">{t('moderation.settings.trust')}</Title>
          <Text size="sm">{t('moderation.settings.trustIntro')}</Text>
          {LEVELS.map((level) => (
            <Stack key={level} gap={4} component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: 12, margin: 0 }}>
              <Text component="legend" fw={650} px={4}>{t(`moderation.settings.levels.${level}`)}</Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {MEASURES.map((measure) => (
                  <NumberInput
                    key={measure}
                    label={t(`moderation.settings.${measure}`)}
                    min={0}
                    value={draft.trustThresholds[level][measure]}
                    onChange={(v) => setThreshold(level, measure, num(v))}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          ))}
        </Stack>
        <FormError error={save.error} />
        {save.isSuccess && <Alert color="teal" role="status">{t('moderation.settings.saved')}</Alert>}
        <Button type="submit" loading={save.isPending} w="fit-content">{t('moderation.settings.save')}</Button>
      </Stack>
    </Paper>
  );
}

function WatchedWordsSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const words = useQuery({ queryKey: moderationKeys.watchedWords, queryFn: moderationApi.watchedWords });
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState<WatchedWordAction>('require_approval');
  const refresh = () => client.invalidateQueries({ queryKey: moderationKeys.watchedWords });
  const add = useMutation({
    mutationFn: () => moderationApi.addWatchedWord(pattern.trim(), action),
    onSuccess: async () => {
      setPattern('');
      await refresh();
    },
  });
  const change = useMutation({ mutationFn: (v: { id: string; action: WatchedWordAction }) => moderationApi.changeWatchedWord(v.id, v.action), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => moderationApi.removeWatchedWord(id), onSuccess: refresh });
  const actionOptions = WATCHED_WORD_ACTIONS.map((a) => ({ value: a, label: t(`moderation.settings.wordActions.${a}`) }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mod-words">
      <Stack gap="sm">
        <Title order={2} size="h3" id="mod-words">{t('moderation.settings.words')}</Title>
        <Text size="sm">{t('moderation.settings.wordsIntro')}</Text>
        <Group
          align="flex-end"
          gap="sm"
          component="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <TextInput label={t('moderation.settings.pattern')} value={pattern} onChange={(e) => setPattern(e.currentTarget.value)} maxLength={80} error={fieldError(add.error, 'pattern')} />
          <Select label={t('moderation.settings.action')} data={actionOptions} value={action} onChange={(v) => v && setAction(v as WatchedWordAction)} allowDeselect={false} />
          <Button type="submit" loading={add.isPending} disabled={pattern.trim().length < 2}>{t('moderation.settings.add')}</Button>
        </Group>
        <FormError error={add.error && !fieldError(add.error, 'pattern') ? add.error : (change.error ?? remove.error)} />
        {words.isPending ? (
          <Loading />
        ) : words.isError ? (
          <ErrorState error={words.error} onRetry={() => void words.refetch()} />
        ) : words.data.words.length === 0 ? (
          <Text size="sm" c="dimmed">{t('moderation.settings.wordsEmpty')}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 0 }} aria-labelledby="mod-words">
            {words.data.words.map((w) => (
              <li key={w.id} style={{ listStyle: 'none', padding: '6px 0', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <Group gap="sm" justify="space-between" wrap="wrap">
                  <Text fw={650}>{w.pattern}</Text>
                  <Group gap="xs">
                    <Select
                      aria-label={t('moderation.settings.actionFor', { pattern: w.pattern })}
                      data={actionOptions}
                      value={w.action}
                      onChange={(v) => v && change.mutate({ id: w.id, action: v as WatchedWordAction })}
                      allowDeselect={false}
                      size="xs"
                    />
                    <Button size="compact-sm" variant="outline" color="red.9" aria-label={t('moderation.settings.remove', { pattern: w.pattern })} onClick={() => remove.mutate(w.id)}>
                      {t('moderation.settings.removeShort')}
                    </Button>
                  </Group>
                </Group>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Paper>
  );
}
