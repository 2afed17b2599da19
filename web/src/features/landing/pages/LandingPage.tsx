import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';

/** What Hearth is, in a warm tone, with the two ways in. */
export function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(null);
  const features = ['groups', 'live', 'forums', 'oneToOne'] as const;
  // A page that sends someone here (e.g. after deleting their account) may leave a short note for them.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <Stack gap="xl" py="md">
      {notice && (
        <Alert color="forest" role="status" maw={680}>
          {notice}
        </Alert>
      )}
      <Stack gap="md" maw={680}>
        <Title order={1} fz={{ base: 32, sm: 44 }} lh={1.15}>
          {t('landing.title')}
        </Title>
        <Text fz="lg">{t('landing.intro')}</Text>
        <Group>
          {me ? (
            <>
              <Button component={Link} to="/groups" size="lg">
                {t('landing.goToGroups')}
              </Button>
              <Button component={Link} to="/calendar" size="lg" variant="outline">
                {t('nav.calendar')}
              </Button>
            </>
          ) : (
            <>
              <Button component={Link} to="/sign-up" size="lg">
                {t('landing.cta')}
              </Button>
              <Button component={Link} to="/sign-in" size="lg" variant="outline">
                {t('landing.signIn')}
              </Button>
            </>
          )}
        </Group>
        {!me && (
          <Text size="sm" c="dimmed">
            {t('landing.pseudonymNote')}
          </Text>
        )}
      </Stack>

      <section aria-labelledby="landing-what">
        <Title order={2} id="landing-what" mb="md">
          {t('landing.whatTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {features.map((key) => (
            <Paper key={key} withBorder p="md" radius="md" bg="ember.0">
              <Title order={3} size="h4" mb={6}>
                {t(`landing.features.${key}.title`)}
              </Title>
              <Text>{t(`landing.features.${key}.body`)}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="landing-promises">
        <Title order={2} id="landing-promises" mb="sm">
          {t('landing.promisesTitle')}
        </Title>
        <List spacing="xs">
          <List.Item>{t('landing.promises.pseudonym')}</List.Item>
          <List.Item>{t('landing.promises.peer')}</List.Item>
          <List.Item>{t('landing.promises.help')}</List.Item>
          <List.Item>{t('landing.promises.leave')}</List.Item>
        </List>
      </section>
    </Stack>
  );
}
