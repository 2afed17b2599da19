import { useMemo, useRef, useState } from 'react';
import { Anchor, Button, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { listCountries } from '../../../lib/options.ts';
import { detectTimeZone, listTimeZones } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { guessCountryFromLocales } from '../../help/crisis.ts';
import { safeReturnPath } from '../../../lib/return-path.ts';
import { useSignUp } from '../hooks.ts';

/** Sign up with a pseudonym and password; e-mail optional; time zone detected and editable. */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('auth.signUpTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signUp = useSignUp();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, signUp.error);
  const [pseudonym, setPseudonym] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [timezone, setTimezone] = useState(detectTimeZone);
  const [country, setCountry] = useState(() => guessCountryFromLocales(navigator.languages ?? []) ?? '');
  const zones = useMemo(() => listTimeZones(timezone), [timezone]);
  const countries = useMemo(() => listCountries(i18n.language), [i18n.language]);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    signUp.mutate(
      { pseudonym: pseudonym.trim(), password, timezone, ...(email.trim() ? { email: email.trim() } : {}), ...(country ? { country } : {}) },
      {
        onSuccess: () => {
          const returnTo = params.get('returnTo');
          void navigate(returnTo ? `/welcome?returnTo=${encodeURIComponent(safeReturnPath(returnTo))}` : '/welcome');
        },
      },
    );
  };
  const err = signUp.error;

  return (
    <Stack maw={480} mx="auto" py="md">
      <Title order={1}>{t('auth.signUpTitle')}</Title>
      <Text>{t('auth.signUpIntro')}</Text>
      <Paper withBorder p="lg" radius="md" component="form" ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="sign-up-form-title">
        <Stack>
          <Title order={2} size="h4" id="sign-up-form-title">
            {t('auth.signUpFormTitle')}
          </Title>
          <TextInput
            label={t('auth.pseudonym')}
            description={t('auth.pseudonymHelp')}
            value={pseudonym}
            onChange={(e) => setPseudonym(e.currentTarget.value)}
            error={fieldError(err, 'pseudonym')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHelp')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(err, 'password')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
          />
          <TextInput
            type="email"
            label={t('auth.emailOptional')}
            description={t('auth.emailHelp')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(err, 'email')}
            autoComplete="email"
          />
          <NativeSelect
            label={t('auth.timezone')}
            description={t('auth.timezoneHelp')}
            value={timezone}
            onChange={(e) => setTimezone(e.currentTarget.value)}
            data={zones}
            error={fieldError(err, 'timezone')}
          />
          <NativeSelect
            label={t('auth.countryOptional')}
            description={t('auth.countryHelp')}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            data={[{ value: '', label: t('auth.countryNone') }, ...countries]}
            error={fieldError(err, 'country')}
          />
          {needsFormError(err, ['pseudonym', 'password', 'email', 'timezone', 'country']) && <FormError error={err} />}
          <Button type="submit" loading={signUp.isPending} size="md">
            {t('auth.signUpButton')}
          </Button>
        </Stack>
      </Paper>
      <Text>
        {t('auth.haveAccount')}{' '}
        <Anchor component={Link} to={`/sign-in${params.get('returnTo') ? `?returnTo=${encodeURIComponent(params.get('returnTo')!)}` : ''}`}>
          {t('auth.signInLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}

