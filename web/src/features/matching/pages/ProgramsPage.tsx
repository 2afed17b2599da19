import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import { listGroups } from '../../groups/api.ts';
import { createProgram, listPrograms } from '../api.ts';

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
                <Text size="sm">{t('matching.programs.applicants', { count: p.applicants })}</Text>
                {p.mine.applied && (
                  <Text size="sm" fw={600} c="forest.9">
                    {t('matching.programs.youApplied')}
                  </Text>
                )}
              </Stack>
              <Badge color={p.status === 'open' ? 'forest.9' : 'gray.8'} variant="filled">
                {t(`matching.programs.status.${p.status}`)}
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
  const zone = useViewerZone();
  const client = useQueryClient();
  const groups = useQuery({ queryKey: ['groups', 'for-programs', zone], queryFn: () => listGroups({}, zone) });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const create = useMutation({
    mutationFn: createProgram,
    onSuccess: () => {
      setName('');
      setDescription('');
      setChosen({});
      void client.invalidateQueries({ queryKey: ['matching', 'programs'] });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="create-program">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, description, groups: Object.entries(chosen).map(([groupId, capacity]) => ({ groupId, capacity })) });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="create-program">
            {t('matching.programs.createTitle')}
          </Title>
          <TextInput label={t('matching.programs.name')} required value={name} maxLength={120} onChange={(e) => { setName(e.currentTarget.value); create.reset(); }} error={fieldError(create.error, 'name')} />
          <Textarea label={t('matching.programs.description')} value={description} maxLength={2000} autosize minRows={2} onChange={(e) => setDescription(e.currentTarget.value)} />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text fw={500} size="sm">
                {t('matching.programs.groupsLegend')}
              </Text>
            </legend>
            {groups.isError && <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
            <Stack gap="xs" mt="xs">
              {(groups.data?.groups ?? []).map((g) => (
                <Group key={g.id} gap="sm" align="flex-end">
                  <Checkbox
                    label={t('matching.programs.include', { name: g.name })}
                    checked={g.id in chosen}
                    onChange={(e) => {
                      const next = { ...chosen };
                      if (e.currentTarget.checked) next[g.id] = 8;
                      else delete next[g.id];
                      setChosen(next);
                    }}
                  />
                  {g.id in chosen && (
                    <NumberInput label={t('matching.programs.capacityFor', { name: g.name })} min={1} max={200} w={180} value={chosen[g.id]} onChange={(v) => setChosen({ ...chosen, [g.id]: typeof v === 'number' ? v : Number(v) || 1 })} />
                  )}
                </Group>
              ))}
            </Stack>
            {fieldError(create.error, 'groups') && (
              <Text c="ember.9" size="sm" mt="xs">
                {fieldError(create.error, 'groups')}
              </Text>
            )}
          </fieldset>
          <FormError error={create.error} />
          {create.isSuccess && <Text role="status">{t('matching.programs.created')}</Text>}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('matching.programs.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
