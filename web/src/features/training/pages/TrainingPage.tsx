import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { fieldError } from '../../../lib/api-client.ts';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useCourses, useCreateCourse } from '../hooks.ts';

/** The organization's courses with my progress and a resume button on each. */
export function TrainingPage() {
  const { t } = useTranslation();
  usePageTitle(t('training.title'));
  const courses = useCourses();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('training.title')}</Title>
        <Text>{t('training.intro')}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/training/certificates">{t('training.certificates.title')}</Anchor>
          <Anchor component={Link} to="/supervision">{t('supervision.title')}</Anchor>
        </Group>
      </Stack>
      {courses.data?.abilities.author && <NewCourseForm />}
      {courses.isPending ? (
        <Loading />
      ) : courses.isError ? (
        <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('training.title')}>
          {courses.data.courses.map((c) => {
            const done = c.completedAt !== null;
            const label = done ? t('training.review') : c.completedLessons > 0 ? t('training.resume') : t('training.start');
            return (
              <Paper component="li" key={c.id} withBorder p="md" radius="md">
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Title order={2} size="h4">
                      <Anchor component={Link} to={`/training/courses/${c.id}`} c="ember.9">{c.title}</Anchor>
                    </Title>
                    <Badge variant="outline" color="ink">{t(`training.kinds.${c.kind}`)}</Badge>
                  </Group>
                  <Text size="sm">{c.summary}</Text>
                  <Progress value={c.lessonCount ? (100 * c.completedLessons) / c.lessonCount : 0} aria-label={t('training.progress', { done: c.completedLessons, total: c.lessonCount })} />
                  <Group justify="space-between">
                    <Text size="sm">{done ? t('training.completed') : t('training.progress', { done: c.completedLessons, total: c.lessonCount })}</Text>
                    {c.resumeLessonId && (
                      <Button component={Link} to={`/training/lessons/${c.resumeLessonId}`} size="xs" variant="light" aria-label={`${label}: ${c.title}`}>
                        {label}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** Authors (admins, clinicians, certified trainers) start a draft course, then add lessons in the editor. */
function NewCourseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [title, setTitle] = useState('');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-course-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ title }, { onSuccess: (c) => void navigate(`/training/courses/${c.id}/edit`) });
        }}
      >
        <Stack gap="sm" maw={520}>
          <Title order={2} size="h4" id="new-course-heading">{t('training.authoring.newCourse')}</Title>
          <TextInput label={t('training.authoring.newCourseTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={150} error={fieldError(create.error, 'title')} />
          {create.isError && !fieldError(create.error, 'title') && <ErrorState error={create.error} />}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>{t('training.authoring.create')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
