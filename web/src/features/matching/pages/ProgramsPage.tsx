import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe } from '../../auth/hooks.ts';
import { createProgram, listPrograms } from '../api.ts';
import { ProgramDates, programStatus } from '../components/ProgramDates.tsx';
import { ProgramForm } from '../components/ProgramForm.tsx';

/** Programs with fixed groups: members apply; facilitators and admins set one up here. */
export function ProgramsPage() {
  const { t } = useTranslation();
  usePageTitle(t('matching.programs.title'));
  const programs = useQuery({ queryKey: ['matching', 'programs'], queryFn: listPrograms });
  const me = useMe();
  if (programs.isPending) return <Loading />;
  if (programs.isError) return <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />;
  const list = programs.data.programs;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('matching.programs.title')}</Title>
      <Text>{t('matching.programs.intro')}</Text>
      {me?.abilities.administer && (
        <Anchor component={Link} to="/support/settings" size="sm">
          {t('matching.settings.link')}
        </Anchor>
      )}
      {list.length === 0 && <Text>{t('matching.programs.empty')}</Text>}
      <Stack gap="sm" component="ul" p={0} style={{ listStyle: 'none' }}>
        {list.map((p) => (
          <Paper key={p.id} component="li" withBorder p="md" radius="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Anchor component={Link} to={`/programs/${p.id}`} fw={600}>
                  {p.name}
                </Anchor>
                <ProgramDates program={p} />
                <Text size="sm">{t('matching.programs.applicants', { count: p.applicants })}</Text>
                {p.mine.applied && (
                  <Text size="sm" fw={600} c="forest.9">
                    {t('matching.programs.youApplied')}
                  </Text>
                )}
              </Stack>
              <Badge color={programStatus(p) === 'open' ? 'forest.9' : 'gray.8'} variant="filled">
                {t(`matching.programs.status.${programStatus(p)}`)}
              </Badge>
            </Group>
          </Paper>
        ))}
      </Stack>
      {programs.data.abilities.create && <CreateProgramForm />}
    </Stack>
  );
}

function CreateProgramForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  // A new key after each program set up gives an empty form again.
  const [round, setRound] = useState(0);
  const create = useMutation({
    mutationFn: createProgram,
    onSuccess: () => {
      setRound((n) => n + 1);
      void client.invalidateQueries({ queryKey: ['matching', 'programs'] });
    },
  });
  return (
    <ProgramForm
      key={round}
      titleId="create-program"
      pending={create.isPending}
      error={create.error}
      success={create.isSuccess ? t('matching.programs.created') : null}
      onSubmit={(body) => create.mutate(body)}
      onChange={() => {
        if (create.isError) create.reset();
      }}
    />
  );
}
