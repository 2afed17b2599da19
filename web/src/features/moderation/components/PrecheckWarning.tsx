import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePrecheck } from '../hooks.ts';

/**
 * Shown under a composer while the person types: warns about phone numbers, e-mail addresses, handles and the like
 * before anything is sent. Polite live region, so screen readers hear it without losing their place.
 */
export function PrecheckWarning({ text }: { text: string }) {
  const { t } = useTranslation();
  const result = usePrecheck(text);
  const warnings = result?.warnings ?? [];
  return (
    <div aria-live="polite">
      {warnings.length > 0 && (
        <Alert color="yellow" variant="light" title={t('moderation.precheck.title')} data-testid="precheck-warning">
          <List size="sm" spacing={2}>
            {warnings.map((w) => (
              <List.Item key={w.kind}>{w.message}</List.Item>
            ))}
          </List>
          {result?.willBe !== 'sent' && <p style={{ margin: '6px 0 0' }}>{t(`moderation.precheck.${result!.willBe}`)}</p>}
        </Alert>
      )}
    </div>
  );
}
