import { useId, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCollapseReason } from '../hooks.ts';

/**
 * Folds away the words of someone I blocked or muted, with a button to show them (my choice, never told to them).
 * Everyone else's words render as usual.
 */
export function CollapsedByBlock({ authorId, what = 'message', children }: { authorId: string | null | undefined; what?: 'message' | 'post'; children: React.ReactNode }) {
  const { t } = useTranslation();
  const reason = useCollapseReason(authorId);
  const [shown, setShown] = useState(false);
  const id = useId();
  if (!reason) return <>{children}</>;
  return (
    <>
      <Group gap={6} data-testid="collapsed-by-block">
        <Text size="sm" fs="italic" c="dimmed">
          {t(what === 'post' ? `moderation.person.collapsedPost.${reason}` : `moderation.person.collapsed.${reason}`)}
        </Text>
        <Button size="compact-xs" variant="subtle" color="ink" aria-expanded={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? t('moderation.person.hideAgain') : t('moderation.person.show')}
        </Button>
      </Group>
      <div id={id} hidden={!shown}>
        {shown && children}
      </div>
    </>
  );
}
