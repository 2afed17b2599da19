import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client.ts';

/** A kind error with a retry button; server messages are already written for people and shown as-is. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : t('errors.generic');
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert" my="md">
      <Stack gap="sm" align="flex-start">
        <Text c="#3b0d0d">{message}</Text>
        {onRetry && (
          <Button variant="outline" color="red.9" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A centred spinner with an accessible name. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={label ?? t('common.loading')} />
    </Center>
  );
}

/** Server problem shown next to a form (for errors not tied to one field). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.generic');
  return (
    <Alert color="red" variant="light" role="alert">
      <Text c="#3b0d0d">{message}</Text>
    </Alert>
  );
}
