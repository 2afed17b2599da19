import { useState } from 'react';
import { Alert, Button, Group, Radio, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useSaveSessionFeedback } from '../hooks.ts';

/** "How was the session?": felt heard, satisfaction 1–5 and an optional comment, then a check-in offer. */
export function SessionFeedbackPage() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('outcomes.feedback.title'));
  const [feltHeard, setFeltHeard] = useState<string | null>(null);
  const [satisfaction, setSatisfaction] = useState(0);
  const [comment, setComment] = useState('');
  const save = useSaveSessionFeedback(sessionId);
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t('outcomes.feedback.title')}</Title>
      {save.isSuccess ? (
        <Alert color="forest" variant="light" role="status" title={t('outcomes.feedback.saved')}>
          <Button component={Link} to={`/progress/check-in?session=${sessionId}`} size="sm" mt="xs">{t('outcomes.progress.checkinNow')}</Button>
        </Alert>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); save.mutate({ feltHeard: feltHeard === 'yes', satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) }); }}>
          <Stack gap="md">
            <Text>{t('outcomes.feedback.intro')}</Text>
            <Radio.Group label={t('outcomes.feedback.feltHeard')} value={feltHeard} onChange={setFeltHeard} required>
              <Group mt={6}>
                <Radio value="yes" label={t('outcomes.feedback.yes')} />
                <Radio value="no" label={t('outcomes.feedback.no')} />
              </Group>
            </Radio.Group>
            <Stack gap={4}>
              <Text fw={500} id="satisfaction-label">{t('outcomes.feedback.satisfaction')}</Text>
              <Rating value={satisfaction} onChange={setSatisfaction} count={5} size="lg" aria-labelledby="satisfaction-label" />
            </Stack>
            <Textarea label={t('outcomes.feedback.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
            {save.isError && <FormError error={save.error} />}
            <Group><Button type="submit" loading={save.isPending} disabled={!feltHeard || satisfaction === 0}>{t('outcomes.feedback.save')}</Button></Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
