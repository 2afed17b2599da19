import { useState } from 'react';
import { Alert, Button, Chip, Group, Slider, Stack, Text, Textarea } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useDraft } from '../../../lib/use-draft.ts';
import { FEELINGS, type Feeling } from '../api.ts';
import { useSubmitCheckin } from '../hooks.ts';

/** Mood 1–10, up to six feeling words and a private note. The note is kept as a draft on this device until saved. */
export function MoodCheckinForm({ sessionId }: { sessionId?: string }) {
  const { t } = useTranslation();
  const [mood, setMood] = useState(5);
  const [feelings, setFeelings] = useState<Feeling[]>([]);
  const [note, setNote, clearNote] = useDraft('outcomes.checkin.note');
  const submit = useSubmitCheckin();

  if (submit.isSuccess) {
    return (
      <Alert color="forest" variant="light" role="status" title={t('outcomes.checkin.saved')}>
        <Button component={Link} to="/progress" variant="outline" color="ink" size="sm" mt="xs">
          {t('outcomes.checkin.backToProgress')}
        </Button>
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate({ mood, feelings, ...(note?.trim() ? { note: note.trim() } : {}), ...(sessionId ? { sessionId } : {}) }, { onSuccess: () => clearNote() });
      }}
    >
      <Stack gap="lg">
        <Stack gap={6}>
          <Text component="label" id="mood-label" fw={600}>
            {t('outcomes.checkin.moodLabel')}
          </Text>
          <Slider
            value={mood}
            onChange={setMood}
            min={1}
            max={10}
            step={1}
            marks={Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
            thumbLabel={t('outcomes.checkin.moodLabel')}
            mb="lg"
          />
        </Stack>
        <Chip.Group multiple value={feelings} onChange={(v) => setFeelings((v as Feeling[]).slice(0, 6))}>
          <Stack gap={6} role="group" aria-labelledby="feelings-label">
            <Text id="feelings-label" fw={600}>
              {t('outcomes.checkin.feelingsLabel')}
            </Text>
            <Group gap="xs">
              {FEELINGS.map((f) => (
                <Chip key={f} value={f} disabled={feelings.length >= 6 && !feelings.includes(f)}>
                  {t(`outcomes.feelings.${f}`)}
                </Chip>
              ))}
            </Group>
          </Stack>
        </Chip.Group>
        <Textarea label={t('outcomes.checkin.noteLabel')} description={t('outcomes.checkin.noteHelp')} value={note ?? ''} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
        {submit.isError && <FormError error={submit.error} />}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('outcomes.checkin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
