import { useState, type FormEvent } from 'react';
import { Alert, Button, FileInput, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { MEDIA_ACCEPT, RESOURCE_KINDS, type Resource, type ResourceInput, type ResourceKind } from '../api.ts';
import { useDeleteResource, useResource, useSaveResource, useUploadMedia } from '../hooks.ts';

const splitList = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Staff add or change a library resource (moderators, clinicians, admins; the server checks). */
export function ResourceEditorPage() {
  const { slug } = useParams();
  const existing = useResource(slug ?? '');
  if (!slug) return <ResourceForm />;
  if (existing.isPending) return <Loading />;
  if (existing.isError) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  return <ResourceForm resource={existing.data} />;
}

function ResourceForm({ resource }: { resource?: Resource }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(resource ? t('resources.editor.editTitle') : t('resources.editor.createTitle'));
  const save = useSaveResource(resource?.id);
  const upload = useUploadMedia();
  // The file is sent after the text is saved (the upload needs the resource); a failed upload keeps everything typed.
  const [file, setFile] = useState<File | null>(null);
  const [form, setForm] = useState({
    kind: resource?.kind ?? ('article' as ResourceKind),
    title: resource?.title ?? '',
    summary: resource?.summary ?? '',
    body: resource?.body ?? '',
    language: (resource?.language ?? 'en') as 'en' | 'es',
    topics: resource?.topics.join(', ') ?? '',
    tags: resource?.tags.join(', ') ?? '',
    audience: resource?.audience.join(', ') ?? '',
    mediaUrl: resource?.mediaUrl ?? '',
  });
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: ResourceInput = {
      ...form,
      topics: splitList(form.topics),
      tags: splitList(form.tags),
      audience: splitList(form.audience),
      mediaUrl: form.mediaUrl.trim() || null,
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        if (!file) return void navigate(`/resources/${saved.slug}`);
        upload.mutate(
          { id: saved.id, file },
          {
            onSuccess: (withFile) => void navigate(`/resources/${withFile.slug}`),
            // Saved but not uploaded: stay on the saved resource's editor so the upload can be tried again.
            onError: () => {
              if (!resource) void navigate(`/resources/${saved.slug}/edit`, { replace: true });
            },
          },
        );
      },
    });
  }

  return (
    <Stack gap="md">
      <Title order={1}>{resource ? t('resources.editor.editTitle') : t('resources.editor.createTitle')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} />
          <Group grow>
            <Select label={t('resources.kindLabel')} value={form.kind} onChange={(v) => v && set('kind')(v)} data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))} allowDeselect={false} />
            <Select label={t('resources.languageLabel')} value={form.language} onChange={(v) => v && set('language')(v)} data={[{ value: 'en', label: t('resources.languages.en') }, { value: 'es', label: t('resources.languages.es') }]} allowDeselect={false} />
          </Group>
          <TextInput label={t('resources.editor.title')} required value={form.title} onChange={(e) => set('title')(e.currentTarget.value)} error={fieldError(save.error, 'title')} />
          <Textarea label={t('resources.editor.summary')} description={t('resources.editor.summaryHelp')} value={form.summary} onChange={(e) => set('summary')(e.currentTarget.value)} autosize minRows={2} error={fieldError(save.error, 'summary')} />
          <Textarea label={t('resources.editor.body')} description={t('resources.editor.bodyHelp')} value={form.body} onChange={(e) => set('body')(e.currentTarget.value)} autosize minRows={10} error={fieldError(save.error, 'body')} />
          <TextInput label={t('resources.editor.topics')} value={form.topics} onChange={(e) => set('topics')(e.currentTarget.value)} error={fieldError(save.error, 'topics')} />
          <TextInput label={t('resources.editor.tags')} value={form.tags} onChange={(e) => set('tags')(e.currentTarget.value)} error={fieldError(save.error, 'tags')} />
          <TextInput label={t('resources.editor.audience')} value={form.audience} onChange={(e) => set('audience')(e.currentTarget.value)} error={fieldError(save.error, 'audience')} />
          <TextInput label={t('resources.editor.mediaUrl')} type="url" value={form.mediaUrl} onChange={(e) => set('mediaUrl')(e.currentTarget.value)} error={fieldError(save.error, 'mediaUrl')} />
          <FileInput
            label={t('resources.editor.file')}
            description={resource?.media ? t('resources.editor.currentFile', { type: resource.media.type, size: formatMegabytes(resource.media.bytes) }) : t('resources.editor.fileHelp')}
            accept={MEDIA_ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('resources.editor.clearFile') }}
            error={upload.error ? upload.error.message : undefined}
          />
          {upload.isPending && (
            <Text size="sm" role="status">
              {t('resources.editor.uploading')}
            </Text>
          )}
          {save.isSuccess && !upload.isPending && !upload.isError && <Alert color="green">{t('resources.editor.saved')}</Alert>}
          <Group>
            <Button type="submit" loading={save.isPending || upload.isPending}>
              {t('resources.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {resource && <DeleteResource resource={resource} />}
    </Stack>
  );
}

function formatMegabytes(bytes: number) {
  return `${Math.max(0.1, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** Removing a resource asks first; collections simply lose it and the action is recorded. */
function DeleteResource({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteResource();
  const [opened, dialog] = useDisclosure(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="remove-resource">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="remove-resource">
          {t('resources.editor.removeTitle')}
        </Title>
        <Text size="sm">{t('resources.editor.removeHelp')}</Text>
        <Button variant="outline" color="red.9" onClick={dialog.open}>
          {t('resources.editor.remove')}
        </Button>
      </Stack>
      <AppModal opened={opened} onClose={dialog.close} title={t('resources.editor.removeConfirmTitle', { title: resource.title })}>
        <Stack>
          <Text>{t('resources.editor.removeConfirmBody')}</Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={dialog.close}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(resource.id, { onSuccess: () => void navigate('/resources', { replace: true }) })}>
              {t('resources.editor.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}
