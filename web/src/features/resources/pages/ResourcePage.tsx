import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { topicLabel } from '../../../lib/options.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { Resource } from '../api.ts';
import { Markdown } from '../components/Markdown.tsx';
import { useResource } from '../hooks.ts';

/** One library item: its text, its audio or video (served with range requests, so it can seek), and downloads. */
export function ResourcePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const resource = useResource(slug);
  usePageTitle(resource.data?.title ?? t('resources.sections.library'));
  if (resource.isPending) return <Loading />;
  if (resource.isError) return <ErrorState error={resource.error} onRetry={() => void resource.refetch()} />;
  const r = resource.data;
  return (
    <Stack gap="md" component="article" lang={r.language} aria-labelledby="resource-title">
      <Anchor component={Link} to="/resources" c="ember.9" size="sm">
        {t('resources.backToLibrary')}
      </Anchor>
      <Title order={1} id="resource-title">
        {r.title}
      </Title>
      <Group gap={6}>
        <Badge variant="outline" color="ink" radius="sm">
          {t(`resources.kinds.${r.kind}`)}
        </Badge>
        {r.durationMinutes && (
          <Badge variant="outline" color="ink" radius="sm">
            {t('resources.minutes', { count: r.durationMinutes })}
          </Badge>
        )}
        {r.topics.map((topic) => (
          <Badge key={topic} variant="outline" color="ember.8" radius="sm">
            {topicLabel(t, topic)}
          </Badge>
        ))}
      </Group>
      {r.summary && (
        <Text size="lg" fw={500}>
          {r.summary}
        </Text>
      )}
      <Media resource={r} />
      {r.downloadUrl && (
        <Group>
          <Button component="a" href={r.downloadUrl} download variant="light">
            {t('resources.download')}
          </Button>
        </Group>
      )}
      <Markdown source={r.body} />
      <Text size="sm" c="dimmed" lang="en">
        {t('resources.helpNote')}
      </Text>
      {r.abilities.edit && (
        <Group>
          <Button component={Link} to={`/resources/${r.slug}/edit`} variant="outline">
            {t('resources.edit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Media({ resource: r }: { resource: Resource }) {
  const { t } = useTranslation();
  if (r.media?.type.startsWith('audio/')) {
    return <audio controls preload="metadata" src={r.media.url} aria-label={t('resources.audioLabel', { title: r.title })} style={{ width: '100%' }} />;
  }
  if (r.media?.type.startsWith('video/')) {
    return <video controls preload="metadata" src={r.media.url} aria-label={t('resources.videoLabel', { title: r.title })} style={{ width: '100%', borderRadius: 8 }} />;
  }
  if (r.media) {
    return (
      <Anchor href={r.media.url} download c="ember.9">
        {t('resources.mediaFile')}
      </Anchor>
    );
  }
  if (r.mediaUrl) {
    return (
      <Anchor href={r.mediaUrl} target="_blank" rel="noopener noreferrer" c="ember.9">
        {t('resources.openMedia', { kind: t(`resources.kinds.${r.kind}`).toLowerCase() })}
      </Anchor>
    );
  }
  return null;
}
