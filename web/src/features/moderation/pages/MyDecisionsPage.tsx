import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { moderationApi, type Decision } from '../api.ts';
import { AppealForm } from '../components/AppealForm.tsx';
import { moderationKeys } from '../hooks.ts';

/** Decisions moderators and facilitators made about me, each with its reason, and a way to appeal it once. */
export function MyDecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.decisions.title'));
  const decisions = useQuery({ queryKey: moderationKeys.decisions, queryFn: moderationApi.decisions });
  if (decisions.isPending) return <Loading />;
  if (decisions.isError) return <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('moderation.decisions.title')}</Title>
      <Text>{t('moderation.decisions.intro')}</Text>
      <Anchor component={Link} to="/moderation/notices" w="fit-content">{t('moderation.decisions.noticesLink')}</Anchor>
      {decisions.data.decisions.length === 0 ? (
        <Text>{t('moderation.decisions.empty')}</Text>
      ) : (
        decisions.data.decisions.map((d) => <DecisionCard key={d.id} decision={d} />)
      )}
    </Stack>
  );
}

function DecisionCard({ decision: d }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`decision-${d.id}`}>
      <Stack gap="xs">
        <Text fw={650} id={`decision-${d.id}`}>{t(`moderation.decisions.actions.${d.action}`, { defaultValue: d.action })}</Text>
        <Text size="xs" c="dimmed">
          <time dateTime={d.createdAt}>{formatShortDateTime(d.createdAt, zone, i18n.language)}</time>
          {d.expiresAt ? ` · ${t('moderation.decisions.until', { date: formatShortDateTime(d.expiresAt, zone, i18n.language) })}` : ''}
        </Text>
        <Text size="sm">{t('moderation.appeals.reason', { reason: d.reason })}</Text>
        {d.appeal && <Text size="sm" role="status">{t(`moderation.decisions.appealStatus.${d.appeal.status}`)}</Text>}
        {d.abilities.appeal && <AppealForm actionId={d.id} />}
      </Stack>
    </Paper>
  );
}
