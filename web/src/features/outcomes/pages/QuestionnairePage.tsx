import { Stack, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../../app/RouteError.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { QuestionnaireForm } from '../components/QuestionnaireForm.tsx';

const NAMES = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

/** The PHQ-9 or GAD-7 page. */
export function QuestionnairePage() {
  const { instrument } = useParams();
  const { t } = useTranslation();
  const name = instrument === 'phq9' || instrument === 'gad7' ? NAMES[instrument] : null;
  usePageTitle(name ?? t('outcomes.progress.title'));
  if (!name) return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{name}</Title>
      <QuestionnaireForm instrument={instrument as 'phq9' | 'gad7'} />
    </Stack>
  );
}
