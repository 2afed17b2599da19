import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGroupResources } from '../hooks.ts';
import { ResourceCard } from './ResourceCard.tsx';

/** Library items that share a group's topics, for the group page. Shows nothing while loading or when empty. */
export function RelatedResources({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const related = useGroupResources(groupId);
  const items = related.data?.resources ?? [];
  if (items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="related-resources" gap="sm">
      <Title order={2} size="h3" id="related-resources">
        {t('resources.related')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {items.map((r) => (
          <ResourceCard key={r.id} resource={r} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
