import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/api-client.ts';
import { ErrorState } from '../../../lib/components/ErrorState.tsx';
import { useFollowUp, useRateConversation } from '../hooks.ts';

/**
 * Under an ended one-to-one conversation: the member may rate it (feedback for the peer supporter and their supervisor),
 * and the supporter may log it in supervision, pre-filled. Shows nothing when neither applies.
 */
export function ConversationFollowUp({ conversationId, ended }: { conversationId: string; ended: boolean }) {
  const { t } = useTranslation();
  const followUp = useFollowUp(conversationId, ended);
  const rate = useRateConversation();
  const [rating, setRating] = useState<string>('');
  const [comment, setComment] = useState('');
  if (!followUp.data) return null;
  const f = followUp.data;
  if (f.abilities.logActivity) {
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="log-conversation-heading">
        <Title order={2} size="h4" id="log-conversation-heading">{t('supervision.followUp.logTitle')}</Title>
        <Text size="sm" mb="xs">{t('supervision.followUp.logText')}</Text>
        <Anchor component={Link} to={`/supervision?conversation=${conversationId}`}>{t('supervision.followUp.logLink')}</Anchor>
      </Paper>
    );
  }
  if (f.rating !== null) return <Text role="status">{rate.isSuccess ? t('supervision.followUp.thanks') : t('supervision.followUp.rated', { rating: f.rating })}</Text>;
  if (!f.abilities.rate) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rate-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (rating) rate.mutate({ conversationId, rating: Number(rating), ...(comment.trim() ? { comment } : {}) });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="rate-heading">{t('supervision.followUp.rateTitle')}</Title>
          <Text size="sm">{t('supervision.followUp.rateIntro')}</Text>
          <Radio.Group label={t('supervision.followUp.rating')} value={rating} onChange={setRating} error={fieldError(rate.error, 'rating')}>
            <Group gap="md" mt={4}>
              {[1, 2, 3, 4, 5].map((n) => <Radio key={n} value={String(n)} label={t(`supervision.followUp.stars.${n}`)} />)}
            </Group>
          </Radio.Group>
          <Textarea label={t('supervision.followUp.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={500} autosize minRows={2} error={fieldError(rate.error, 'comment')} />
          {rate.isError && !fieldError(rate.error, 'rating') && !fieldError(rate.error, 'comment') && <ErrorState error={rate.error} />}
          {rate.isSuccess && <Alert color="green" role="status">{t('supervision.followUp.thanks')}</Alert>}
          <Button type="submit" disabled={!rating} loading={rate.isPending} style={{ alignSelf: 'flex-start' }}>{t('supervision.followUp.submit')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
