import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { suggestCorrection, type DirectoryEntry } from '../api.ts';

const FIELDS = ['phone', 'website', 'openingHours', 'address', 'eligibility'] as const;

/** Anyone can suggest a correction; it waits for a moderator. Only filled-in fields are sent. */
export function SuggestCorrection({ service }: { service: DirectoryEntry }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const send = useMutation({ mutationFn: () => suggestCorrection(service.id, { changes: Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim())), note }) });

  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }

  return (
    <>
      <Anchor component="button" type="button" onClick={open} c="ember.9" underline="always">
        {t('directory.suggest')}
      </Anchor>
      <AppModal opened={opened} onClose={close} title={t('directory.suggestTitle', { name: service.name })}>
        {send.isSuccess ? (
          <Alert color="green" role="status">
            {t('directory.thanks')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t('directory.suggestIntro')}</Text>
              <FormError error={send.error} />
              {FIELDS.map((f) => (
                <TextInput key={f} label={t(`directory.fields.${f}`)} value={values[f] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f]: e.currentTarget.value }))} error={fieldError(send.error, `changes.${f}`)} />
              ))}
              <Textarea label={t('directory.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} error={fieldError(send.error, 'note')} />
              <Button type="submit" loading={send.isPending}>
                {t('directory.send')}
              </Button>
            </Stack>
          </form>
        )}
      </AppModal>
    </>
  );
}
