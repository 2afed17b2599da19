import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';
import { GroupMatchCard } from '../components/GroupMatchCard.tsx';
import { SupportNowForm } from '../components/SupportNowForm.tsx';
import { useGroupRecommendations } from '../hooks.ts';

/** Groups recommended for me with their reasons, and the two "right now" paths: a peer supporter or a small group. */
export function RecommendationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('matching.recommendationsTitle'));
  const recs = useGroupRecommendations();
  const list = recs.data?.recommendations ?? [];
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('matching.recommendationsTitle')}</Title>
        <Text>{t('matching.recommendationsIntro')}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/intake">
            {t('matching.startIntake')}
          </Anchor>
          <Anchor component={Link} to="/intake/profile">
            {t('matching.editProfile')}
          </Anchor>
        </Group>
      </Stack>
      {recs.isPending ? (
        <Loading />
      ) : recs.isError ? (
        <ErrorState error={recs.error} onRetry={() => void recs.refetch()} />
      ) : list.length === 0 ? (
        <Stack gap="xs">
          <Text>{t('matching.noMatches')}</Text>
          <Button component={Link} to="/intake" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('matching.startIntake')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="sm" component="section" aria-label={t('matching.recommendationsTitle')}>
          {list.map((r) => (
            <GroupMatchCard key={r.group.id} headingLevel={2} match={{ id: r.group.id, name: r.group.name, description: r.group.description, reasons: r.reasons, abilities: r.abilities }} />
          ))}
        </Stack>
      )}
      <SafetyCardSlot />
      <SupportNowForm kind="supporter" />
      <SupportNowForm kind="small_group" />
    </Stack>
  );
}
