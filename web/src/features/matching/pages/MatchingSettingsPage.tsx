import { useRef, useState } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { AdminOnlySettings } from '../../../lib/components/AdminOnlySettings.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import { getMatchingSettings, saveMatchingSettings, type MatchingSettings } from '../api.ts';

/** The server's bounds (matching-settings.schemas.ts), checked here too so the form can say so before sending. */
const IDLE = { min: 5, max: 240 };
const CAP = { min: 1, max: 5 };
const settingsKey = ['matching', 'settings'] as const;

/** The organization's on-demand small-group settings (admins): idle time before a quiet group closes, and rooms per host. */
export function MatchingSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('matching.settings.title'));
  const me = useMe();
  const admin = me?.abilities.administer === true;
  const settings = useQuery({ queryKey: settingsKey, queryFn: getMatchingSettings, enabled: admin });
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/programs" size="sm">
        {t('matching.programs.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} id="matching-settings-title">
          {t('matching.settings.title')}
        </Title>
        <Text>{t('matching.settings.intro')}</Text>
      </Stack>
      <AdminOnlySettings admin={admin} adminsOnly={t('matching.settings.adminsOnly')} settings={settings}>
        {(saved) => <SettingsForm saved={saved} />}
      </AdminOnlySettings>
    </Stack>
  );
}

const asNumber = (v: number | string) => (typeof v === 'number' ? v : Number.parseFloat(v));

function SettingsForm({ saved }: { saved: MatchingSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [idle, setIdle] = useState<number | string>(saved.roomIdleMinutes);
  const [cap, setCap] = useState<number | string>(saved.maxRoomsPerHost);
  const [done, setDone] = useState(false);
  const save = useMutation({ mutationFn: saveMatchingSettings, onSuccess: (next) => client.setQueryData(settingsKey, next) });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, save.error);
  const idleValue = asNumber(idle);
  const capValue = asNumber(cap);
  const idleBad = !Number.isInteger(idleValue) || idleValue < IDLE.min || idleValue > IDLE.max;
  const capBad = !Number.isInteger(capValue) || capValue < CAP.min || capValue > CAP.max;

  return (
    // Labelled by the page heading: a second "Small-group settings" heading right under it only repeated it.
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="matching-settings-title">
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (idleBad || capBad) return;
          save.mutate({ roomIdleMinutes: idleValue, maxRoomsPerHost: capValue }, { onSuccess: () => setDone(true) });
        }}
      >
        <Stack gap="md">
          {saved.isDefault && <Text size="sm">{t('matching.settings.usingDefaults')}</Text>}
          <NumberInput
            label={t('matching.settings.idle')}
            description={t('matching.settings.idleHelp', IDLE)}
            value={idle}
            onChange={(v) => { setIdle(v); setDone(false); }}
            min={IDLE.min}
            max={IDLE.max}
            step={5}
            allowDecimal={false}
            suffix={` ${t('matching.settings.minutes')}`}
            error={idleBad ? t('matching.settings.idleRange', IDLE) : fieldError(save.error, 'roomIdleMinutes')}
            maw={320}
          />
          <NumberInput
            label={t('matching.settings.hostCap')}
            description={t('matching.settings.hostCapHelp', CAP)}
            value={cap}
            onChange={(v) => { setCap(v); setDone(false); }}
            min={CAP.min}
            max={CAP.max}
            allowDecimal={false}
            error={capBad ? t('matching.settings.hostCapRange', CAP) : fieldError(save.error, 'maxRoomsPerHost')}
            maw={320}
          />
          {needsFormError(save.error, ['roomIdleMinutes', 'maxRoomsPerHost']) && <FormError error={save.error} />}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={idleBad || capBad}>
              {t('matching.settings.save')}
            </Button>
            <Text role="status" size="sm">
              {done ? t('matching.settings.saved') : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
