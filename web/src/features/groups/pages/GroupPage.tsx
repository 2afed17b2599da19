import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { communityLabel, formatLabel, languageName, topicLabel } from '../../../lib/options.ts';
import { zoneLabel } from '../../../lib/time.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useLiveInvalidation } from '../../../lib/use-live-invalidation.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import { SessionCard } from '../../sessions/components/SessionCard.tsx';
import { SchedulesSection } from '../../sessions/components/SchedulesSection.tsx';
import { useGroupSessions } from '../../sessions/hooks.ts';
import type { GroupDetail } from '../api.ts';
import { GroupLeaderActions } from '../components/GroupLeaderActions.tsx';
import { GroupMembers } from '../components/GroupMembers.tsx';
import { JoinRequests } from '../components/JoinRequests.tsx';
import { RelatedResources } from '../../resources/components/RelatedResources.tsx';
import { useGroup, useJoinGroup, useLeaveGroup } from '../hooks.ts';

/** A group: about, agreements, upcoming sessions in my time zone, joining and leaving, chat and board. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const queryClient = useQueryClient();
  usePageTitle(group.data?.name ?? t('groups.groupTitle'));
  // Membership and schedule changes made elsewhere show up without a reload.
  useLiveInvalidation(groupId ? `group:${groupId}` : null, (keys) => {
    if (keys.includes('group') || keys.includes('members')) void queryClient.invalidateQueries({ queryKey: ['groups'] });
    if (keys.includes('sessions')) void queryClient.invalidateQueries({ queryKey: ['sessions'] });
  });

  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
  return <GroupView group={group.data} />;
}

function GroupView({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const status = group.myMembership?.status;
  const isMember = status === 'active';

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{group.name}</Title>
        <Group gap={6}>
          <Badge variant="outline" color="ink" radius="sm">
            {formatLabel(t, group.format)}
          </Badge>
          <Badge variant="outline" color="ink" radius="sm">
            {languageName(group.language, i18n.language)}
          </Badge>
          {group.topics.map((topic) => (
            <Badge key={topic} variant="outline" color="ember.8" radius="sm">
              {topicLabel(t, topic)}
            </Badge>
          ))}
          {group.communities.map((c) => (
            <Badge key={c} variant="outline" color="ink" radius="sm">
              {communityLabel(t, c)}
            </Badge>
          ))}
        </Group>
        {group.archivedAt && (
          <Alert color="gray" variant="light">
            <Text>{t('groups.archived')}</Text>
          </Alert>
        )}
        <GroupLeaderActions group={group} />
      </Stack>

      <MembershipPanel group={group} />

      {group.abilities.manageMembers && (group.visibility === 'request' || group.pendingRequestCount > 0) && <JoinRequests groupId={group.id} />}

      <section aria-labelledby="about-title">
        <Title order={2} size="h3" id="about-title" mb="xs">
          {t('groups.about')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{group.description || t('groups.noDescription')}</Text>
        <Text size="sm" c="dimmed" mt="xs">
          {[
            t('groups.memberCount', { count: group.memberCount }),
            group.placesLeft === null ? null : group.placesLeft > 0 ? t('groups.placesLeft', { count: group.placesLeft }) : t('groups.full'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {group.venue && (
          <Text mt="xs">
            {t('groups.venue')}: <strong>{group.venue.name}</strong>, {group.venue.address}
          </Text>
        )}
      </section>

      {group.agreements.length > 0 && (
        <section aria-labelledby="agreements-title">
          <Title order={2} size="h3" id="agreements-title" mb="xs">
            {t('groups.agreements')}
          </Title>
          <List spacing={4}>
            {group.agreements.map((a, i) => (
              <List.Item key={i}>{a}</List.Item>
            ))}
          </List>
        </section>
      )}

      <section aria-labelledby="schedule-title">
        <Title order={2} size="h3" id="schedule-title" mb={4}>
          {t('groups.upcomingSessions')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('calendar.zoneNote', { zone: zoneLabel(zone, i18n.language) })}
        </Text>
        <GroupSessions groupId={group.id} canRsvp={isMember} />
        {isMember && (
          <Anchor href={`/api/groups/${group.id}/calendar.ics`} download size="sm" mt="sm" display="inline-block">
            {t('groups.downloadCalendar')}
          </Anchor>
        )}
      </section>

      {group.abilities.manageSessions && <SchedulesSection groupId={group.id} zone={group.timezone} />}

      {group.abilities.viewMembers && <GroupMembers group={group} />}

      <RelatedResources groupId={group.id} />
    </Stack>
  );
}

function MembershipPanel({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const join = useJoinGroup(group.id);
  const leave = useLeaveGroup(group.id);
  const [accepted, setAccepted] = useState(false);
  const [showAgreementError, setShowAgreementError] = useState(false);
  const [confirmOpen, confirm] = useDisclosure(false);
  const status = group.myMembership?.status;
  const needsAgreement = group.agreements.length > 0;
  const canJoin = group.abilities.join || group.abilities.requestToJoin;

  const onJoin = (e: React.FormEvent) => {
    e.preventDefault();
    if (needsAgreement && !accepted) {
      setShowAgreementError(true);
      return;
    }
    join.mutate(true);
  };

  return (
    <Paper withBorder p="md" radius="md" bg={status === 'active' ? 'green.0' : undefined} component="section" aria-label={t('groups.membershipLabel')}>
      <Stack gap="sm">
        {status === 'active' && (
          <>
            <Text fw={600}>{t('groups.youAreMember')}</Text>
            <Group gap="xs">
              <Button component={Link} to={`/groups/${group.id}/chat`}>
                {t('groups.openChat')}
              </Button>
              <Button component={Link} to={`/groups/${group.id}/board`} variant="outline">
                {t('groups.openBoard')}
              </Button>
              {group.abilities.leave && (
                <Button variant="subtle" color="ink" onClick={confirm.open}>
                  {t('groups.leave')}
                </Button>
              )}
            </Group>
            <Anchor component={Link} to={`/groups/${group.id}/modlog`} size="sm" w="fit-content">
              {t('moderation.publicLog.link')}
            </Anchor>
          </>
        )}
        {status === 'requested' && (
          <>
            <Text>{t('groups.requestPending')}</Text>
            {group.abilities.leave && (
              <Button variant="outline" color="ink" onClick={() => leave.mutate()} loading={leave.isPending} w="fit-content">
                {t('groups.withdrawRequest')}
              </Button>
            )}
          </>
        )}
        {status !== 'active' && status !== 'requested' && canJoin && (
          <form onSubmit={onJoin} noValidate>
            <Stack gap="sm">
              {status === 'invited' && <Text>{t('groups.youAreInvited')}</Text>}
              {needsAgreement && (
                <Checkbox
                  checked={accepted}
                  onChange={(e) => {
                    setAccepted(e.currentTarget.checked);
                    setShowAgreementError(false);
                  }}
                  label={t('groups.acceptAgreements')}
                  description={t('groups.acceptAgreementsHelp')}
                  error={showAgreementError ? t('groups.acceptAgreementsError') : undefined}
                />
              )}
              <Button type="submit" loading={join.isPending} w="fit-content">
                {group.abilities.join ? t('groups.join') : t('groups.requestToJoin')}
              </Button>
            </Stack>
          </form>
        )}
        {status !== 'active' && status !== 'requested' && !canJoin && !group.archivedAt && (
          <Text>{group.visibility === 'invite' ? t('groups.inviteOnly') : group.placesLeft === 0 ? t('groups.fullCannotJoin') : t('groups.cannotJoin')}</Text>
        )}
        {join.isSuccess && join.data.status === 'requested' && <Text role="status">{t('groups.requestSent')}</Text>}
        <FormError error={join.error ?? leave.error} />
      </Stack>

      <AppModal opened={confirmOpen} onClose={confirm.close} title={t('groups.leaveConfirmTitle')}>
        <Stack>
          <Text>{t('groups.leaveConfirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="outline" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={leave.isPending} onClick={() => leave.mutate(undefined, { onSuccess: confirm.close })}>
              {t('groups.leaveConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}

function GroupSessions({ groupId, canRsvp }: { groupId: string; canRsvp: boolean }) {
  const { t } = useTranslation();
  const sessions = useGroupSessions(groupId);
  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const upcoming = [...sessions.data.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).filter((s) => Date.parse(s.endsAt) > Date.now());
  if (upcoming.length === 0) return <Text>{t('groups.noUpcoming')}</Text>;
  return (
    <Stack gap="sm">
      {upcoming.slice(0, 8).map((s) => (
        <SessionCard key={s.id} session={s} showGroup={false} canRsvp={canRsvp} />
      ))}
    </Stack>
  );
}
