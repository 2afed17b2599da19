import { useState, type ChangeEvent } from 'react';
import { Alert, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { decideSuggestion, importCsv, listSuggestions } from '../api.ts';

/** Admins import the directory from CSV; moderators and admins review suggested corrections. */
export function DirectoryAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.admin'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('directory.admin')}</Title>
      <ImportSection />
      <SuggestionsSection />
    </Stack>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const run = useMutation({ mutationFn: () => importCsv(csv) });
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setCsv(file ? await file.text() : '');
  }
  return (
    <Stack component="section" aria-labelledby="import-heading" gap="sm">
      <Title order={2} size="h3" id="import-heading">
        {t('directory.importTitle')}
      </Title>
      <Text size="sm">{t('directory.importHelp')}</Text>
      <label htmlFor="directory-csv" style={{ fontWeight: 600 }}>
        {t('directory.chooseFile')}
      </label>
      <input id="directory-csv" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
      <Group>
        <Button onClick={() => run.mutate()} disabled={!csv} loading={run.isPending}>
          {t('directory.importButton')}
        </Button>
      </Group>
      <FormError error={run.error} />
      {run.data && (
        <Alert color={run.data.rejected.length ? 'yellow' : 'green'} role="status">
          <Text>{t('directory.importResult', { imported: run.data.imported, updated: run.data.updated, rejected: run.data.rejected.length })}</Text>
          {run.data.rejected.length > 0 && (
            <List size="sm" mt="xs">
              {run.data.rejected.map((r) => (
                <List.Item key={r.row}>{t('directory.rejectedRow', { row: r.row, reason: r.reason })}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

function SuggestionsSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const suggestions = useQuery({ queryKey: ['directory', 'suggestions'], queryFn: listSuggestions, retry: false });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => decideSuggestion(id, decision),
    onSuccess: () => client.invalidateQueries({ queryKey: ['directory'] }),
  });
  return (
    <Stack component="section" aria-labelledby="suggestions-heading" gap="sm">
      <Title order={2} size="h3" id="suggestions-heading">
        {t('directory.suggestionsTitle')}
      </Title>
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <ErrorState error={suggestions.error} />
      ) : suggestions.data.suggestions.length === 0 ? (
        <Text>{t('directory.noSuggestions')}</Text>
      ) : (
        suggestions.data.suggestions.map((s) => (
          <Paper key={s.id} withBorder p="md" radius="md">
            <Stack gap={6}>
              <Text fw={650}>{s.serviceName}</Text>
              {Object.entries(s.changes).map(([field, value]) => (
                <Text key={field} size="sm">
                  {field}: <Code>{String(value)}</Code>
                </Text>
              ))}
              {s.note && <Text size="sm">{s.note}</Text>}
              <Group>
                <Button size="xs" onClick={() => decide.mutate({ id: s.id, decision: 'approve' })}>
                  {t('directory.approve')}
                </Button>
                <Button size="xs" variant="outline" onClick={() => decide.mutate({ id: s.id, decision: 'reject' })}>
                  {t('directory.reject')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))
      )}
      <FormError error={decide.error} />
    </Stack>
  );
}
