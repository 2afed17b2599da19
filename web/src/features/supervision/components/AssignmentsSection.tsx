import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import { useAssignments, useAssignSupervisor, useCandidates, useEndAssignment } from '../hooks.ts';

/** Admins assign supervisors to supporters and end assignments. Hidden for everyone else (the API answers 403). */
export function AssignmentsSection() {
  const { t } = useTranslation();
  const candidates = useCandidates();
  const assignments = useAssignments(candidates.isSuccess);
  const assign = useAssignSupervisor();
  const end = useEndAssignment();
  const [supervisorId, setSupervisorId] = useState<string | null>(null);
  const [supporterId, setSupporterId] = useState<string | null>(null);
  if (!candidates.isSuccess) return null;
  const people = (list: Array<{ id: string; displayName: string }>) => list.map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <section aria-labelledby="assignments-heading">
      <Title order={2} size="h3" id="assignments-heading">{t('supervision.assignments.title')}</Title>
      <Text size="sm" mb="sm">{t('supervision.assignments.intro')}</Text>
      {assignments.data && assignments.data.assignments.length === 0 && <Text>{t('supervision.assignments.none')}</Text>}
      {assignments.data && assignments.data.assignments.length > 0 && (
        <Stack component="ul" gap="xs" mb="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {assignments.data.assignments.map((a) => {
            const names = { supervisor: a.supervisor.displayName, supporter: a.supporter.displayName };
            return (
              <Paper component="li" key={a.id} withBorder p="xs" radius="md">
                <Group justify="space-between">
                  <Text>{t('supervision.assignments.item', names)}</Text>
                  <Button size="xs" variant="subtle" color="red" onClick={() => end.mutate(a.id)} aria-label={t('supervision.assignments.endLabel', names)}>
                    {t('supervision.assignments.end')}
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {end.isError && <ErrorState error={end.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (supervisorId && supporterId) assign.mutate({ supervisorId, supporterId }, { onSuccess: () => setSupporterId(null) });
        }}
      >
        <Stack gap="sm" maw={520}>
          <Select label={t('supervision.assignments.supervisor')} data={people(candidates.data.supervisors)} value={supervisorId} onChange={setSupervisorId} searchable required error={fieldError(assign.error, 'supervisorId')} />
          <Select label={t('supervision.assignments.supporter')} data={people(candidates.data.supporters)} value={supporterId} onChange={setSupporterId} searchable required error={fieldError(assign.error, 'supporterId')} />
          {assign.isError && !fieldError(assign.error, 'supervisorId') && !fieldError(assign.error, 'supporterId') && <ErrorState error={assign.error} />}
          {assign.isSuccess && <Alert color="green" role="status">{t('supervision.assignments.saved')}</Alert>}
          <Button type="submit" loading={assign.isPending} disabled={!supervisorId || !supporterId} style={{ alignSelf: 'flex-start' }}>{t('supervision.assignments.submit')}</Button>
        </Stack>
      </form>
    </section>
  );
}
