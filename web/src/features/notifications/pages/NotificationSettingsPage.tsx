import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { Category, CategoryChoice, Channel, Preferences, PreferencesBody } from '../api.ts';
import { usePreferences, useSavePreferences } from '../hooks.ts';
import { currentSubscription, disablePush, enablePush, isPushSupported } from '../push.ts';

const CHANNELS: Channel[] = ['inApp', 'email', 'push', 'digest'];

/** Channels per type, quiet hours in my own time zone, the daily digest, what e-mail/push may say, and push on this device. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.settings.title'));
  const prefs = usePreferences();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('notifications.settings.title')}</Title>
        <Text>{t('notifications.settings.intro')}</Text>
      </Stack>
      {prefs.isPending ? <Loading /> : prefs.isError ? <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} /> : <SettingsForm saved={prefs.data} />}
      {prefs.data && <PushSection publicKey={prefs.data.push.publicKey} />}
    </Stack>
  );
}

/** A titled card section of the settings page. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function toBody(p: Preferences): PreferencesBody {
  const categories: PreferencesBody['categories'] = {};
  for (const c of p.categories) categories[c.category] = { inApp: c.inApp, email: c.email, push: c.push, digest: c.digest };
  return { categories, quietHours: p.quietHours, digestHour: p.digestHour, showDetails: p.showDetails };
}

function SettingsForm({ saved }: { saved: Preferences }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const [rows, setRows] = useState<CategoryChoice[]>(saved.categories);
  const [quietOn, setQuietOn] = useState(saved.quietHours !== null);
  const [quiet, setQuiet] = useState(saved.quietHours ?? { start: '22:00', end: '07:00' });
  const [digestHour, setDigestHour] = useState(saved.digestHour);
  const [showDetails, setShowDetails] = useState(saved.showDetails);
  const [justSaved, setJustSaved] = useState(false);

  const toggle = (category: Category, channel: Channel, value: boolean) => {
    setJustSaved(false);
    setRows((current) => current.map((r) => (r.category === category ? { ...r, [channel]: value } : r)));
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = toBody({ ...saved, categories: rows, quietHours: quietOn ? quiet : null, digestHour, showDetails });
    save.mutate(body, { onSuccess: () => setJustSaved(true) });
  };

  const emailNote = !saved.email.serverCanSend ? t('notifications.settings.emailOff') : !saved.email.hasAddress ? t('notifications.settings.emailMissing') : null;
  const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Section id="channels" title={t('notifications.settings.channelsTitle')}>
          {emailNote && (
            <Alert variant="light" color="gray" mb="sm">
              {emailNote}{' '}
              {saved.email.serverCanSend && (
                <Anchor component={Link} to="/profile">
                  {t('notifications.settings.profileLink')}
                </Anchor>
              )}
            </Alert>
          )}
          <Stack gap="xs">
            {rows.map((row) => {
              const label = t(`notifications.settings.categories.${row.category}`);
              return (
                <fieldset key={row.category} style={{ border: 0, borderTop: '1px solid #dee2e6', margin: 0, padding: '10px 0 2px' }}>
                  <legend style={{ fontWeight: 600, padding: 0, float: 'left', width: '100%', marginBottom: 6 }}>{label}</legend>
                  <Group gap="md" style={{ clear: 'both' }}>
                    {CHANNELS.map((channel) => (
                      <Checkbox
                        key={channel}
                        label={t(`notifications.settings.${channel}`)}
                        aria-label={`${t(`notifications.settings.${channel}`)}: ${label}`}
                        checked={row[channel]}
                        disabled={row.locked.includes(channel)}
                        onChange={(e) => toggle(row.category, channel, e.currentTarget.checked)}
                      />
                    ))}
                  </Group>
                </fieldset>
              );
            })}
          </Stack>
          <Text size="sm" c="dark.4" mt="xs">
            {t('notifications.settings.lockedNote')}
          </Text>
        </Section>

        <Section id="quiet" title={t('notifications.settings.quietTitle')}>
          <Text size="sm" mb="sm">
            {t('notifications.settings.quietIntro', { zone: saved.timezone.replace(/_/g, ' ') })}
          </Text>
          <Switch label={t('notifications.settings.quietEnabled')} checked={quietOn} onChange={(e) => setQuietOn(e.currentTarget.checked)} mb="sm" />
          {quietOn && (
            <Group>
              <TextInput type="time" label={t('notifications.settings.quietStart')} value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.currentTarget.value })} error={fieldError(save.error, 'quietHours.start')} />
              <TextInput type="time" label={t('notifications.settings.quietEnd')} value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.currentTarget.value })} error={fieldError(save.error, 'quietHours.end')} />
            </Group>
          )}
        </Section>

        <Section id="digest" title={t('notifications.settings.digestTitle')}>
          <Text size="sm" mb="sm">
            {t('notifications.settings.digestIntro')}
          </Text>
          <NativeSelect label={t('notifications.settings.digestHour')} data={hours} value={String(digestHour)} onChange={(e) => setDigestHour(Number(e.currentTarget.value))} maw={200} />
        </Section>

        <Section id="details" title={t('notifications.settings.detailsTitle')}>
          <Switch label={t('notifications.settings.showDetails')} description={t('notifications.settings.showDetailsHelp')} checked={showDetails} onChange={(e) => setShowDetails(e.currentTarget.checked)} />
        </Section>

        {save.isError && <FormError error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Text role="status" size="sm">
            {justSaved ? t('notifications.settings.saved') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

function PushSection({ publicKey }: { publicKey: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'unknown' | 'on' | 'off' | 'denied' | 'unsupported'>('unknown');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!isPushSupported()) return setState('unsupported');
    if (Notification.permission === 'denied') return setState('denied');
    void currentSubscription().then((s) => setState(s ? 'on' : 'off'));
  }, []);

  const turnOn = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await enablePush(publicKey);
      setState(result === 'enabled' ? 'on' : result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const turnOff = async () => {
    setBusy(true);
    await disablePush().catch(setError);
    setState('off');
    setBusy(false);
  };

  return (
    <Section id="push" title={t('notifications.settings.pushTitle')}>
      <Text size="sm" mb="sm">
        {t('notifications.settings.pushIntro')}
      </Text>
      <Stack gap="xs" aria-live="polite">
        {state === 'unsupported' && <Text size="sm">{t('notifications.settings.pushUnsupported')}</Text>}
        {state === 'denied' && <Text size="sm">{t('notifications.settings.pushDenied')}</Text>}
        {state === 'on' && <Text size="sm">{t('notifications.settings.pushOn')}</Text>}
        {error !== null && <FormError error={error} />}
      </Stack>
      {(state === 'off' || state === 'on') && (
        <Button mt="sm" variant="light" loading={busy} onClick={() => void (state === 'on' ? turnOff() : turnOn())}>
          {state === 'on' ? t('notifications.settings.pushDisable') : t('notifications.settings.pushEnable')}
        </Button>
      )}
    </Section>
  );
}
