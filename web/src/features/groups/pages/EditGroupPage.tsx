import { useMemo } from 'react';
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { GroupDetail } from '../api.ts';
import { GroupForm } from '../components/GroupForm.tsx';
import { groupToForm } from '../group-form.ts';
import { useGroup, useUpdateGroup } from '../hooks.ts';

/** The group form, filled in with the group as it is now; saving sends the whole form (PATCH). */
export function EditGroupPage() {
  const { groupId = '' } = useParams();
  const { t } = useTranslation();
  const group = useGroup(groupId);
  usePageTitle(t('groupForm.editTitle'));

  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
  return <EditGroup group={group.data} />;
}

function EditGroup({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateGroup(group.id);
  const initial = useMemo(() => groupToForm(group), [group]);
  const back = `/groups/${group.id}`;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('groupForm.editTitle')}</Title>
        <Anchor component={Link} to={back}>
          {t('groupForm.backToGroup', { name: group.name })}
        </Anchor>
      </Stack>
      {group.abilities.edit ? (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <GroupForm
            draftKey={`groups.edit.${group.id}`}
            initial={initial}
            submitLabel={t('groupForm.save')}
            error={update.error}
            pending={update.isPending}
            onCancel={() => void navigate(back)}
            onSubmit={(body, done) =>
              update.mutate(body, {
                onSuccess: () => {
                  done();
                  void navigate(back);
                },
              })
            }
          />
        </Paper>
      ) : (
        <Alert color="blue" variant="light">
          <Text>{group.archivedAt ? t('groups.archived') : t('groupForm.cannotEdit')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
