import { useRef, useState } from 'react';
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { safeReturnPath } from '../../../lib/return-path.ts';
import { useMe, useSignIn } from '../hooks.ts';

/** Sign in with pseudonym and password, then go back where the person was. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signInTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, signIn.error);
  const [pseudonym, setPseudonym] = useState('');
  const [password, setPassword] = useState('');
  const returnTo = safeReturnPath(params.get('returnTo'));

  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={returnTo} replace />;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    signIn.mutate({ pseudonym: pseudonym.trim(), password }, { onSuccess: () => void navigate(returnTo, { replace: true }) });
  };
  const err = signIn.error;

  return (
    <Stack maw={480} mx="auto" py="md">
      <Title order={1}>{t('auth.signInTitle')}</Title>
      {params.get('returnTo') && <Text>{t('auth.signInToContinue')}</Text>}
      <Paper withBorder p="lg" radius="md" component="form" ref={formRef} onSubmit={onSubmit} noValidate aria-label={t('auth.signInTitle')}>
        <Stack>
          <TextInput
            label={t('auth.pseudonym')}
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
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(err, 'password')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
          />
          {needsFormError(err, ['pseudonym', 'password']) && <FormError error={err} />}
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signInButton')}
          </Button>
        </Stack>
      </Paper>
      <Text>
        {t('auth.noAccount')}{' '}
        <Anchor component={Link} to={`/sign-up${params.get('returnTo') ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`}>
          {t('auth.signUpLink')}
        </Anchor>
      </Text>
      <Text size="sm" c="dimmed">
        {t('auth.forgotNote')}
      </Text>
    </Stack>
  );
}
