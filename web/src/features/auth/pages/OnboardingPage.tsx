import { useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { detectTimeZone } from '../../../lib/time.ts';
import { safeReturnPath } from '../../../lib/return-path.ts';
import { InterestsField, LanguagesField, TimeZoneField } from '../../profile/components/ProfileFields.tsx';
import { useMe, useUpdateProfile } from '../hooks.ts';

/** First steps after sign-up: time zone, languages and interests (all can be changed later). */
export function OnboardingPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // The tab title is shown before the profile loads, so it uses the name-free heading.
  usePageTitle(t('onboarding.formLabel'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, update.error);
  const [timezone, setTimezone] = useState(() => me?.timezone && me.timezone !== 'UTC' ? me.timezone : detectTimeZone());
  const [languages, setLanguages] = useState<string[]>(() => (me?.languages.length ? me.languages : [i18n.language.split('-')[0] ?? 'en']));
  const [interests, setInterests] = useState<string[]>(() => me?.interests ?? []);
  const next = safeReturnPath(params.get('returnTo'), '/groups');

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate({ timezone, languages, interests, onboarded: true }, { onSuccess: () => void navigate(next) });
  };

  return (
    <Stack maw={640} mx="auto" py="md">
      <Title order={1}>{t('onboarding.title', { name: me?.displayName ?? '' })}</Title>
      <Text>{t('onboarding.intro')}</Text>
      <Paper withBorder p="lg" radius="md" component="form" ref={formRef} onSubmit={onSubmit} noValidate aria-label={t('onboarding.formLabel')}>
        <Stack gap="lg">
          <TimeZoneField value={timezone} onChange={setTimezone} error={fieldError(update.error, 'timezone')} />
          <LanguagesField value={languages} onChange={setLanguages} error={fieldError(update.error, 'languages')} />
          <InterestsField value={interests} onChange={setInterests} error={fieldError(update.error, 'interests')} />
          {needsFormError(update.error, ['timezone', 'languages', 'interests']) && <FormError error={update.error} />}
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('onboarding.save')}
            </Button>
            <Button variant="subtle" onClick={() => update.mutate({ onboarded: true }, { onSuccess: () => void navigate(next) })} disabled={update.isPending}>
              {t('onboarding.skip')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
