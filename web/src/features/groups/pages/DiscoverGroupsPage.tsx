import { useState } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { COMMUNITIES, FORMATS, LANGUAGES, TOPICS, communityLabel, formatLabel, languageName, topicLabel } from '../../../lib/options.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import type { GroupFilters } from '../api.ts';
import { GroupCard } from '../components/GroupCard.tsx';
import { useGroups, useMyGroups } from '../hooks.ts';

type NearMe = { lat: number; lng: number } | null;

/** Discover groups by topic, community, format and language, or near me (location asked only on click). */
export function DiscoverGroupsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('groups.discoverTitle'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [near, setNear] = useState<NearMe>(null);
  const [radiusKm, setRadiusKm] = useState('25');
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);

  const filters: GroupFilters = {
    topic: params.get('topic') ?? undefined,
    community: params.get('community') ?? undefined,
    format: params.get('format') ?? undefined,
    language: params.get('language') ?? undefined,
    q: params.get('q') ?? undefined,
    ...(near ? { lat: round(near.lat), lng: round(near.lng), radiusKm: Number(radiusKm) } : {}),
  };
  const groups = useGroups(filters);
  const mine = useMyGroups();
  const myGroups = (mine.data?.groups ?? []).filter((g) => g.myMembership && g.myMembership.status !== 'left' && g.myMembership.status !== 'declined');

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const findNearMe = () => {
    setLocationError(null);
    if (!('geolocation' in navigator)) {
      setLocationError(t('groups.locationUnsupported'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setNear({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      () => {
        setLocating(false);
        setLocationError(t('groups.locationDenied'));
      },
      { maximumAge: 10 * 60_000, timeout: 15_000, enableHighAccuracy: false },
    );
  };

  const selectData = (values: readonly string[], label: (v: string) => string, any: string) => [
    { value: '', label: any },
    ...values.map((v) => ({ value: v, label: label(v) })),
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t('groups.discoverTitle')}</Title>
        {me?.abilities.createGroups && (
          <Button component={Link} to="/groups/new" variant="outline">
            {t('groupForm.startGroup')}
          </Button>
        )}
      </Group>
      {me && !me.onboarded && (
        <Alert variant="light" color="ember" title={t('groups.finishSetupTitle')}>
          <Text>
            {t('groups.finishSetupBody')}{' '}
            <Anchor component={Link} to="/welcome">
              {t('groups.finishSetupLink')}
            </Anchor>
          </Text>
        </Alert>
      )}

      {myGroups.length > 0 && (
        <section aria-labelledby="my-groups-title">
          <Title order={2} size="h3" id="my-groups-title" mb="sm">
            {t('groups.myGroups')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {myGroups.map((g) => (
              <GroupCard key={g.id} group={g} />
            ))}
          </SimpleGrid>
        </section>
      )}

      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="filters-title">
        <Title order={2} size="h3" id="filters-title" mb="sm">
          {t('groups.filtersTitle')}
        </Title>
        <form
          role="search"
          aria-label={t('groups.searchLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            setFilter('q', q.trim());
          }}
        >
          <Stack gap="sm">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput label={t('groups.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1 }} type="search" />
              <Button type="submit">{t('groups.searchButton')}</Button>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <NativeSelect label={t('groups.topic')} value={filters.topic ?? ''} onChange={(e) => setFilter('topic', e.currentTarget.value)} data={selectData(TOPICS, (v) => topicLabel(t, v), t('groups.anyTopic'))} />
              <NativeSelect label={t('groups.community')} value={filters.community ?? ''} onChange={(e) => setFilter('community', e.currentTarget.value)} data={selectData(COMMUNITIES, (v) => communityLabel(t, v), t('groups.anyCommunity'))} />
              <NativeSelect label={t('groups.format')} value={filters.format ?? ''} onChange={(e) => setFilter('format', e.currentTarget.value)} data={selectData(FORMATS, (v) => formatLabel(t, v), t('groups.anyFormat'))} />
              <NativeSelect label={t('groups.language')} value={filters.language ?? ''} onChange={(e) => setFilter('language', e.currentTarget.value)} data={selectData(LANGUAGES, (v) => languageName(v, i18n.language), t('groups.anyLanguage'))} />
            </SimpleGrid>
            <Group align="flex-end" gap="xs">
              {near ? (
                <>
                  <NativeSelect
                    label={t('groups.radius')}
                    value={radiusKm}
                    onChange={(e) => setRadiusKm(e.currentTarget.value)}
                    data={['5', '10', '25', '50', '100'].map((km) => ({ value: km, label: t('groups.radiusKm', { km }) }))}
                  />
                  <Button variant="outline" onClick={() => setNear(null)}>
                    {t('groups.stopNearMe')}
                  </Button>
                </>
              ) : (
                <Button variant="outline" onClick={findNearMe} loading={locating}>
                  {t('groups.nearMe')}
                </Button>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('groups.locationPrivacy')}
            </Text>
            {locationError && (
              <Text c="#c92a2a" role="alert">
                {locationError}
              </Text>
            )}
          </Stack>
        </form>
      </Paper>

      <section aria-labelledby="results-title" aria-busy={groups.isFetching}>
        <Title order={2} size="h3" id="results-title" mb="sm">
          {t('groups.results')}
        </Title>
        {groups.isPending ? (
          <Loading />
        ) : groups.isError ? (
          <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
        ) : groups.data.groups.length === 0 ? (
          <Text>{t('groups.noResults')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="sm" role="status">
              {t('groups.resultCount', { count: groups.data.groups.length })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {groups.data.groups.map((g) => (
                <GroupCard key={g.id} group={g} />
              ))}
            </SimpleGrid>
          </>
        )}
      </section>
    </Stack>
  );
}

/** About 1 km precision is enough to find nearby venues and keeps the exact position private. */
function round(n: number) {
  return Math.round(n * 100) / 100;
}
