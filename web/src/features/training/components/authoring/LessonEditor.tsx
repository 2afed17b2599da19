import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../../../../lib/api-client.ts';
import { ErrorState, Loading } from '../../../../lib/components/ErrorState.tsx';
import type { LessonContent, LessonKind } from '../../api.ts';
import { useAddLesson, useLessonSource, useUpdateLesson } from '../../hooks.ts';
import { MarkdownField } from './MarkdownField.tsx';
import { MediaFields, ResourceFields, type FileNames } from './MediaFields.tsx';
import { QuizFields, blankQuestion } from './QuizFields.tsx';
import { RoleplayFields, blankScenario } from './RoleplayFields.tsx';

const NEW_KINDS: LessonKind[] = ['text', 'media', 'quiz', 'roleplay'];

/** Only what the lesson's kind uses, without empty resources, so the server validates what the author meant. */
function cleanContent(kind: LessonKind, c: LessonContent): LessonContent {
  const out: LessonContent = {};
  if (c.markdown?.trim()) out.markdown = c.markdown;
  const resources = (c.resources ?? []).filter((r) => r.title.trim() || r.mediaId || r.url);
  if (resources.length) out.resources = resources.map((r) => (r.mediaId ? { title: r.title, mediaId: r.mediaId } : { title: r.title, url: r.url ?? '' }));
  if (kind === 'media' && c.media) out.media = c.media.mediaId ? { kind: c.media.kind, transcript: c.media.transcript, mediaId: c.media.mediaId } : { kind: c.media.kind, transcript: c.media.transcript, url: c.media.url ?? '' };
  if (kind === 'quiz' && c.quiz) out.quiz = { passPercent: c.quiz.passPercent, questions: c.quiz.questions.map((q) => (q.kind === 'scenario' ? q : { ...q, scenario: undefined })) };
  if (kind === 'roleplay' && c.roleplay) out.roleplay = c.roleplay;
  return out;
}

/** Writes a new lesson or edits one: title, markdown with preview, media with transcript, resources, quiz questions and role-play steps. */
export function LessonEditor({ courseId, lessonId, onDone }: { courseId: string; lessonId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const source = useLessonSource(lessonId);
  const add = useAddLesson(courseId);
  const update = useUpdateLesson();
  const [kind, setKind] = useState<LessonKind>('text');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState<LessonContent>({ markdown: '' });
  const [files, setFiles] = useState<FileNames>({});

  useEffect(() => {
    if (!source.data) return;
    setKind(source.data.kind);
    setTitle(source.data.title);
    setContent(source.data.content);
    setFiles(Object.fromEntries(source.data.files.map((f) => [f.id, f.filename])));
  }, [source.data]);

  if (lessonId && source.isPending) return <Loading />;
  if (lessonId && source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} />;
  const save = lessonId ? update : add;
  const error = save.error;
  // Once people have practised a role-play its steps are fixed (the server refuses); the new steps can become a new role-play.
  const startedBy = lessonId && kind === 'roleplay' ? (source.data?.startedBy ?? 0) : 0;
  const saveAsNew = () =>
    add.mutate({ kind: 'roleplay', title: t('training.authoring.newVersionTitle', { title }), content: cleanContent(kind, content) }, { onSuccess: onDone });
  const onUploaded = (id: string, name: string) => setFiles((f) => ({ ...f, [id]: name }));
  const chooseKind = (k: LessonKind) => {
    setKind(k);
    if (k === 'media' && !content.media) setContent((c) => ({ ...c, media: { kind: 'video', transcript: '' } }));
    if (k === 'quiz' && !content.quiz) setContent((c) => ({ ...c, quiz: { passPercent: 80, questions: [blankQuestion(1)] } }));
    if (k === 'roleplay' && !content.roleplay) setContent((c) => ({ ...c, roleplay: blankScenario() }));
  };
  const headingId = 'lesson-editor-heading';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body = { title, content: cleanContent(kind, content) };
          if (lessonId) update.mutate({ id: lessonId, body }, { onSuccess: onDone });
          else add.mutate({ kind, ...body }, { onSuccess: onDone });
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>{lessonId ? t('training.authoring.editLesson', { title: source.data?.title ?? '' }) : t('training.authoring.newLesson')}</Title>
          {!lessonId && (
            <Select
              label={t('training.authoring.lessonKind')}
              data={NEW_KINDS.map((k) => ({ value: k, label: t(`training.lessonKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && chooseKind(v as LessonKind)}
              allowDeselect={false}
            />
          )}
          {startedBy > 0 && (
            <Alert color="blue" variant="light" title={t('training.authoring.roleplayStartedTitle')}>
              <Text size="sm">{t('training.authoring.roleplayStarted', { count: startedBy })}</Text>
            </Alert>
          )}
          <TextInput label={t('training.authoring.lessonTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={150} error={fieldError(error, 'title')} />
          <MarkdownField
            label={kind === 'text' ? t('training.authoring.text') : t('training.authoring.textOptional')}
            value={content.markdown ?? ''}
            onChange={(markdown) => setContent((c) => ({ ...c, markdown }))}
            required={kind === 'text'}
            minRows={kind === 'text' ? 10 : 3}
            error={fieldError(error, 'content.markdown')}
          />
          {kind === 'media' && content.media && (
            <MediaFields media={content.media} onChange={(media) => setContent((c) => ({ ...c, media }))} files={files} onUploaded={onUploaded} error={fieldError(error, 'content.media')} />
          )}
          {kind === 'quiz' && content.quiz && <QuizFields quiz={content.quiz} onChange={(quiz) => setContent((c) => ({ ...c, quiz }))} />}
          {kind === 'roleplay' && content.roleplay && <RoleplayFields roleplay={content.roleplay} onChange={(roleplay) => setContent((c) => ({ ...c, roleplay }))} error={error} />}
          <ResourceFields resources={content.resources ?? []} onChange={(resources) => setContent((c) => ({ ...c, resources }))} files={files} onUploaded={onUploaded} />
          {save.isError && (
            <Stack gap={4}>
              <ErrorState error={save.error} />
              {error instanceof ApiError && error.fields.length > 0 && (
                <List size="sm">{error.fields.map((f, i) => <List.Item key={i}>{f.message}</List.Item>)}</List>
              )}
            </Stack>
          )}
          {lessonId && add.isError && <ErrorState error={add.error} />}
          {save.isSuccess && <Alert color="green" role="status">{t('training.authoring.lessonSaved')}</Alert>}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>{t('training.authoring.saveLesson')}</Button>
            {startedBy > 0 && (
              <Button variant="outline" onClick={saveAsNew} loading={add.isPending}>{t('training.authoring.saveAsNewRoleplay')}</Button>
            )}
            <Button variant="subtle" onClick={onDone}>{t('training.authoring.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
