import { useId } from 'react';
import { Anchor, Button, CloseButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import type { SafetyCard } from '../api.ts';
import { useTalkNow } from '../hooks.ts';
import { CountryLines } from './CountryLines.tsx';

/**
 * The private, gentle card an author sees after sending something that sounds like they are struggling
 * (or that someone they know is). Their message is posted as usual; this only offers help. Nothing here
 * alarms or shames: warm colours, no warnings, one tap to reach a person.
 */
export function SupportCard({ card, onDismiss }: { card: SafetyCard; onDismiss: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const talk = useTalkNow();
  const other = card.aboutSomeoneElse;

  return (
    <Paper
      component="section"
      role="region"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="md"
      bg="ember.0"
      style={{ borderColor: 'var(--mantine-color-ember-3)', borderLeftWidth: 6 }}
      data-testid="safety-card"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id={headingId} c="ember.9">
            {other ? t('safety.card.otherTitle') : t('safety.card.title')}
          </Title>
          <CloseButton onClick={onDismiss} aria-label={t('safety.card.dismiss')} size="lg" />
        </Group>
        {other ? (
          <>
            <Text>{t('safety.card.otherIntro')}</Text>
            <List spacing={4} size="sm">
              <List.Item>{t('safety.card.otherTipAsk')}</List.Item>
              <List.Item>{t('safety.card.otherTipListen')}</List.Item>
              <List.Item>{t('safety.card.otherTipLines')}</List.Item>
              <List.Item>{t('safety.card.otherTipDanger')}</List.Item>
              <List.Item>{t('safety.card.otherTipYou')}</List.Item>
            </List>
          </>
        ) : (
          <>
            <Text>{t('safety.card.intro')}</Text>
            <Text size="sm">{t('safety.card.private')}</Text>
          </>
        )}

        {card.held && (
          <Text size="sm" fw={600}>
            {t('safety.card.held')}
          </Text>
        )}

        {talk.isSuccess ? (
          <Paper role="status" p="sm" radius="md" bg="white" withBorder>
            <Text fw={600} c="forest.9">
              {t('safety.card.talkNowDone')}
            </Text>
            <Text size="sm">{t('safety.card.talkNowMeanwhile')}</Text>
          </Paper>
        ) : (
          <Stack gap={6} align="flex-start">
            <Button onClick={() => talk.mutate()} loading={talk.isPending} size="md">
              {other ? t('safety.card.talkNowOther') : t('safety.card.talkNow')}
            </Button>
            <Text size="sm">{t('safety.card.talkNowHelp')}</Text>
            {talk.isError && <FormError error={talk.error} />}
          </Stack>
        )}

        <CountryLines />

        {!other && (
          <Anchor component={Link} to="/safety-plan" fw={600}>
            {t('safety.card.planLink')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
