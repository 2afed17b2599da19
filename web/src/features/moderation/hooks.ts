import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLiveInvalidation } from '../../lib/use-live-invalidation.ts';
import { useMe, useViewerZone } from '../auth/hooks.ts';
import { moderationApi, type BlockKind, type Precheck, type ReviewAction } from './api.ts';
import { collapseReason, localDay } from './visibility.ts';

export const moderationKeys = {
  queue: ['moderation', 'queue'] as const,
  item: (id: string) => ['moderation', 'item', id] as const,
  notices: ['moderation', 'notices'] as const,
  log: ['moderation', 'log'] as const,
  dashboard: ['moderation', 'dashboard'] as const,
  appeals: ['moderation', 'appeals'] as const,
  blocks: ['moderation', 'blocks'] as const,
  decisions: ['moderation', 'decisions'] as const,
  settings: ['moderation', 'settings'] as const,
  watchedWords: ['moderation', 'watched-words'] as const,
  publicLog: (groupId: string) => ['moderation', 'public-log', groupId] as const,
  sessionMutes: (sessionId: string) => ['moderation', 'session-mutes', sessionId] as const,
};

/**
 * Counts today's visit toward trust levels: once a day per device, in the person's own time zone, and again when
 * the app comes back to the foreground on a new day. The server counts each day once however often it is asked.
 */
export function useDailyVisit() {
  const me = useMe();
  const zone = useViewerZone();
  const userId = me?.id ?? null;
  useEffect(() => {
    if (!userId) return;
    const key = `hearth.visit.${userId}`;
    const check = () => {
      if (document.visibilityState === 'hidden') return;
      const today = localDay(new Date(), zone);
      try {
        if (localStorage.getItem(key) === today) return;
      } catch {
        // Storage may be unavailable (private mode): ask anyway, the server counts the day once.
      }
      moderationApi.visit().then(
        () => {
          try {
            localStorage.setItem(key, today);
          } catch {
            // Nothing to do: next time the server is asked again, harmlessly.
          }
        },
        () => {},
      );
    };
    check();
    document.addEventListener('visibilitychange', check);
    return () => document.removeEventListener('visibilitychange', check);
  }, [userId, zone]);
}

/** People I blocked or muted (cached; used to collapse their words in chat and forums). */
export function useBlocks() {
  const me = useMe();
  return useQuery({ queryKey: moderationKeys.blocks, queryFn: moderationApi.blocks, enabled: !!me, staleTime: 60_000 });
}

/** Whether this author's words are collapsed for me, and why. */
export function useCollapseReason(authorId: string | null | undefined): BlockKind | null {
  return collapseReason(useBlocks().data?.blocks, authorId);
}

/** Block, mute, unblock or unmute someone; the cached list updates from the answer. */
export function useSetBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { userId: string; kind: BlockKind; on: boolean }) => (v.on ? moderationApi.block(v.userId, v.kind) : moderationApi.unblock(v.userId, v.kind)),
    onSuccess: (data) => client.setQueryData(moderationKeys.blocks, data),
  });
}

/** The review queue, kept live: `modqueue:<orgId>` says when to refetch. */
export function useQueue() {
  const me = useMe();
  const client = useQueryClient();
  useLiveInvalidation(me?.abilities.moderate ? `modqueue:${me.orgId}` : null, () => {
    void client.invalidateQueries({ queryKey: ['moderation'] });
  });
  return useQuery({ queryKey: moderationKeys.queue, queryFn: moderationApi.queue, enabled: !!me?.abilities.moderate });
}

export function useItem(id: string | null) {
  return useQuery({ queryKey: moderationKeys.item(id ?? ''), queryFn: () => moderationApi.item(id!), enabled: !!id });
}

export function useAct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: ReviewAction; reason: string; template?: string; durationHours?: number }) =>
      moderationApi.act(v.id, { action: v.action, reason: v.reason, template: v.template, durationHours: v.durationHours }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['moderation'] }),
  });
}

export function useNotices() {
  return useQuery({ queryKey: moderationKeys.notices, queryFn: moderationApi.notices });
}

/**
 * Checks a draft as the person types (debounced), so they are warned about personal information before sending.
 * Nothing is stored on the server; a failed check simply shows no warning.
 */
export function usePrecheck(text: string, delayMs = 500): Precheck | null {
  const [result, setResult] = useState<Precheck | null>(null);
  useEffect(() => {
    if (text.trim().length < 6) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      moderationApi.precheck(text, controller.signal).then(setResult, () => setResult(null));
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, delayMs]);
  return result;
}
