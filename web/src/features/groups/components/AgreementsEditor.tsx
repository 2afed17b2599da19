import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exactFieldError } from '../group-form.ts';

const MAX_AGREEMENTS = 20;

/** Group agreements as a list: one text box each, add and remove. Server errors appear next to the item they name. */
export function AgreementsEditor({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error: unknown }) {
  const { t } = useTranslation();
  const listError = exactFieldError(error, 'agreements');
  const set = (i: number, text: string) => onChange(value.map((a, j) => (j === i ? text : a)));
  const remove = (i: number) => onChange(value.length === 1 ? [''] : value.filter((_, j) => j !== i));

  return (
    <Fieldset legend={t('groupForm.agreements')} variant="unstyled" styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('groupForm.agreementsHelp')}
        </Text>
        {value.map((agreement, i) => (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <Textarea
              label={t('groupForm.agreementN', { n: i + 1 })}
              value={agreement}
              onChange={(e) => set(i, e.currentTarget.value)}
              error={exactFieldError(error, `agreements.${i}`)}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={500}
              style={{ flex: 1 }}
            />
            <ActionIcon variant="subtle" color="ink" size="lg" mt={26} onClick={() => remove(i)} aria-label={t('groupForm.removeAgreement', { n: i + 1 })}>
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
        {listError && (
          <Text c="#c92a2a" size="sm" role="alert">
            {listError}
          </Text>
        )}
        {value.length < MAX_AGREEMENTS && (
          <Button variant="outline" size="sm" w="fit-content" onClick={() => onChange([...value, ''])}>
            {t('groupForm.addAgreement')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
