import { useRef, useState } from 'react';
import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import type { SafetyLevel, ScreenerAnswers, ScreenerQuestion } from '../api.ts';
import { showSafetyCardFor } from '../card-store.ts';
import { useSubmitScreener } from '../hooks.ts';
import { SafetyCardSlot } from './SafetyCardSlot.tsx';
import { pruneAnswers, unansweredQuestions, visibleQuestions } from '../screener.ts';

/**
 * The risk screener, following the C-SSRS screener's structure in our own words. Follow-up questions appear
 * only after a yes to thoughts; recent behaviour is always asked. `caseId` records it on an on-call case
 * (staff ask the person and record their answers); without it, a member answers for themselves.
 */
export function ScreenerForm({ caseId, onDone }: { caseId?: string; onDone?: (level: SafetyLevel) => void }) {
  const { t } = useTranslation();
  const staff = !!caseId;
  const [answers, setAnswers] = useState<ScreenerAnswers>({});
  const [missing, setMissing] = useState<ScreenerQuestion[]>([]);
  const submit = useSubmitScreener();
  const formRef = useRef<HTMLFormElement>(null);
  const questions = visibleQuestions(answers);

  const setAnswer = (q: ScreenerQuestion, value: boolean) => {
    const next = pruneAnswers({ ...answers, [q]: value });
    setAnswers(next);
    setMissing((m) => m.filter((x) => x !== q));
    if (submit.isSuccess || submit.isError) submit.reset();
  };

  if (submit.isSuccess) {
    return <ScreenerResult level={submit.data.level} staff={staff} onAgain={() => { setAnswers({}); submit.reset(); }} />;
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const open = unansweredQuestions(answers);
        if (open.length > 0) {
          setMissing(open);
          requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`[name="screener-${open[0]}"]`)?.focus());
          return;
        }
        submit.mutate({ answers: pruneAnswers(answers), ...(caseId ? { caseId } : {}) }, {
          onSuccess: (r) => {
            // For myself, the gentle card (talk now, lines, plan) appears right here.
            if (!staff) showSafetyCardFor(r);
            onDone?.(r.level);
          },
        });
      }}
    >
      <Stack gap="md">
        <Text>{staff ? t('safety.screener.staffIntro') : t('safety.screener.intro')}</Text>
        {questions.map((q, i) => (
          <Radio.Group
            key={q}
            name={`screener-${q}`}
            label={`${i + 1}. ${t(`safety.screener.q.${q}`)}`}
            description={q === 'method' || q === 'intent' || q === 'plan' ? t('safety.screener.followUp') : undefined}
            value={answers[q] === undefined ? null : answers[q] ? 'yes' : 'no'}
            onChange={(v) => setAnswer(q, v === 'yes')}
            error={missing.includes(q) ? t('safety.screener.answerThis') : undefined}
            required
          >
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t('safety.screener.yes')} />
              <Radio value="no" label={t('safety.screener.no')} />
            </Group>
          </Radio.Group>
        ))}
        {submit.isError && <FormError error={submit.error} />}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {staff ? t('safety.screener.saveStaff') : t('safety.screener.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('safety.screener.credit')}
        </Text>
      </Stack>
    </form>
  );
}

function ScreenerResult({ level, staff, onAgain }: { level: SafetyLevel; staff: boolean; onAgain: () => void }) {
  const { t } = useTranslation();
  if (staff) {
    return (
      <Alert color="forest" variant="light" role="status" title={t('safety.screener.savedTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text>{t('safety.screener.savedStaff', { level: t(`safety.level.${level}`) })}</Text>
          <Button variant="outline" color="ink" size="sm" onClick={onAgain}>
            {t('safety.screener.again')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="ember" variant="light" role="status" title={t('safety.screener.thanksTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text>{t(`safety.screener.result.${level}`)}</Text>
          <Button variant="outline" color="ink" size="sm" onClick={onAgain}>
            {t('safety.screener.again')}
          </Button>
        </Stack>
      </Alert>
      <SafetyCardSlot />
    </Stack>
  );
}
