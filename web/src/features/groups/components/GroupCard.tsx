import { useId } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatLabel, languageName, topicLabel } from '../../../lib/options.ts';
import { formatSessionRange } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { GroupSummary } from '../api.ts';

/** A group in a list: name (the link), format, language, next session in my time zone, places left. */
export function GroupCard({ group, headingLevel = 3 }: { group: GroupSummary; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const titleId = useId();
  const status = group.myMembership?.status;
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={headingLevel} size="h4" id={titleId}>
            <Anchor component={Link} to={`/groups/${group.id}`} c="ember.9" underline="hover">
              {group.name}
            </Anchor>
          </Title>
          {status === 'active' && <Badge color="forest.9">{t('groups.member')}</Badge>}
          {status === 'requested' && <Badge color="ink">{t('groups.requested')}</Badge>}
          {status === 'invited' && <Badge color="blue.9">{t('groups.invited')}</Badge>}
        </Group>
        <Group gap={6}>
          <Badge variant="outline" color="ink" radius="sm">
            {formatLabel(t, group.format)}
          </Badge>
          <Badge variant="outline" color="ink" radius="sm">
            {languageName(group.language, i18n.language)}
          </Badge>
          {group.topics.slice(0, 3).map((topic) => (
            <Badge key={topic} variant="outline" color="ember.8" radius="sm">
              {topicLabel(t, topic)}
            </Badge>
          ))}
        </Group>
        {group.description && (
          <Text size="sm" lineClamp={2}>
            {group.description}
          </Text>
        )}
        <Text size="sm">
          {group.nextSession
            ? t('groups.nextSession', { when: formatSessionRange(group.nextSession.startsAt, group.nextSession.endsAt, zone, i18n.language) })
            : t('groups.noUpcoming')}
        </Text>
        <Text size="sm" c="dimmed">
          {[
            t('groups.memberCount', { count: group.memberCount }),
            group.placesLeft === null ? null : group.placesLeft > 0 ? t('groups.placesLeft', { count: group.placesLeft }) : t('groups.full'),
            typeof group.distanceKm === 'number' ? t('groups.distance', { km: group.distanceKm < 10 ? group.distanceKm.toFixed(1) : Math.round(group.distanceKm) }) : null,
            group.venue ? group.venue.name : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
