import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/use-page-title.ts';
import { ShellFrame } from './shell/AppLayout.tsx';

/** Shown when a page fails to render. `standalone` draws the shell too (the layout itself failed). */
export function RouteError({ standalone }: { standalone?: boolean }) {
  const error = useRouteError();
  if (error) console.error(error);
  const body = <ErrorBody />;
  return standalone ? <ShellFrame>{body}</ShellFrame> : body;
}

function ErrorBody() {
  const { t } = useTranslation();
  usePageTitle(t('errors.title'));
  return (
    <Stack py="xl">
      <Title order={1}>{t('errors.title')}</Title>
      <Text>{t('errors.pageCrashed')}</Text>
      <Anchor component={Link} to="/">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}

/** 404 for unknown addresses. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <Stack py="xl">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFoundBody')}</Text>
      <Anchor component={Link} to="/">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
