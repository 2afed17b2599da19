import { useState } from 'react';
import { Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import type { Preferences } from '../api.ts';
import { useSavePreferences } from '../hooks.ts';

/** The person's choices: reminders, the explicit research opt-in, and telling their peer supporter about a decline. */
export function ChoicesForm({ saved }: { saved: Preferences }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState({ remindersEnabled: saved.remindersEnabled, researchOptIn: saved.researchOptIn, alertSupporterOnDecline: saved.alertSupporterOnDecline });
  const save = useSavePreferences();
  const set = (key: keyof typeof choices) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setChoices({ ...choices, [key]: e.currentTarget.checked });
    save.reset();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="choices-title">
      <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate(choices); }}>
        <Stack gap="md">
          <Title order={2} size="h3" id="choices-title">{t('outcomes.choices.title')}</Title>
          <Switch checked={choices.remindersEnabled} onChange={set('remindersEnabled')} label={t('outcomes.choices.reminders')} />
          <Switch checked={choices.researchOptIn} onChange={set('researchOptIn')} label={t('outcomes.choices.research')} description={t('outcomes.choices.researchHelp')} />
          <Switch checked={choices.alertSupporterOnDecline} onChange={set('alertSupporterOnDecline')} label={t('outcomes.choices.supporter')} description={t('outcomes.choices.supporterHelp')} />
          {save.isError && <FormError error={save.error} />}
          <Group>
            <Button type="submit" variant="outline" color="ink" loading={save.isPending}>{t('outcomes.choices.save')}</Button>
            <Text role="status" size="sm">{save.isSuccess ? t('outcomes.choices.saved') : ''}</Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
