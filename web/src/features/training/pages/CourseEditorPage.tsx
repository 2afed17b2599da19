import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import type { CourseDetail, CourseKind } from '../api.ts';
import { LessonEditor } from '../components/authoring/LessonEditor.tsx';
import { useCourse, useDeleteLesson, useReorderLessons, useUpdateCourse } from '../hooks.ts';

const KINDS: CourseKind[] = ['core', 'facilitation', 'elective', 'continuing'];

/** Authors edit a course: its details, publishing, and its lessons (add, edit, reorder, delete). */
export function CourseEditorPage() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const course = useCourse(courseId);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  usePageTitle(t('training.authoring.editorTitle', { title: course.data?.title ?? '' }));
  if (course.isPending) return <Loading />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/training/courses/${c.id}`}>{t('training.authoring.backToCourse')}</Anchor>
      <Title order={1}>{t('training.authoring.editorTitle', { title: c.title })}</Title>
      <CourseDetailsForm course={c} />
      <LessonList course={c} onEdit={setEditing} />
      {editing ? (
        <LessonEditor key={editing} courseId={c.id} lessonId={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>{t('training.authoring.addLesson')}</Button>
      )}
    </Stack>
  );
}

function CourseDetailsForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const save = useUpdateCourse(course.id);
  const [title, setTitle] = useState(course.title);
  const [summary, setSummary] = useState(course.summary);
  const [kind, setKind] = useState<CourseKind>(course.kind);
  const [ceMinutes, setCeMinutes] = useState<number | string>(course.ceMinutes);
  const [published, setPublished] = useState(course.published);
  useEffect(() => setPublished(course.published), [course.published]);
  return (
    <section aria-labelledby="details-heading">
      <Title order={2} size="h3" id="details-heading" mb="sm">{t('training.authoring.details')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ title, summary, kind, ceMinutes: Number(ceMinutes), published });
        }}
      >
        <Stack gap="sm" maw={640}>
          <TextInput label={t('training.authoring.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={150} error={fieldError(save.error, 'title')} />
          <Textarea label={t('training.authoring.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={1000} error={fieldError(save.error, 'summary')} />
          <Select label={t('training.authoring.kind')} data={KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as CourseKind)} allowDeselect={false} />
          <NumberInput label={t('training.authoring.ceMinutes')} min={0} max={6000} value={ceMinutes} onChange={setCeMinutes} error={fieldError(save.error, 'ceMinutes')} />
          <Switch label={t('training.authoring.published')} checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
          {save.isError && <ErrorState error={save.error} />}
          {save.isSuccess && <Alert color="green" role="status">{t('training.authoring.saved')}</Alert>}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>{t('training.authoring.saveCourse')}</Button>
        </Stack>
      </form>
    </section>
  );
}

function LessonList({ course, onEdit }: { course: CourseDetail; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const reorder = useReorderLessons(course.id);
  const remove = useDeleteLesson();
  const [confirming, setConfirming] = useState<string | null>(null);
  const ids = course.lessons.map((l) => l.id);
  const move = (i: number, by: -1 | 1) => {
    const next = [...ids];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    reorder.mutate(next);
  };
  return (
    <section aria-labelledby="lessons-edit-heading">
      <Title order={2} size="h3" id="lessons-edit-heading" mb="sm">{t('training.authoring.lessons')}</Title>
      {course.lessons.length === 0 && <Text>{t('training.authoring.noLessons')}</Text>}
      <Stack component="ol" gap="xs" style={{ paddingLeft: 0, margin: 0, listStyle: 'none' }}>
        {course.lessons.map((l, i) => (
          <Paper component="li" key={l.id} withBorder p="xs" radius="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text>
                {i + 1}. {l.title} <Text span size="sm" c="dimmed">({t(`training.lessonKinds.${l.kind}`)})</Text>
              </Text>
              {confirming === l.id ? (
                <Group gap="xs">
                  <Text size="sm" role="alert">{t('training.authoring.confirmDelete', { title: l.title })}</Text>
                  <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(l.id, { onSuccess: () => setConfirming(null) })}>{t('training.authoring.confirmDeleteButton')}</Button>
                  <Button size="xs" variant="subtle" onClick={() => setConfirming(null)}>{t('training.authoring.cancel')}</Button>
                </Group>
              ) : (
                <Group gap={4}>
                  <Button size="xs" variant="subtle" disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)} aria-label={t('training.authoring.moveUp', { title: l.title })}>↑</Button>
                  <Button size="xs" variant="subtle" disabled={i === course.lessons.length - 1 || reorder.isPending} onClick={() => move(i, 1)} aria-label={t('training.authoring.moveDown', { title: l.title })}>↓</Button>
                  <Button size="xs" variant="light" onClick={() => onEdit(l.id)} aria-label={t('training.authoring.editLabel', { title: l.title })}>{t('training.authoring.edit')}</Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(l.id)} aria-label={t('training.authoring.deleteLabel', { title: l.title })}>{t('training.authoring.delete')}</Button>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {reorder.isError && <ErrorState error={reorder.error} />}
      {remove.isError && <ErrorState error={remove.error} />}
    </section>
  );
}
