import { useState } from 'react';
import { Alert, Button, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import type { Lesson, QuizResult } from '../api.ts';
import { useSubmitQuiz } from '../hooks.ts';

/** Multiple-choice and scenario questions; after checking, each question shows whether it was right and why. */
export function QuizForm({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const quiz = lesson.quiz!;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const submit = useSubmitQuiz(lesson);
  const complete = quiz.questions.every((q) => answers[q.id]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(answers, { onSuccess: setResult });
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('training.quiz.passMark', { percent: quiz.passPercent })}</Text>
        {quiz.questions.map((q, i) => {
          const r = result?.results.find((x) => x.questionId === q.id);
          return (
            <Paper key={q.id} withBorder p="md" radius="md">
              <Radio.Group
                label={`${i + 1}. ${q.prompt}`}
                description={q.scenario ?? undefined}
                value={answers[q.id] ?? null}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
              >
                <Stack gap={6} mt="xs">
                  {q.options.map((o) => (
                    <Radio key={o.id} value={o.id} label={o.text} />
                  ))}
                </Stack>
              </Radio.Group>
              {r && (
                <Text mt="sm" size="sm" fw={500} role="note">
                  {r.correct ? t('training.quiz.correct') : t('training.quiz.incorrect')} {r.explanation}
                </Text>
              )}
            </Paper>
          );
        })}
        {result && (
          <Alert color={result.passed ? 'green' : 'yellow'} role="status" title={t('training.quiz.score', { score: result.scorePercent })}>
            {result.passed ? t('training.quiz.passed') : t('training.quiz.notPassed')}
          </Alert>
        )}
        {submit.isError && <ErrorState error={submit.error} />}
        <Button type="submit" disabled={!complete} loading={submit.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('training.quiz.check')}
        </Button>
        {!complete && <Text size="sm" c="dimmed">{t('training.quiz.answerAll')}</Text>}
      </Stack>
    </form>
  );
}
