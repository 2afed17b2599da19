import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { AnalyticsSettings, OutcomeSettings } from '../api.ts';
import { useAnalyticsSettings, useOutcomeSettings, useSaveAnalyticsSettings, useSaveOutcomeSettings } from '../hooks.ts';

const COSTS = ['emergencyVisit', 'readmission', 'therapySession'] as const;

/** Admin settings that were API-only: the analytics privacy floor and unit costs, and how often measures are offered. */
export function AnalyticsSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('analytics.settings.title'));
  const analytics = useAnalyticsSettings();
  const outcomes = useOutcomeSettings();
  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={4}>
        <Title order={1}>{t('analytics.settings.title')}</Title>
        <Text>{t('analytics.settings.intro')}</Text>
        <Anchor component={Link} to="/analytics">{t('analytics.mood.back')}</Anchor>
      </Stack>
      {analytics.isPending ? <Loading /> : analytics.isError ? <ErrorState error={analytics.error} onRetry={() => void analytics.refetch()} /> : <PrivacyAndCosts initial={analytics.data} />}
      {outcomes.isPending ? <Loading /> : outcomes.isError ? <ErrorState error={outcomes.error} onRetry={() => void outcomes.refetch()} /> : <Reminders initial={outcomes.data} />}
    </Stack>
  );
}

/** A number field's value as the API wants it: NaN (sent as null) for an empty box, so the server names the field. */
const asNumber = (v: string | number) => (v === '' ? Number.NaN : Number(v));

/** One settings section: a titled panel holding a form that is checked by the server (no browser validation). */
function SettingsForm({ id, title, onSubmit, children }: { id: string; title: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}

/** The form's general error (when no field names it), the save button and the saved note. */
function SaveRow({ save, fields }: { save: { error: unknown; isPending: boolean; isSuccess: boolean }; fields: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {needsFormError(save.error, fields) && <FormError error={save.error} />}
      <Group gap="sm">
        <Button type="submit" loading={save.isPending}>{t('analytics.settings.save')}</Button>
        {save.isSuccess && <Text role="status" c="forest.9">{t('analytics.settings.saved')}</Text>}
      </Group>
    </>
  );
}

function PrivacyAndCosts({ initial }: { initial: AnalyticsSettings }) {
  const { t } = useTranslation();
  const save = useSaveAnalyticsSettings();
  const [minGroupSize, setMinGroupSize] = useState<string | number>(initial.minGroupSize);
  const [currency, setCurrency] = useState(initial.unitCosts.currency);
  const [costs, setCosts] = useState<Record<(typeof COSTS)[number], string | number>>({ ...initial.unitCosts });
  const error = save.error;
  return (
    <SettingsForm
      id="privacy-costs-title"
      title={t('analytics.settings.privacyTitle')}
      onSubmit={() =>
        save.mutate({
          minGroupSize: asNumber(minGroupSize),
          unitCosts: { currency: currency.trim().toUpperCase(), emergencyVisit: asNumber(costs.emergencyVisit), readmission: asNumber(costs.readmission), therapySession: asNumber(costs.therapySession) },
          costAssumptions: initial.costAssumptions,
          reliability: initial.reliability,
        })
      }
    >
      <NumberInput label={t('analytics.settings.minGroupSize')} description={t('analytics.settings.minGroupSizeHelp')} value={minGroupSize} onChange={setMinGroupSize} min={5} max={100} clampBehavior="none" allowDecimal={false} error={fieldError(error, 'minGroupSize')} maw={260} />
      <TextInput label={t('analytics.settings.currency')} description={t('analytics.settings.currencyHelp')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} maxLength={3} error={fieldError(error, 'unitCosts.currency')} maw={260} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {COSTS.map((item) => (
          <NumberInput key={item} label={t(`analytics.settings.${item}`)} value={costs[item]} onChange={(v) => setCosts((c) => ({ ...c, [item]: v }))} min={0} clampBehavior="none" error={fieldError(error, `unitCosts.${item}`)} />
        ))}
      </SimpleGrid>
      {save.data ? null : initial.examples && <Text size="sm" c="dimmed">{t('analytics.settings.examplesNote')}</Text>}
      <SaveRow save={save} fields={['minGroupSize', 'unitCosts']} />
    </SettingsForm>
  );
}

function Reminders({ initial }: { initial: OutcomeSettings }) {
  const { t } = useTranslation();
  const save = useSaveOutcomeSettings();
  const [screening, setScreening] = useState<string | number>(initial.screeningIntervalDays);
  const [checkin, setCheckin] = useState<string | number>(initial.checkinIntervalDays);
  const error = save.error;
  return (
    <SettingsForm id="reminders-title" title={t('analytics.settings.remindersTitle')} onSubmit={() => save.mutate({ screeningIntervalDays: asNumber(screening), checkinIntervalDays: asNumber(checkin) })}>
      <NumberInput label={t('analytics.settings.screeningInterval')} description={t('analytics.settings.screeningIntervalHelp')} value={screening} onChange={setScreening} min={14} max={28} clampBehavior="none" allowDecimal={false} error={fieldError(error, 'screeningIntervalDays')} maw={320} />
      <NumberInput label={t('analytics.settings.checkinInterval')} description={t('analytics.settings.checkinIntervalHelp')} value={checkin} onChange={setCheckin} min={3} max={30} clampBehavior="none" allowDecimal={false} error={fieldError(error, 'checkinIntervalDays')} maw={320} />
      <SaveRow save={save} fields={['screeningIntervalDays', 'checkinIntervalDays']} />
    </SettingsForm>
  );
}
