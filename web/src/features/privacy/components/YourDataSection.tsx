import { useRef, useState } from 'react';
import { Anchor, Button, Group, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { exportUrl } from '../api.ts';
import { useDataSummary, useDeleteAccount } from '../hooks.ts';

/** "Your data": what Hearth holds, two download links, and deleting the account (with a gentle pause first). */
export function YourDataSection() {
  const { t } = useTranslation();
  const summary = useDataSummary();
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="your-data-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="your-data-title">
          {t('privacy.title')}
        </Title>
        <Text>{t('privacy.intro')}</Text>
        <Title order={3} size="h5">
          {t('privacy.holds')}
        </Title>
        {summary.isPending ? (
          <Loading />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <List spacing={2}>
            {summary.data.sections.map((s) => (
              <List.Item key={s.name}>
                {t(`privacy.sections.${s.name}`, { defaultValue: s.name })}: {t('privacy.records', { count: s.records })}
              </List.Item>
            ))}
          </List>
        )}
        <Group gap="sm">
          <Button component="a" href={exportUrl('json')} download variant="outline">
            {t('privacy.downloadJson')}
          </Button>
          <Button component="a" href={exportUrl('csv')} download variant="outline" h="auto" mih={36} py={6} maw="100%" styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}>
            {t('privacy.downloadCsv')}
          </Button>
        </Group>
        <Text size="sm">{t('privacy.downloadNote')}</Text>
        <Title order={3} size="h5" mt="sm">
          {t('privacy.deleteTitle')}
        </Title>
        <Text>{t('privacy.deleteIntro')}</Text>
        <Button color="red.9" variant="outline" w="fit-content" onClick={() => setConfirming(true)}>
          {t('privacy.deleteButton')}
        </Button>
      </Stack>
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('privacy.dialogTitle')}>
        <DeleteAccountForm onCancel={() => setConfirming(false)} />
      </AppModal>
    </Paper>
  );
}

function DeleteAccountForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, remove.error);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const err = remove.error;
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // The server's confirmation is a fixed phrase; the person types it in their own language.
        remove.mutate({ password, confirm: 'delete my account' }, { onSuccess: () => void navigate('/', { state: { notice: t('privacy.deleted') } }) });
      }}
    >
      <Stack gap="sm">
        <Text>{t('privacy.dialogBody')}</Text>
        <Text size="sm">
          {t('privacy.downloadFirst')}{' '}
          <Anchor href={exportUrl('json')} download>
            {t('privacy.downloadJson')}
          </Anchor>
        </Text>
        <PasswordInput label={t('privacy.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(err, 'password')} autoComplete="current-password" required />
        <TextInput label={t('privacy.confirmLabel')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={fieldError(err, 'confirm')} autoComplete="off" required />
        {needsFormError(err, ['password', 'confirm']) && <FormError error={err} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('privacy.keepAccount')}
          </Button>
          <Button type="submit" color="red.9" loading={remove.isPending} disabled={confirm.trim().toLowerCase() !== t('privacy.confirmPhrase')}>
            {t('privacy.confirmDelete')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
