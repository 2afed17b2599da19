import { useMemo } from 'react';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../lib/components/ErrorState.tsx';
import { LANGUAGES } from '../../../lib/options.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import { GroupForm } from '../components/GroupForm.tsx';
import { emptyGroupForm } from '../group-form.ts';
import { useCreateGroup } from '../hooks.ts';

/** Facilitators start a group; on success they land on its page to add a schedule. */
export function CreateGroupPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('groupForm.createTitle'));
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateGroup();
  const language = (LANGUAGES as readonly string[]).includes(me?.languages[0] ?? '') ? me!.languages[0]! : i18n.language.split('-')[0] ?? 'en';
  const initial = useMemo(() => emptyGroupForm(me?.timezone ?? 'UTC', language), [me?.timezone, language]);

  if (!me) return <Loading />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('groupForm.createTitle')}</Title>
        <Text>{t('groupForm.createIntro')}</Text>
      </Stack>
      {me.abilities.createGroups ? (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <GroupForm
            draftKey="groups.new"
            initial={initial}
            submitLabel={t('groupForm.create')}
            error={create.error}
            pending={create.isPending}
            onSubmit={(body, done) =>
              create.mutate(body, {
                onSuccess: (group) => {
                  done();
                  void navigate(`/groups/${group.id}`);
                },
              })
            }
          />
        </Paper>
      ) : (
        <Alert color="blue" variant="light">
          <Text>{t('groupForm.notAllowed')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
