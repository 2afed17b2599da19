import { Anchor, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { ChartFigure } from '../../outcomes/components/ChartFigure.tsx';
import { useGroupMood } from '../hooks.ts';

/** A group's mood over time, for its facilitators: weekly aggregates only, thin weeks left out. */
export function GroupMoodPage() {
  const { groupId = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('analytics.mood.title'));
  const mood = useGroupMood(groupId);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/analytics">{t('analytics.mood.back')}</Anchor>
      <Title order={1}>{t('analytics.mood.title')}</Title>
      {mood.isPending ? <Loading /> : mood.isError ? <ErrorState error={mood.error} onRetry={() => void mood.refetch()} /> : (
        <>
          <Text>{t('analytics.mood.intro', { min: mood.data.minGroupSize })}</Text>
          <ChartFigure
            title={t('analytics.mood.title')}
            summary={t('analytics.mood.summary', { count: mood.data.weeks.filter((w) => !w.suppressed).length })}
            rows={mood.data.weeks.filter((w) => !w.suppressed).map((w) => ({ week: DateTime.fromISO(w.weekStart).setLocale(i18n.language).toLocaleString({ day: 'numeric', month: 'short' }), checkin: w.checkinMean, sentiment: w.messageSentiment }))}
            xKey="week"
            xLabel={t('outcomes.chart.week')}
            series={[{ key: 'checkin', label: t('analytics.mood.checkin'), color: '#2f7d4f' }, { key: 'sentiment', label: t('analytics.mood.sentiment'), color: '#1f5fb3' }]}
          />
        </>
      )}
    </Stack>
  );
}
