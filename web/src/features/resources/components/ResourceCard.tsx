import { useId } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from '../api.ts';

/** A library item in a list: title link, type, length and summary. */
export function ResourceCard({ resource, headingLevel = 3 }: { resource: ResourceSummary; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Title order={headingLevel} size="h4" id={titleId}>
          <Anchor component={Link} to={`/resources/${resource.slug}`} c="ember.9" underline="hover">
            {resource.title}
          </Anchor>
        </Title>
        <Group gap={6}>
          <Badge variant="outline" color="ink" radius="sm">
            {t(`resources.kinds.${resource.kind}`)}
          </Badge>
          {resource.durationMinutes && (
            <Badge variant="outline" color="ink" radius="sm">
              {t('resources.minutes', { count: resource.durationMinutes })}
            </Badge>
          )}
          {resource.language !== 'en' && (
            <Badge variant="outline" color="ink" radius="sm" lang={resource.language}>
              {t(`resources.languages.${resource.language}`, { defaultValue: resource.language })}
            </Badge>
          )}
        </Group>
        {resource.summary && (
          <Text size="sm" lang={resource.language}>
            {resource.summary}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
