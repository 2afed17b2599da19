import { Anchor, Badge, Button, Group, List, Stack, Text, Title, Typography, VisuallyHidden } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { MediaPlayer } from '../components/MediaPlayer.tsx';
import { QuizForm } from '../components/QuizForm.tsx';
import { RoleplayPractice } from '../components/RoleplayPractice.tsx';
import { useLesson, useSaveProgress } from '../hooks.ts';
import type { Lesson } from '../api.ts';

/** One lesson: reading, video or audio with transcript, a quiz, or role-play practice; with previous/next. */
export function LessonPage() {
  const { lessonId = '' } = useParams();
  const { t } = useTranslation();
  const lesson = useLesson(lessonId);
  usePageTitle(lesson.data?.title ?? t('training.title'));
  if (lesson.isPending) return <Loading />;
  if (lesson.isError) return <ErrorState error={lesson.error} onRetry={() => void lesson.refetch()} />;
  return <LessonView key={lesson.data.id} lesson={lesson.data} />;
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const save = useSaveProgress(lesson);
  const selfPaced = lesson.kind === 'text' || lesson.kind === 'media';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/training/courses/${lesson.courseId}`}>{lesson.courseTitle}</Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{lesson.title}</Title>
        {lesson.progress.completed && <Badge color="green" variant="light">{t('training.lessonDone')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">{t(`training.lessonKinds.${lesson.kind}`)}</Text>
      {lesson.html && (
        <Typography>
          {/* Rendered by the server from markdown with raw HTML escaped. */}
          <div dangerouslySetInnerHTML={{ __html: lesson.html }} />
        </Typography>
      )}
      {lesson.media && <MediaPlayer lesson={lesson} />}
      {lesson.quiz && <QuizForm lesson={lesson} />}
      {lesson.roleplay && <RoleplayPractice lesson={lesson} />}
      {lesson.resources.length > 0 && (
        <section aria-labelledby="resources-heading">
          <Title order={2} size="h4" id="resources-heading">{t('training.resources')}</Title>
          <List size="sm">
            {lesson.resources.map((r) => (
              <List.Item key={r.href}>
                <Anchor href={r.href} {...(r.external ? { target: '_blank', rel: 'noopener noreferrer' } : { download: true })}>
                  {r.title}
                  {r.external && <VisuallyHidden> {t('common.opensInNewTab')}</VisuallyHidden>}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <Group justify="space-between">
        {lesson.previousLessonId ? <Anchor component={Link} to={`/training/lessons/${lesson.previousLessonId}`}>{t('training.previousLesson')}</Anchor> : <span />}
        <Group gap="sm">
          {selfPaced && !lesson.progress.completed && (
            <Button variant="light" loading={save.isPending} onClick={() => save.mutate({ completed: true })}>{t('training.markDone')}</Button>
          )}
          {lesson.nextLessonId ? (
            <Button component={Link} to={`/training/lessons/${lesson.nextLessonId}`} onClick={() => selfPaced && !lesson.progress.completed && save.mutate({ completed: true })}>
              {t('training.nextLesson')}
            </Button>
          ) : (
            <Button component={Link} to={`/training/courses/${lesson.courseId}`} variant="light" onClick={() => selfPaced && !lesson.progress.completed && save.mutate({ completed: true })}>
              {t('training.backToCourse')}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
