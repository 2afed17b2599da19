import { Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { CrisisHelpContent } from '../components/CrisisHelpContent.tsx';

/** The same crisis lines as the dialog, at a stable address (/help) that can be bookmarked or shared. */
export function HelpPage() {
  const { t } = useTranslation();
  usePageTitle(t('help.dialogTitle'));
  return (
    <Container size="sm" px={0}>
      <Stack>
        <Title order={1} tabIndex={-1}>
          {t('help.dialogTitle')}
        </Title>
        <Text>{t('help.pageIntro')}</Text>
        <CrisisHelpContent headingLevel={2} />
      </Stack>
    </Container>
  );
}
