import { useState } from 'react';
import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { moderationApi } from '../api.ts';

/** "Appeal this decision": once per decision; the statement is kept if sending fails. */
export function AppealForm({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async () => {
    setError(null);
    setBusy(true);
    try {
      await moderationApi.appeal(actionId, statement.trim());
      setSent(true);
      await client.invalidateQueries({ queryKey: ['moderation'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  if (sent) return <Alert color="teal" role="status">{t('moderation.notices.appealSent')}</Alert>;
  if (!open) return <Button variant="outline" w="fit-content" onClick={() => setOpen(true)}>{t('moderation.notices.appeal')}</Button>;
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        void send();
      }}
    >
      <Textarea label={t('moderation.notices.appealLabel')} value={statement} onChange={(e) => setStatement(e.currentTarget.value)} minLength={10} maxLength={2000} autosize minRows={3} error={error ?? undefined} />
      <Button type="submit" w="fit-content" loading={busy} disabled={statement.trim().length < 10}>{t('moderation.notices.sendAppeal')}</Button>
    </Stack>
  );
}
