import { useRef, useState } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { AdminOnlySettings } from '../../../lib/components/AdminOnlySettings.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import type { SafetySettings } from '../api.ts';
import { useSafetySettings, useSaveSafetySettings } from '../hooks.ts';
import { slaMinutesToSeconds, slaSecondsToMinutes } from '../rota.ts';
import { OnCallHeader } from '../components/OnCallHeader.tsx';

/** The organization's safety settings (admins): how long before an unacknowledged case escalates, and holding urgent forum posts. */
export function SafetySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('safety.settings.title'));
  const me = useMe();
  const admin = me?.abilities.administer === true;
  const settings = useSafetySettings(admin);
  return (
    <Stack gap="lg">
      <OnCallHeader title={t('safety.settings.title')} intro={t('safety.settings.intro')} />
      <AdminOnlySettings admin={admin} adminsOnly={t('safety.settings.adminsOnly')} settings={settings}>
        {(saved) => <SettingsForm saved={saved} />}
      </AdminOnlySettings>
    </Stack>
  );
}

function SettingsForm({ saved }: { saved: SafetySettings }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | string>(slaSecondsToMinutes(saved.ackSlaSeconds));
  const [hold, setHold] = useState(saved.holdUrgentForumPosts);
  const [done, setDone] = useState(false);
  const save = useSaveSafetySettings();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, save.error);
  const value = typeof minutes === 'number' ? minutes : Number.parseFloat(minutes);
  const invalid = !Number.isFinite(value) || value < 0.5 || value > 60;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="settings-form-title">
      <Title order={2} size="h3" id="settings-form-title" mb="sm">
        {t('safety.settings.formTitle')}
      </Title>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          save.mutate({ ackSlaSeconds: slaMinutesToSeconds(value), holdUrgentForumPosts: hold }, { onSuccess: () => setDone(true) });
        }}
      >
        <Stack gap="md">
          <NumberInput
            label={t('safety.settings.sla')}
            description={t('safety.settings.slaHelp')}
            value={minutes}
            onChange={(v) => { setMinutes(v); setDone(false); }}
            min={0.5}
            max={60}
            step={0.5}
            decimalScale={1}
            suffix={` ${t('safety.settings.minutes')}`}
            error={invalid ? t('safety.settings.slaRange') : fieldError(save.error, 'ackSlaSeconds')}
            maw={260}
          />
          <Switch
            label={t('safety.settings.hold')}
            description={t('safety.settings.holdHelp')}
            checked={hold}
            onChange={(e) => { setHold(e.currentTarget.checked); setDone(false); }}
          />
          {needsFormError(save.error, ['ackSlaSeconds', 'holdUrgentForumPosts']) && <FormError error={save.error} />}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={invalid}>
              {t('safety.settings.save')}
            </Button>
            <Text role="status" size="sm">
              {done ? t('safety.settings.saved') : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
