import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { showSafetyCardFor } from '../../safety/card-store.ts';
import { SafetyCardSlot } from '../../safety/components/SafetyCardSlot.tsx';
import { ScreenerForm } from '../../safety/components/ScreenerForm.tsx';
import type { Instrument, ScreeningResult } from '../api.ts';
import { useInstrument, useSubmitScreening } from '../hooks.ts';

const MAX: Record<Instrument, number> = { phq9: 27, gad7: 21 };

/**
 * PHQ-9 or GAD-7, one radio group per item. A PHQ-9 item 9 above 0 shows the support card and the risk screener
 * at once, right here, whatever the total.
 */
export function QuestionnaireForm({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const definition = useInstrument(instrument);
  const [answers, setAnswers] = useState<Array<number | undefined>>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const submit = useSubmitScreening();
  const formRef = useRef<HTMLFormElement>(null);

  if (definition.isPending) return <Loading />;
  if (definition.isError) return <ErrorState error={definition.error} onRetry={() => void definition.refetch()} />;
  const def = definition.data;
  if (submit.isSuccess) return <Result result={submit.data} name={def.title} />;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const open = def.items.map((_, i) => i).filter((i) => answers[i] === undefined);
        if (open.length) {
          setMissing(open);
          requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`[name="item-${open[0]}"]`)?.focus());
          return;
        }
        submit.mutate({ instrument, answers: answers as number[] }, { onSuccess: (r) => showSafetyCardFor(r) });
      }}
    >
      <Stack gap="md">
        <Text>{t('outcomes.questionnaire.intro')}</Text>
        <Text fw={600}>{def.stem}</Text>
        {def.items.map((item, i) => (
          <Radio.Group
            key={item.loinc}
            name={`item-${i}`}
            label={`${i + 1}. ${item.text}`}
            value={answers[i] === undefined ? null : String(answers[i])}
            onChange={(v) => {
              const next = [...answers];
              next[i] = Number(v);
              setAnswers(next);
              setMissing((m) => m.filter((x) => x !== i));
            }}
            error={missing.includes(i) ? t('outcomes.questionnaire.answerAll') : undefined}
            required
          >
            <Stack gap={6} mt={6}>
              {def.answers.map((a) => (
                <Radio key={a.value} value={String(a.value)} label={a.text} />
              ))}
            </Stack>
          </Radio.Group>
        ))}
        {submit.isError && <FormError error={submit.error} />}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('outcomes.questionnaire.submit')}
          </Button>
        </Group>
        <Attribution text={def.attribution} />
      </Stack>
    </form>
  );
}

function Attribution({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      <strong>{t('outcomes.questionnaire.attribution')}: </strong>
      {text}
    </Text>
  );
}

function Result({ result, name }: { result: ScreeningResult; name: string }) {
  const { t } = useTranslation();
  const s = result.screening;
  return (
    <Stack gap="md">
      {/* Safety first: the card and the screener come before the score. */}
      {result.safety && (
        <>
          <SafetyCardSlot />
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="item9-screener">
            <Title order={2} size="h3" id="item9-screener" mb="xs">
              {t('outcomes.questionnaire.screenerTitle')}
            </Title>
            <Text mb="sm">{t('outcomes.questionnaire.screenerIntro')}</Text>
            <ScreenerForm />
          </Paper>
        </>
      )}
      <Alert color="forest" variant="light" role="status" title={t('outcomes.questionnaire.resultTitle')}>
        <Text>{t('outcomes.questionnaire.result', { name, total: s.total, max: MAX[s.instrument], band: t(`outcomes.severity.${s.severity}`) })}</Text>
        <Text size="sm" mt="xs">
          {t('outcomes.questionnaire.resultHelp')}
        </Text>
      </Alert>
    </Stack>
  );
}
