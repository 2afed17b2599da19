import { useId, useRef } from 'react';
import { ActionIcon, Button, Group, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanSection } from '../api.ts';
import { MAX_ITEM_LENGTH, MAX_ITEMS } from '../safety-plan.ts';

/** One section of the safety plan: a short prompt, examples, and a list of lines the person can add to. */
export function PlanSectionEditor({ section, number, items, onChange }: { section: PlanSection; number: number; items: string[]; onChange: (items: string[]) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const name = t(`safety.plan.sections.${section}.title`);
  const rows = items.length > 0 ? items : [''];

  const update = (index: number, value: string) => onChange(rows.map((x, i) => (i === index ? value : x)));
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLInputElement>('input')[Math.max(0, index - 1)]?.focus());
  };
  const add = () => {
    onChange([...rows, '']);
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input');
      inputs?.[inputs.length - 1]?.focus();
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {number}. {name}
        </Title>
        <Text size="sm">{t(`safety.plan.sections.${section}.prompt`)}</Text>
        <Text size="sm" c="dimmed">
          {t('safety.plan.examples', { examples: t(`safety.plan.sections.${section}.examples`) })}
        </Text>
        <Stack gap={6} ref={listRef}>
          {rows.map((item, i) => (
            <Group key={i} gap={6} wrap="nowrap" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('safety.plan.itemLabel', { section: name, n: i + 1 })}
                styles={{ label: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } }}
                value={item}
                maxLength={MAX_ITEM_LENGTH}
                onChange={(e) => update(i, e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (item.trim() && rows.length < MAX_ITEMS) add();
                  }
                }}
              />
              {(rows.length > 1 || item) && (
                <ActionIcon variant="subtle" color="ink" size={42} onClick={() => remove(i)} aria-label={t('safety.plan.removeItem', { section: name, n: i + 1 })}>
                  <span aria-hidden="true" style={{ fontSize: 22 }}>×</span>
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
        {rows.length < MAX_ITEMS && (
          <Button variant="subtle" size="sm" w="fit-content" onClick={add}>
            {t('safety.plan.addItem')}
            <VisuallyHidden> {t('safety.plan.addItemTo', { section: name })}</VisuallyHidden>
          </Button>
        )}
      </Stack>
    </section>
  );
}
