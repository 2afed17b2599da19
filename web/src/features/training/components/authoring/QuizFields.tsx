import { Button, Group, NumberInput, Paper, Radio, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LessonContent, QuizQuestion } from '../../api.ts';

type Quiz = NonNullable<LessonContent['quiz']>;
const LETTERS = 'abcdefgh';

/** A blank multiple-choice question with two options. */
export function blankQuestion(n: number): QuizQuestion {
  return { id: `q${n}`, kind: 'multiple_choice', prompt: '', options: [{ id: 'a', text: '' }, { id: 'b', text: '' }], correctOptionId: 'a', explanation: '' };
}

/** The quiz editor: a pass mark and questions (multiple choice or scenario) with options, the answer and its explanation. */
export function QuizFields({ quiz, onChange }: { quiz: Quiz; onChange: (q: Quiz) => void }) {
  const { t } = useTranslation();
  const setQuestion = (i: number, q: QuizQuestion) => onChange({ ...quiz, questions: quiz.questions.map((x, j) => (j === i ? q : x)) });
  const nextId = () => {
    let n = quiz.questions.length + 1;
    while (quiz.questions.some((q) => q.id === `q${n}`)) n++;
    return n;
  };
  return (
    <Stack gap="sm">
      <NumberInput label={t('training.authoring.passPercent')} min={1} max={100} value={quiz.passPercent} onChange={(v) => onChange({ ...quiz, passPercent: Number(v) || 1 })} maw={200} />
      {quiz.questions.map((q, i) => (
        <Paper key={q.id} withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
          <Title order={3} size="h5" component="legend">{t('training.authoring.question', { n: i + 1 })}</Title>
          <Stack gap="xs">
            <Select
              label={t('training.authoring.questionKind')}
              data={[{ value: 'multiple_choice', label: t('training.authoring.multipleChoice') }, { value: 'scenario', label: t('training.authoring.scenario') }]}
              value={q.kind}
              onChange={(v) => v && setQuestion(i, { ...q, kind: v as QuizQuestion['kind'] })}
              allowDeselect={false}
            />
            {q.kind === 'scenario' && <Textarea label={t('training.authoring.scenarioText')} value={q.scenario ?? ''} onChange={(e) => setQuestion(i, { ...q, scenario: e.currentTarget.value })} autosize minRows={2} maxLength={2000} />}
            <TextInput label={t('training.authoring.prompt')} value={q.prompt} onChange={(e) => setQuestion(i, { ...q, prompt: e.currentTarget.value })} required maxLength={1000} />
            <Radio.Group label={t('training.authoring.correct')} value={q.correctOptionId} onChange={(v) => setQuestion(i, { ...q, correctOptionId: v })}>
              <Stack gap={6} mt={4}>
                {q.options.map((o, k) => (
                  <Group key={o.id} gap="xs" wrap="nowrap" align="center">
                    <Radio value={o.id} aria-label={`${t('training.authoring.correct')}: ${t('training.authoring.option', { letter: o.id.toUpperCase() })}`} />
                    <TextInput
                      style={{ flex: 1 }}
                      label={t('training.authoring.option', { letter: o.id.toUpperCase() })}
                      value={o.text}
                      onChange={(e) => setQuestion(i, { ...q, options: q.options.map((x, j) => (j === k ? { ...x, text: e.currentTarget.value } : x)) })}
                      required
                      maxLength={500}
                    />
                  </Group>
                ))}
              </Stack>
            </Radio.Group>
            {q.options.length < 8 && (
              <Button size="xs" variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => setQuestion(i, { ...q, options: [...q.options, { id: LETTERS[q.options.length]!, text: '' }] })}>
                {t('training.authoring.addOption')}
              </Button>
            )}
            <Textarea label={t('training.authoring.explanation')} value={q.explanation} onChange={(e) => setQuestion(i, { ...q, explanation: e.currentTarget.value })} autosize minRows={2} required maxLength={2000} />
            {quiz.questions.length > 1 && (
              <Button size="xs" variant="subtle" color="red" style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...quiz, questions: quiz.questions.filter((_x, j) => j !== i) })}>
                {t('training.authoring.removeQuestion', { n: i + 1 })}
              </Button>
            )}
          </Stack>
        </Paper>
      ))}
      <Button size="xs" variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...quiz, questions: [...quiz.questions, blankQuestion(nextId())] })}>
        {t('training.authoring.addQuestion')}
      </Button>
    </Stack>
  );
}
