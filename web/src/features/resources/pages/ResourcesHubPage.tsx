import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { RESOURCE_KINDS } from '../api.ts';
import { ResourceCard } from '../components/ResourceCard.tsx';
import { useCollections, useResourceSearch } from '../hooks.ts';

const SECTIONS = [
  { key: 'library', to: '#library' },
  { key: 'directory', to: '/directory' },
  { key: 'events', to: '/events' },
  { key: 'journey', to: '/journey' },
] as const;

/** The resources hub: the library (search and collections) with links to services, events and my journey. */
export function ResourcesHubPage() {
  const { t } = useTranslation();
  usePageTitle(t('resources.hubTitle'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const language = params.get('language') ?? '';
  const [draft, setDraft] = useState(q);
  const searching = q.length > 0 || kind.length > 0 || language.length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
    else next.delete('q');
    setParams(next);
  }
  function setFilter(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('resources.hubTitle')}</Title>
        <Text>{t('resources.hubIntro')}</Text>
      </Stack>
      <SimpleGrid component="nav" aria-label={t('resources.hubTitle')} cols={{ base: 2, sm: 4 }} spacing="sm">
        {SECTIONS.map((s) => (
          <Paper key={s.key} withBorder p="sm" radius="md">
            <Anchor component={Link} to={s.to} fw={650} c="ember.9">
              {t(`resources.sections.${s.key}`)}
            </Anchor>
            <Text size="sm">{t(`resources.sections.${s.key}Text`)}</Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Stack component="section" id="library" aria-labelledby="library-heading" gap="sm">
        <Title order={2} id="library-heading">
          {t('resources.sections.library')}
        </Title>
        <form onSubmit={submit} role="search">
          <Stack gap="xs">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('resources.searchLabel')}
                placeholder={t('resources.searchPlaceholder')}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                type="search"
              />
              <Button type="submit">{t('resources.searchButton')}</Button>
            </Group>
            <Group gap="xs" grow>
              <Select
                label={t('resources.kindLabel')}
                value={kind || null}
                onChange={(v) => setFilter('kind', v)}
                data={[{ value: '', label: t('resources.any') }, ...RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))]}
                allowDeselect={false}
              />
              <Select
                label={t('resources.languageLabel')}
                value={language || null}
                onChange={(v) => setFilter('language', v)}
                data={[{ value: '', label: t('resources.any') }, { value: 'en', label: t('resources.languages.en') }, { value: 'es', label: t('resources.languages.es') }]}
                allowDeselect={false}
              />
            </Group>
          </Stack>
        </form>
        {searching ? <SearchResults q={q} kind={kind} language={language} /> : <Collections />}
        <StaffLinks />
      </Stack>
    </Stack>
  );
}

function SearchResults({ q, kind, language }: { q: string; kind: string; language: string }) {
  const { t } = useTranslation();
  const search = useResourceSearch({ q: q || undefined, kind: kind || undefined, language: language || undefined });
  if (search.isPending) return <Loading />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  const items = search.data.resources;
  return (
    <Stack component="section" aria-labelledby="results-heading" gap="sm">
      <Title order={3} id="results-heading" size="h4">
        {t('resources.results')}
      </Title>
      <Text role="status" size="sm">
        {items.length === 0 ? t('resources.noResults') : t('resources.resultCount', { count: items.length })}
      </Text>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-labelledby="results-heading">
        {items.map((r) => (
          <li key={r.id}>
            <ResourceCard resource={r} headingLevel={4} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

/** Staff add resources and make collections; everyone else never sees these links. */
function StaffLinks() {
  const { t } = useTranslation();
  const collections = useCollections();
  if (!collections.data?.abilities.create) return null;
  return (
    <Group gap="sm">
      <Button component={Link} to="/resources/new" variant="outline">
        {t('resources.addResource')}
      </Button>
      <Button component={Link} to="/resources/collections/new" variant="outline">
        {t('resources.collectionEditor.newCollection')}
      </Button>
    </Group>
  );
}

function Collections() {
  const { t } = useTranslation();
  const collections = useCollections();
  if (collections.isPending) return <Loading />;
  if (collections.isError) return <ErrorState error={collections.error} onRetry={() => void collections.refetch()} />;
  return (
    <Stack gap="lg">
      <Title order={3} size="h4">
        {t('resources.collections')}
      </Title>
      {collections.data.collections.map((c) => (
        <Stack key={c.id} component="section" aria-labelledby={`collection-${c.slug}`} gap="xs" lang={c.language}>
          <Title order={4} size="h4" id={`collection-${c.slug}`}>
            {c.title}
          </Title>
          <Text size="sm">{c.description}</Text>
          {c.abilities.edit && (
            <Anchor component={Link} to={`/resources/collections/${c.id}/edit`} size="sm" c="ember.9" aria-label={t('resources.collectionEditor.editNamed', { title: c.title })}>
              {t('resources.collectionEditor.edit')}
            </Anchor>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {c.resources.map((r) => (
              <ResourceCard key={r.id} resource={r} headingLevel={4} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
