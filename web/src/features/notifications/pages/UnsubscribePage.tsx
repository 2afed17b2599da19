import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { confirmUnsubscribe, describeUnsubscribe } from '../api.ts';

/**
 * The page an e-mail's unsubscribe link opens. Works signed out (the signed link is the permission). Opening it changes
 * nothing, because mail scanners open links; the person presses the button.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useQuery({ queryKey: ['unsubscribe', token], queryFn: () => describeUnsubscribe(token), retry: false });
  const confirm = useMutation({ mutationFn: () => confirmUnsubscribe(token) });
  const category = confirm.data?.category ?? info.data?.category;
  const what = category === '*' || !category ? t('notifications.unsubscribe.everything') : t(`notifications.settings.categories.${category}`);

  return (
    <Container size="sm" px={0}>
      <Stack>
        <Title order={1}>{t('notifications.unsubscribe.title')}</Title>
        {info.isPending ? (
          <Loading label={t('notifications.unsubscribe.checking')} />
        ) : info.isError ? (
          <ErrorState error={info.error} />
        ) : confirm.isSuccess ? (
          <Text role="status">{category === '*' ? t('notifications.unsubscribe.doneAll') : t('notifications.unsubscribe.done', { what })}</Text>
        ) : info.data.unsubscribed ? (
          <Text>{t('notifications.unsubscribe.already')}</Text>
        ) : (
          <>
            <Text fw={600}>{category === '*' ? t('notifications.unsubscribe.questionAll') : t('notifications.unsubscribe.question', { what })}</Text>
            <Text>{t('notifications.unsubscribe.explain')}</Text>
            {confirm.isError && <ErrorState error={confirm.error} />}
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('notifications.unsubscribe.confirm')}
            </Button>
          </>
        )}
      </Stack>
    </Container>
  );
}
