import { Anchor, Badge, Button, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useCourse } from '../hooks.ts';

/** A course: its lessons in order, what I have done, and its sources. */
export function CoursePage() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const course = useCourse(courseId);
  usePageTitle(course.data?.title ?? t('training.title'));
  if (course.isPending) return <Loading />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/training">{t('training.title')}</Anchor>
      <Stack gap={4}>
        <Title order={1}>{c.title}</Title>
        <Text>{c.summary}</Text>
        <Text size="sm">{c.completedAt ? t('training.completed') : t('training.progress', { done: c.completedLessons, total: c.lessonCount })}</Text>
      </Stack>
      {(c.resumeLessonId || c.abilities.edit) && (
        <Group>
          {c.resumeLessonId && <Button component={Link} to={`/training/lessons/${c.resumeLessonId}`}>{c.completedLessons > 0 ? t('training.resume') : t('training.start')}</Button>}
          {c.abilities.edit && <Button component={Link} to={`/training/courses/${c.id}/edit`} variant="light">{t('training.authoring.editCourse')}</Button>}
        </Group>
      )}
      <section aria-labelledby="lessons-heading">
        <Title order={2} size="h3" id="lessons-heading" mb="sm">{t('training.lessons')}</Title>
        <List spacing="xs" listStyleType="decimal">
          {c.lessons.map((l) => (
            <List.Item key={l.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/training/lessons/${l.id}`}>{l.title}</Anchor>
                <Text size="sm" c="dimmed">{t(`training.lessonKinds.${l.kind}`)}</Text>
                {l.completed && <Badge color="green" variant="light">{t('training.lessonDone')}</Badge>}
              </Group>
            </List.Item>
          ))}
        </List>
      </section>
      {c.sources.length > 0 && (
        <section aria-labelledby="sources-heading">
          <Title order={2} size="h4" id="sources-heading" mb="xs">{t('training.sources')}</Title>
          <List size="sm" spacing={4}>
            {c.sources.map((s) => (
              <List.Item key={s.url}>
                <Anchor href={s.url} target="_blank" rel="noopener noreferrer">{s.title} <VisuallyHidden>{t('common.opensInNewTab')}</VisuallyHidden></Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
