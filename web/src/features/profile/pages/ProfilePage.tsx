import { useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatRelative } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { LoginSession, Me } from '../../auth/api.ts';
import { useLoginSessions, useMe, useRevokeLoginSession, useSignOut, useUpdateProfile } from '../../auth/hooks.ts';
import { CountryField, InterestsField, LanguagesField, TimeZoneField } from '../components/ProfileFields.tsx';
import { YourDataSection } from '../../privacy/components/YourDataSection.tsx';
import { BlockedPeopleSection } from '../../moderation/components/BlockedPeopleSection.tsx';

/** Profile and settings: how others see me, my time zone and country, devices, and signing out. */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const me = useMe();
  if (!me) return <Loading />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('profile.title')}</Title>
        <Text>{t('profile.signedInAs', { pseudonym: me.pseudonym })}</Text>
        <Anchor component={Link} to="/safety-plan" fw={600} w="fit-content">
          {t('safety.plan.profileLink')}
        </Anchor>
      </Stack>
      <ProfileForm me={me} key={me.id} />
      <Devices />
      <BlockedPeopleSection />
      <YourDataSection />
      <SignOutSection />
    </Stack>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, update.error);
  const [displayName, setDisplayName] = useState(me.displayName);
  const [pronouns, setPronouns] = useState(me.pronouns ?? '');
  const [languages, setLanguages] = useState(me.languages);
  const [timezone, setTimezone] = useState(me.timezone);
  const [country, setCountry] = useState(me.country ?? '');
  const [interests, setInterests] = useState(me.interests);
  const [email, setEmail] = useState(me.email ?? '');
  const err = update.error;

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-form-title">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({
            displayName: displayName.trim(),
            pronouns: pronouns.trim() || null,
            languages,
            timezone,
            country: country || null,
            interests,
            email: email.trim() || null,
          });
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id="profile-form-title">
            {t('profile.aboutYou')}
          </Title>
          <TextInput label={t('profile.displayName')} description={t('profile.displayNameHelp')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={fieldError(err, 'displayName')} required maxLength={60} />
          <TextInput label={t('profile.pronouns')} description={t('profile.pronounsHelp')} value={pronouns} onChange={(e) => setPronouns(e.currentTarget.value)} error={fieldError(err, 'pronouns')} maxLength={40} />
          <LanguagesField value={languages} onChange={setLanguages} error={fieldError(err, 'languages')} />
          <TimeZoneField value={timezone} onChange={setTimezone} error={fieldError(err, 'timezone')} />
          <CountryField value={country} onChange={setCountry} error={fieldError(err, 'country')} />
          <InterestsField value={interests} onChange={setInterests} error={fieldError(err, 'interests')} />
          <TextInput type="email" label={t('auth.emailOptional')} description={t('auth.emailHelp')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(err, 'email')} autoComplete="email" />
          {needsFormError(err, ['displayName', 'pronouns', 'languages', 'timezone', 'country', 'interests', 'email']) && <FormError error={err} />}
          {update.isSuccess && (
            <Text c="forest.9" role="status">
              {t('profile.saved')}
            </Text>
          )}
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t('profile.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Devices() {
  const { t } = useTranslation();
  const sessions = useLoginSessions();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="devices-title">
      <Title order={2} size="h3" id="devices-title" mb="xs">
        {t('profile.devices')}
      </Title>
      <Text mb="sm">{t('profile.devicesIntro')}</Text>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {sessions.data.sessions.map((s) => (
            <DeviceRow key={s.id} session={s} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function DeviceRow({ session }: { session: LoginSession }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeLoginSession();
  const device = describeDevice(session.userAgent) ?? t('profile.unknownDevice');
  return (
    <li>
      <Group justify="space-between" wrap="wrap" gap="xs" py={4} style={{ borderBottom: '1px solid #e9ecef' }}>
        <Stack gap={0}>
          <Group gap={6}>
            <Text fw={600}>{device}</Text>
            {session.current && <Badge color="forest.9">{t('profile.thisDevice')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {t('profile.lastSeen', { when: formatRelative(session.lastSeenAt, i18n.language) })}
          </Text>
        </Stack>
        {!session.current && (
          <Button size="sm" variant="outline" color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate(session.id)} aria-label={t('profile.signOutDeviceLabel', { device })}>
            {t('profile.signOutDevice')}
          </Button>
        )}
      </Group>
      <FormError error={revoke.error} />
    </li>
  );
}

function SignOutSection() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sign-out-title">
      <Title order={2} size="h3" id="sign-out-title" mb="xs">
        {t('profile.signOutTitle')}
      </Title>
      <Text mb="sm">{t('profile.signOutIntro')}</Text>
      <Button color="ink" onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/') })} loading={signOut.isPending}>
        {t('profile.signOut')}
      </Button>
    </Paper>
  );
}

/** A short, human device name from a user agent, e.g. "Firefox on Android". */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const os = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? userAgent.slice(0, 40);
}
