import { Button, FileInput, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../lib/components/ErrorState.tsx';
import type { LessonContent } from '../../api.ts';
import { useUploadMedia } from '../../hooks.ts';

type Media = NonNullable<LessonContent['media']>;
type Resource = NonNullable<LessonContent['resources']>[number];
export type FileNames = Record<string, string>;

/** Video or audio for a lesson: an uploaded file or a link, and its transcript (required, for accessibility). */
export function MediaFields({ media, onChange, files, onUploaded, error }: { media: Media; onChange: (m: Media) => void; files: FileNames; onUploaded: (id: string, name: string) => void; error?: string }) {
  const { t } = useTranslation();
  const upload = useUploadMedia();
  const source = media.url !== undefined ? 'link' : 'upload';
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Text fw={600} id="media-kind-label">{t('training.authoring.mediaKind')}</Text>
        <SegmentedControl aria-labelledby="media-kind-label" value={media.kind} onChange={(v) => onChange({ ...media, kind: v as Media['kind'] })} data={[{ value: 'video', label: t('training.authoring.video') }, { value: 'audio', label: t('training.authoring.audio') }]} />
        <Text fw={600} id="media-source-label">{t('training.authoring.mediaSource')}</Text>
        <SegmentedControl
          aria-labelledby="media-source-label"
          value={source}
          onChange={(v) => onChange(v === 'link' ? { kind: media.kind, transcript: media.transcript, url: '' } : { kind: media.kind, transcript: media.transcript })}
          data={[{ value: 'upload', label: t('training.authoring.upload') }, { value: 'link', label: t('training.authoring.link') }]}
        />
        {source === 'upload' ? (
          <>
            <FileInput
              label={t('training.authoring.file')}
              accept="video/mp4,video/webm,audio/mpeg,audio/mp4,audio/ogg,audio/webm,audio/wav"
              onChange={(file) => file && upload.mutate(file, { onSuccess: (m) => { onUploaded(m.id, m.filename); onChange({ kind: media.kind, transcript: media.transcript, mediaId: m.id }); } })}
              error={error}
              disabled={upload.isPending}
            />
            {upload.isPending && <Text size="sm" role="status">{t('training.authoring.uploading')}</Text>}
            {upload.isError && <ErrorState error={upload.error} />}
            {media.mediaId && <Text size="sm">{t('training.authoring.uploaded', { filename: files[media.mediaId] ?? media.mediaId })}</Text>}
          </>
        ) : (
          <TextInput label={t('training.authoring.url')} type="url" value={media.url ?? ''} onChange={(e) => onChange({ ...media, url: e.currentTarget.value })} placeholder="https://" error={error} />
        )}
        <Textarea label={t('training.authoring.transcript')} value={media.transcript} onChange={(e) => onChange({ ...media, transcript: e.currentTarget.value })} autosize minRows={4} maxLength={50_000} required />
      </Stack>
    </Paper>
  );
}

/** Downloadable resources: each an uploaded PDF or text file, or a link. */
export function ResourceFields({ resources, onChange, files, onUploaded }: { resources: Resource[]; onChange: (r: Resource[]) => void; files: FileNames; onUploaded: (id: string, name: string) => void }) {
  const { t } = useTranslation();
  const upload = useUploadMedia();
  const set = (i: number, r: Resource) => onChange(resources.map((x, j) => (j === i ? r : x)));
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('training.authoring.resources')}</Text>
      {resources.map((r, i) => (
        <Paper key={i} withBorder p="xs" radius="md">
          <Stack gap={6}>
            <TextInput label={t('training.authoring.resourceTitle')} value={r.title} onChange={(e) => set(i, { ...r, title: e.currentTarget.value })} required />
            <FileInput
              label={t('training.authoring.resourceFile')}
              accept="application/pdf,text/plain"
              onChange={(file) => file && upload.mutate(file, { onSuccess: (m) => { onUploaded(m.id, m.filename); set(i, { title: r.title, mediaId: m.id }); } })}
            />
            {r.mediaId && <Text size="sm">{t('training.authoring.uploaded', { filename: files[r.mediaId] ?? r.mediaId })}</Text>}
            <TextInput label={t('training.authoring.resourceUrl')} type="url" value={r.url ?? ''} onChange={(e) => set(i, e.currentTarget.value ? { title: r.title, url: e.currentTarget.value } : { title: r.title })} placeholder="https://" />
            <Group>
              <Button size="xs" variant="subtle" color="red" onClick={() => onChange(resources.filter((_x, j) => j !== i))} aria-label={t('training.authoring.removeResource', { title: r.title || String(i + 1) })}>
                {t('training.authoring.delete')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      {upload.isError && <ErrorState error={upload.error} />}
      <Button size="xs" variant="light" onClick={() => onChange([...resources, { title: '', url: '' }])} style={{ alignSelf: 'flex-start' }}>{t('training.authoring.addResource')}</Button>
    </Stack>
  );
}
