import { useEffect, useState } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SafetyCase, SafetyLevel } from '../api.ts';
import { currentWaitingSeconds, formatWaitingSeconds } from '../queue.ts';

/** Severity as words and colour (never colour alone). */
export function LevelBadge({ level }: { level: SafetyLevel }) {
  const { t } = useTranslation();
  const color = level === 'urgent' ? 'red' : level === 'concern' ? 'amber' : 'gray';
  return (
    <Badge color={color} variant={level === 'urgent' ? 'filled' : 'light'} radius="sm" style={level === 'urgent' ? { background: '#a51d1d' } : undefined}>
      {t(`safety.level.${level}`)}
    </Badge>
  );
}

export function StatusBadge({ c }: { c: SafetyCase }) {
  const { t } = useTranslation();
  const color = c.status === 'open' ? 'ember' : c.status === 'acknowledged' ? 'forest' : 'ink';
  return (
    <Badge color={color} variant="outline" radius="sm">
      {c.status === 'acknowledged' && c.acknowledgedBy ? t('safety.oncall.status.acknowledgedBy', { name: c.acknowledgedBy.displayName }) : t(`safety.oncall.status.${c.status}`)}
    </Badge>
  );
}

/** The current time, updated every `ms` milliseconds. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** "Waiting 3 min 05 s", ticking. Not a live region: it would announce every second. */
export function WaitingTime({ seconds, fetchedAt, now }: { seconds: number; fetchedAt: number; now: number }) {
  const { t } = useTranslation();
  return <span>{t('safety.oncall.waiting', { time: formatWaitingSeconds(currentWaitingSeconds(seconds, fetchedAt, now)) })}</span>;
}
