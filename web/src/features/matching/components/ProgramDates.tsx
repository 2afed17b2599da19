import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatShortDateTime } from '../../../lib/time.ts';
import { useViewerZone } from '../../auth/hooks.ts';
import type { Program } from '../api.ts';

/** What a program's badge says: taking applications, applications closed (the closing time passed), or groups assigned. */
export function programStatus(p: Pick<Program, 'status' | 'applicationsCloseAt'>, now = Date.now()): 'open' | 'closed' | 'assigned' {
  if (p.status === 'assigned') return 'assigned';
  return p.applicationsCloseAt && Date.parse(p.applicationsCloseAt) <= now ? 'closed' : 'open';
}

/** When a program starts and when applications close, in the viewer's time zone. */
export function ProgramDates({ program: p }: { program: Pick<Program, 'status' | 'startsAt' | 'applicationsCloseAt'> }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const when = (iso: string) => (
    <time dateTime={iso}>{formatShortDateTime(iso, zone, i18n.language)}</time>
  );
  const closed = programStatus(p) === 'closed';
  return (
    <>
      {p.startsAt && (
        <Text size="sm">
          {t('matching.programs.startsAt')} {when(p.startsAt)}
        </Text>
      )}
      {p.applicationsCloseAt && p.status === 'open' && (
        <Text size="sm">
          {closed ? t('matching.programs.closedAt') : t('matching.programs.closesAt')} {when(p.applicationsCloseAt)}
        </Text>
      )}
    </>
  );
}
