import { useState } from 'react';
import { Box, Tabs, Text, Textarea, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../lib/components/ErrorState.tsx';
import { usePreviewMarkdown } from '../../hooks.ts';

/** A markdown editor with a preview rendered by the server's safe renderer, exactly as trainees will see it. */
export function MarkdownField({ label, value, onChange, error, required, minRows = 8 }: { label: string; value: string; onChange: (v: string) => void; error?: string; required?: boolean; minRows?: number }) {
  const { t } = useTranslation();
  const preview = usePreviewMarkdown();
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Box>
      <Tabs
        value={tab}
        onChange={(next) => {
          setTab(next);
          if (next === 'preview' && value.trim()) preview.mutate(value);
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="write">{t('training.authoring.write')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('training.authoring.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea label={label} description={t('training.authoring.markdownHelp')} value={value} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={minRows} maxLength={50_000} error={error} required={required} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          {!value.trim() ? (
            <Text c="dimmed">{t('training.authoring.previewEmpty')}</Text>
          ) : preview.isError ? (
            <ErrorState error={preview.error} />
          ) : (
            <Typography>
              {/* The HTML comes from the server's markdown renderer, which escapes raw HTML and unsafe links. */}
              <div dangerouslySetInnerHTML={{ __html: preview.data?.html ?? '' }} />
            </Typography>
          )}
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}
