import { useId } from 'react';
import { Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../lib/components/ErrorState.tsx';
import { useDraft } from '../../../lib/use-draft.ts';
import { cardStore } from '../../safety/card-store.ts';
import { createSupportRequest, joinSmallGroup } from '../api.ts';
import { useMatchingMutation } from '../hooks.ts';

/** "Talk to a peer supporter now" (the on-demand queue) or "join a small live group now", from a few words. */
export function SupportNowForm({ kind, initial = '' }: { kind: 'supporter' | 'small_group'; initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const [text, setText, clearDraft] = useDraft(`matching:${kind}`, initial);
  const request = useMatchingMutation(createSupportRequest);
  const small = useMatchingMutation(joinSmallGroup);
  const mutation = kind === 'supporter' ? request : small;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (kind === 'supporter') {
      request.mutate(text, {
        onSuccess: (r) => {
          clearDraft();
          if (r.safety) cardStore.show({ card: r.safety.card, aboutSomeoneElse: false });
          void navigate(`/support/requests/${r.id}`);
        },
      });
    } else {
      small.mutate(text, {
        onSuccess: (r) => {
          clearDraft();
          if (r.safety) cardStore.show({ card: r.safety.card, aboutSomeoneElse: false });
          if (r.room) void navigate(`/small-groups/${r.room.id}`);
        },
      });
    }
  };
  return (
    <section aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {kind === 'supporter' ? t('matching.supporterNowTitle') : t('matching.smallGroupTitle')}
          </Title>
          <Text size="sm">{kind === 'supporter' ? t('matching.supporterNowIntro') : t('matching.smallGroupIntro')}</Text>
          <Textarea
            label={kind === 'supporter' ? t('matching.supporterNowLabel') : t('matching.smallGroupLabel')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            required
          />
          {small.data?.status === 'routed_to_oncall' && (
            <Text role="status" fw={600}>
              {t('matching.smallGroupRouted')}
            </Text>
          )}
          <FormError error={mutation.error} />
          <Button type="submit" loading={mutation.isPending} disabled={text.trim().length === 0} style={{ alignSelf: 'flex-start' }}>
            {kind === 'supporter' ? t('matching.supporterNowButton') : t('matching.smallGroupButton')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
