import { useEffect, useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { applyAssignment, applyToProgram, getProgram, listApplicants, previewAssignment, updateProgram, withdrawFromProgram, type AssignmentPreview, type Program, type ProgramBody } from '../api.ts';
import { ProgramDates, programStatus } from '../components/ProgramDates.tsx';
import { ProgramForm } from '../components/ProgramForm.tsx';
import { describeReasons } from '../reasons.ts';

/** One program: members apply; facilitators and admins see applicants, preview the best assignment and apply it. */
export function ProgramPage() {
  const { programId = '' } = useParams();
  const { t } = useTranslation();
  const program = useQuery({ queryKey: ['matching', 'program', programId], queryFn: () => getProgram(programId) });
  usePageTitle(program.data?.name ?? t('matching.programs.title'));
  if (program.isPending) return <Loading />;
  if (program.isError) return <ErrorState error={program.error} onRetry={() => void program.refetch()} />;
  const p = program.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/programs" size="sm">
        {t('matching.programs.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{p.name}</Title>
        <Badge color={programStatus(p) === 'open' ? 'forest.9' : 'gray.8'} variant="filled">
          {t(`matching.programs.status.${programStatus(p)}`)}
        </Badge>
      </Group>
      <ProgramDates program={p} />
      {p.description && <Text style={{ whiteSpace: 'pre-line' }}>{p.description}</Text>}
      <Stack gap={4} component="section" aria-labelledby="program-groups">
        <Title order={2} size="h3" id="program-groups">
          {t('matching.programs.groupsTitle')}
        </Title>
        <Stack gap={2} component="ul" pl="md" m={0}>
          {p.groups.map((g) => (
            <Text component="li" key={g.groupId}>
              {t('matching.programs.groupLine', { name: g.name, assigned: g.assigned, capacity: g.capacity })}
            </Text>
          ))}
        </Stack>
      </Stack>
      <Apply program={p} />
      {p.abilities.edit && <EditProgram program={p} />}
      {p.abilities.manage && <Manage program={p} />}
    </Stack>
  );
}

/** Staff edit the program in place with the same form used to set it up; the button gets focus back on close. */
function EditProgram({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const save = useMutation({
    mutationFn: (body: ProgramBody) => updateProgram(p.id, body),
    onSuccess: (next) => {
      client.setQueryData(['matching', 'program', p.id], next);
      void client.invalidateQueries({ queryKey: ['matching', 'programs'] });
      setOpen(false);
    },
  });
  useEffect(() => {
    if (!open && save.isSuccess) opener.current?.focus();
  }, [open, save.isSuccess]);
  if (open) {
    return (
      <ProgramForm
        program={p}
        titleId="edit-program"
        pending={save.isPending}
        error={save.error}
        success={null}
        onSubmit={(body) => save.mutate(body)}
        onChange={() => {
          if (save.isError) save.reset();
        }}
        onCancel={() => {
          save.reset();
          setOpen(false);
          opener.current?.focus();
        }}
      />
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Button ref={opener} variant="outline" onClick={() => { save.reset(); setOpen(true); }}>
        {t('matching.programs.form.edit')}
      </Button>
      {save.isSuccess && <Text role="status">{t('matching.programs.form.saved')}</Text>}
    </Stack>
  );
}

function Apply({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const apply = useMutation({ mutationFn: () => applyToProgram(p.id), onSuccess: (next) => { withdraw.reset(); client.setQueryData(['matching', 'program', p.id], next); } });
  const withdraw = useMutation({
    mutationFn: () => withdrawFromProgram(p.id),
    onSuccess: (next) => {
      setConfirming(false);
      apply.reset();
      client.setQueryData(['matching', 'program', p.id], next);
      void client.invalidateQueries({ queryKey: ['matching', 'programs'] });
    },
  });
  const group = p.groups.find((g) => g.groupId === p.mine.groupId);
  return (
    <Stack gap="xs">
      {group && (
        <Text role="status">
          {t('matching.programs.yourGroup', { name: group.name })}{' '}
          <Anchor component={Link} to={`/groups/${group.groupId}`}>
            {t('matching.viewGroup')}
          </Anchor>
        </Text>
      )}
      {p.mine.applied && !group && <Text role="status">{t('matching.programs.applied')}</Text>}
      {!p.mine.applied && programStatus(p) === 'closed' && <Text>{t('matching.programs.closedNote')}</Text>}
      {withdraw.isSuccess && !p.mine.applied && <Text role="status">{t('matching.programs.withdrawn')}</Text>}
      {p.abilities.withdraw && !confirming && (
        <Stack gap={4} align="flex-start">
          <Button variant="outline" color="ink" onClick={() => setConfirming(true)}>
            {t('matching.programs.withdraw')}
          </Button>
          <Text size="sm" c="dimmed">{t('matching.programs.withdrawHelp')}</Text>
        </Stack>
      )}
      {p.abilities.withdraw && confirming && (
        <Paper withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Text role="alert">{t('matching.programs.withdrawConfirm', { name: p.name })}</Text>
            <Group gap="xs">
              <Button color="red.9" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
                {t('matching.programs.withdrawYes')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                {t('matching.programs.withdrawKeep')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <FormError error={withdraw.error} />
      {p.abilities.apply && (
        <Group>
          <Button onClick={() => apply.mutate()} loading={apply.isPending}>
            {t('matching.programs.apply')}
          </Button>
        </Group>
      )}
      <FormError error={apply.error} />
      {apply.error && (
        <Anchor component={Link} to="/intake/profile">
          {t('matching.programs.needsProfile')}
        </Anchor>
      )}
    </Stack>
  );
}

function Manage({ program: p }: { program: Program }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const applicants = useQuery({ queryKey: ['matching', 'program', p.id, 'applicants'], queryFn: () => listApplicants(p.id) });
  const preview = useMutation({ mutationFn: () => previewAssignment(p.id) });
  const apply = useMutation({
    mutationFn: () => applyAssignment(p.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['matching', 'program', p.id] });
      void client.invalidateQueries({ queryKey: ['matching', 'programs'] });
    },
  });
  const shown: AssignmentPreview | undefined = apply.data ?? preview.data;
  return (
    <Stack gap="md" component="section" aria-labelledby="program-applicants">
      <Title order={2} size="h3" id="program-applicants">
        {t('matching.programs.applicantsTitle')}
      </Title>
      {applicants.isPending && <Loading />}
      {applicants.isError && <ErrorState error={applicants.error} onRetry={() => void applicants.refetch()} />}
      {applicants.data && applicants.data.applicants.length === 0 && <Text>{t('matching.programs.noApplicants')}</Text>}
      {applicants.data && applicants.data.applicants.length > 0 && (
        <Stack gap={2} component="ul" pl="md" m={0}>
          {applicants.data.applicants.map((a) => (
            <Text component="li" key={a.userId}>
              {[a.displayName, a.topics.map((x) => t(`matching.topics.${x}`)).join(', ')].filter(Boolean).join(' · ')}
            </Text>
          ))}
        </Stack>
      )}
      {p.abilities.assign && (
        <Group>
          <Button variant="light" onClick={() => preview.mutate()} loading={preview.isPending} disabled={!applicants.data?.applicants.length}>
            {t('matching.programs.preview')}
          </Button>
        </Group>
      )}
      <FormError error={preview.error ?? apply.error} />
      {shown && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('matching.programs.previewTitle')}
            </Title>
            <Text>{t('matching.programs.totalMismatch', { total: shown.totalMismatch, greedy: shown.greedyTotalMismatch })}</Text>
            {/* Focusable so keyboard users can scroll it sideways on a small screen. */}
            <div role="region" aria-label={t('matching.programs.previewTitle')} tabIndex={0} style={{ overflowX: 'auto' }}>
              <Table miw={480}>
                <Table.Tbody>
                  {shown.placements.map((x) => (
                    <Table.Tr key={x.userId}>
                      <Table.Th scope="row">{x.displayName}</Table.Th>
                      <Table.Td>{x.groupName}</Table.Td>
                      <Table.Td>
                        {describeReasons(x.reasons, t, i18n.language)} ({t('matching.programs.mismatch', { value: x.mismatch })})
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            {shown.unassigned.length > 0 && <Text>{t('matching.programs.unassigned', { names: shown.unassigned.map((u) => u.displayName).join(', ') })}</Text>}
            {apply.isSuccess ? (
              <Text role="status" fw={600} c="forest.9">
                {t('matching.programs.appliedAssignment')}
              </Text>
            ) : (
              p.abilities.assign && (
                <Group>
                  <Button onClick={() => apply.mutate()} loading={apply.isPending}>
                    {t('matching.programs.applyAssignment')}
                  </Button>
                </Group>
              )
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
