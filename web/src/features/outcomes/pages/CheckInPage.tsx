import { Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { MoodCheckinForm } from '../components/MoodCheckinForm.tsx';

/** A mood check-in, on its own or after a session (`?session=`). */
export function CheckInPage() {
  const { t } = useTranslation();
  usePageTitle(t('outcomes.checkin.title'));
  const [params] = useSearchParams();
  const session = params.get('session');
  return (
    <Stack gap="lg" maw={640}>
      <Stack gap={4}>
        <Title order={1}>{t('outcomes.checkin.title')}</Title>
        <Text>{t('outcomes.checkin.intro')}</Text>
      </Stack>
      <MoodCheckinForm sessionId={session && /^[0-9a-f-]{36}$/i.test(session) ? session : undefined} />
    </Stack>
  );
}
