import { useId, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { languageName } from '../../../lib/options.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { SERVICE_KINDS, searchServices, type DirectoryEntry, type DirectorySearch } from '../api.ts';
import { SuggestCorrection } from '../components/SuggestCorrection.tsx';

const RADII = ['5', '10', '25', '50', '100'];
const LANGUAGES = ['en', 'es', 'fr', 'ar', 'zh', 'pt', 'de'];

/** Search services by place, distance, type and language; results nearest first. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('directory.title'));
  const [params, setParams] = useSearchParams();
  const [near, setNear] = useState(params.get('near') ?? '');
  const search: DirectorySearch = {
    near: params.get('near') || undefined,
    radiusKm: Number(params.get('radiusKm') ?? 10),
    kind: params.get('kind') || undefined,
    language: params.get('language') || undefined,
  };
  const result = useQuery({ queryKey: ['directory', 'search', search], queryFn: () => searchServices(search) });

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    setParam('near', near.trim() || null);
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('directory.title')}</Title>
        <Text>{t('directory.intro')}</Text>
      </Stack>
      <form onSubmit={submit} role="search">
        <Stack gap="xs">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={t('directory.near')} placeholder={t('directory.nearPlaceholder')} value={near} onChange={(e) => setNear(e.currentTarget.value)} />
            <Button type="submit">{t('directory.search')}</Button>
          </Group>
          <Group grow gap="xs">
            <Select label={t('directory.radius')} value={String(search.radiusKm)} onChange={(v) => setParam('radiusKm', v)} data={RADII.map((r) => ({ value: r, label: t('directory.radiusOption', { count: Number(r) }) }))} allowDeselect={false} />
            <Select label={t('directory.kind')} value={search.kind ?? ''} onChange={(v) => setParam('kind', v)} data={[{ value: '', label: t('directory.any') }, ...SERVICE_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))]} allowDeselect={false} />
            <Select label={t('directory.language')} value={search.language ?? ''} onChange={(v) => setParam('language', v)} data={[{ value: '', label: t('directory.any') }, ...LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))]} allowDeselect={false} />
          </Group>
        </Stack>
      </form>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorState error={result.error} />
      ) : (
        <>
          <ServiceList
            id="local-services"
            title={result.data.origin ? t('directory.resultsNear', { radius: result.data.radiusKm, place: result.data.origin.label }) : t('directory.resultsAll')}
            services={result.data.services}
            empty={t('directory.noneNear')}
          />
          {result.data.national.length > 0 && <ServiceList id="national-services" title={t('directory.national')} services={result.data.national} empty="" />}
          {(result.data.abilities.import || result.data.abilities.review) && (
            <Anchor component={Link} to="/directory/admin" c="ember.9">
              {t('directory.admin')}
            </Anchor>
          )}
        </>
      )}
    </Stack>
  );
}

function ServiceList({ id, title, services, empty }: { id: string; title: string; services: DirectoryEntry[]; empty: string }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {services.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {services.map((s) => (
            <li key={s.id}>
              <ServiceCard service={s} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ServiceCard({ service: s }: { service: DirectoryEntry }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={titleId}>
            {s.name}
          </Title>
          {s.distanceKm !== null && (
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('directory.distance', { km: s.distanceKm.toLocaleString(i18n.language) })}
            </Text>
          )}
        </Group>
        <Group gap={6}>
          <Badge variant="outline" color="ink" radius="sm">
            {t(`directory.kinds.${s.kind}`)}
          </Badge>
          <Badge variant="outline" color="ink" radius="sm">
            {t(`directory.costs.${s.cost}`)}
          </Badge>
        </Group>
        {s.description && <Text size="sm">{s.description}</Text>}
        {(s.address || s.city) && <Text size="sm">{[s.address, s.city, s.postcode].filter(Boolean).join(', ')}</Text>}
        <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 2, fontSize: 14 }}>
          {s.openingHours && (
            <>
              <dt style={{ fontWeight: 600 }}>{t('directory.hours')}</dt>
              <dd style={{ margin: 0 }}>{s.openingHours}</dd>
            </>
          )}
          <dt style={{ fontWeight: 600 }}>{t('directory.languages')}</dt>
          <dd style={{ margin: 0 }}>{s.languages.map((l) => languageName(l, i18n.language)).join(', ')}</dd>
          {s.eligibility && (
            <>
              <dt style={{ fontWeight: 600 }}>{t('directory.eligibility')}</dt>
              <dd style={{ margin: 0 }}>{s.eligibility}</dd>
            </>
          )}
        </dl>
        <Group gap="md">
          {s.phone && (
            <Anchor href={`tel:${s.phone.replace(/[^\d+]/g, '')}`} c="ember.9">
              {t('directory.phone')}: {s.phone}
            </Anchor>
          )}
          {s.website && (
            <Anchor href={s.website} target="_blank" rel="noopener noreferrer" c="ember.9">
              {t('directory.website')}
            </Anchor>
          )}
          <SuggestCorrection service={s} />
        </Group>
      </Stack>
    </Paper>
  );
}
