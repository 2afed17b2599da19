import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { FLAG_REASONS, moderationApi, type FlagReason, type TargetKind } from '../api.ts';

/** "Report": choose a reason (or "I'm worried about this person"), add a note, send. Says what happens next. */
export function FlagButton({ targetKind, targetId }: { targetKind: TargetKind; targetId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const what = t(`moderation.flag.what.${targetKind}`);

  const close = () => {
    setOpen(false);
    setReason(null);
    setNote('');
    setUrgent(false);
    setError(null);
    setDone(null);
  };

  const submit = async () => {
    if (!reason) return;
    if (reason === 'other' && !note.trim()) {
      setError(t('moderation.flag.noteRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await moderationApi.flag({ targetKind, targetId, reason, ...(note.trim() ? { note: note.trim() } : {}), ...(reason === 'worried' ? { urgent } : {}) });
      setDone(res.status === 'sent_to_safety' ? t('moderation.flag.thanksWorried') : t('moderation.flag.thanks'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setOpen(true)} aria-label={t('moderation.flag.openLabel', { what })}>
        {t('moderation.flag.open')}
      </Button>
      <Modal opened={open} onClose={close} title={t('moderation.flag.title')}>
        {done ? (
          <Stack>
            <Alert color="teal" role="status">{done}</Alert>
            <Button onClick={close}>{t('common.close')}</Button>
          </Stack>
        ) : (
          <Stack
            component="form"
            onSubmit={(e: React.FormEvent) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Text size="sm">{t('moderation.flag.intro')}</Text>
            <Radio.Group value={reason} onChange={(v) => setReason(v as FlagReason)} label={t('moderation.flag.title')} withAsterisk>
              <Stack gap={6} mt={6}>
                {FLAG_REASONS.map((r) => (
                  <Radio key={r} value={r} label={t(`moderation.flag.reasons.${r}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {reason === 'worried' && (
              <>
                <Text size="sm">{t('moderation.flag.worriedHint')}</Text>
                <Checkbox checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} label={t('moderation.flag.urgent')} />
              </>
            )}
            <Textarea label={t('moderation.flag.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} error={error ?? undefined} />
            <Button type="submit" disabled={!reason} loading={busy}>
              {t('moderation.flag.submit')}
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
