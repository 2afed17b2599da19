import { UnstyledButton } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks.ts';
import { useUnreadCount } from '../hooks.ts';

/** The bell in the header: a link to my notifications with the live unread count (signed-in people only). */
export function NotificationBell() {
  const me = useMe();
  if (!me) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useTranslation();
  const count = useUnreadCount();
  const shown = count > 99 ? '99+' : String(count);
  return (
    <UnstyledButton
      component={RouterLink}
      to="/notifications"
      aria-label={t('notifications.bellLabel', { count })}
      data-testid="notification-bell"
      style={{ position: 'relative', minWidth: 44, minHeight: 44, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', borderRadius: 8, color: '#212529' }}
    >
      <svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          style={{ position: 'absolute', top: 4, right: 2, minWidth: 18, height: 18, padding: '0 5px', borderRadius: 9, background: '#8f1d1d', color: '#fff', fontSize: 11, fontWeight: 700, lineHeight: '18px', textAlign: 'center' }}
        >
          {shown}
        </span>
      )}
    </UnstyledButton>
  );
}
