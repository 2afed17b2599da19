import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServerEvent } from '@hearth/contracts';
import { getRealtimeClient } from '../../lib/realtime-client.ts';
import { useMe } from '../auth/hooks.ts';
import * as safetyApi from './api.ts';
import { cardStore } from './card-store.ts';
import type { ClosedCaseFilters } from './api.ts';

export const safetyKeys = {
  all: ['safety'] as const,
  plan: ['safety', 'plan'] as const,
  cases: ['safety', 'cases'] as const,
  case: (id: string) => ['safety', 'case', id] as const,
  shifts: ['safety', 'shifts'] as const,
  onCallNow: ['safety', 'oncall-now'] as const,
  rota: ['safety', 'rota'] as const,
  settings: ['safety', 'settings'] as const,
  closed: (filters: ClosedCaseFilters) => ['safety', 'cases', 'closed', filters] as const,
};

/** Safety events that are not in the shared contract's union (they come on `user:` and `oncall:` rooms). */
type SafetyEvent =
  | { type: 'safety.card'; room: string; level: safetyApi.CardLevel; aboutSomeoneElse: boolean; caseId?: string | null }
  | { type: 'case.opened' | 'case.escalated' | 'case.updated'; room: string; caseId?: string };

function asSafetyEvent(event: ServerEvent): SafetyEvent | null {
  const type = (event as { type: string }).type;
  return type === 'safety.card' || type.startsWith('case.') ? (event as unknown as SafetyEvent) : null;
}

/** Listens on my private room for the support card, so it also appears when the card is decided after the send. */
export function useSafetyCardListener() {
  const myId = useMe()?.id ?? null;
  useEffect(() => {
    if (!myId) return;
    return getRealtimeClient().subscribe(
      `user:${myId}`,
      (event) => {
        const e = asSafetyEvent(event);
        if (e?.type === 'safety.card' && (e.level === 'concern' || e.level === 'urgent')) {
          cardStore.show({ card: e.level, aboutSomeoneElse: e.aboutSomeoneElse === true, caseId: e.caseId ?? undefined });
        }
      },
      () => 0,
    );
  }, [myId]);
}

/** Keeps the on-call queue (and an open case) live: refetches when the org's on-call room reports a change. */
export function useOnCallLive(onEvent?: (event: { type: string; caseId?: string }) => void) {
  const me = useMe();
  const client = useQueryClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const room = me?.abilities.moderate ? `oncall:${me.orgId}` : null;
  useEffect(() => {
    if (!room) return;
    return getRealtimeClient().subscribe(
      room,
      (event) => {
        const e = asSafetyEvent(event);
        if (!e && event.type !== 'invalidate') return;
        void client.invalidateQueries({ queryKey: safetyKeys.cases });
        if (e && e.type !== 'safety.card' && e.caseId) void client.invalidateQueries({ queryKey: safetyKeys.case(e.caseId) });
        if (e && e.type !== 'safety.card') handler.current?.(e);
      },
      () => 0,
    );
  }, [room, client]);
}

export function useTalkNow() {
  return useMutation({ mutationFn: safetyApi.talkNow });
}

export function useSafetyPlan() {
  return useQuery({ queryKey: safetyKeys.plan, queryFn: safetyApi.getPlan });
}

export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({ mutationFn: safetyApi.savePlan, onSuccess: (plan) => client.setQueryData(safetyKeys.plan, plan) });
}

export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({ mutationFn: safetyApi.deletePlan, onSuccess: () => client.invalidateQueries({ queryKey: safetyKeys.plan }) });
}

export function useSubmitScreener() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: safetyApi.submitScreener,
    onSuccess: (_r, vars) => {
      if (vars.caseId) {
        void client.invalidateQueries({ queryKey: safetyKeys.case(vars.caseId) });
        void client.invalidateQueries({ queryKey: safetyKeys.cases });
      }
    },
  });
}

export function useCases() {
  return useQuery({ queryKey: safetyKeys.cases, queryFn: () => safetyApi.listCases('active'), refetchInterval: 60_000 });
}

export function useCase(id: string) {
  return useQuery({ queryKey: safetyKeys.case(id), queryFn: () => safetyApi.getCase(id) });
}

/** Case actions refresh the case and the queue. */
function useCaseMutation<V>(id: string, fn: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: safetyKeys.case(id) });
      void client.invalidateQueries({ queryKey: safetyKeys.cases });
    },
  });
}

export const useAcknowledgeCase = (id: string) => useCaseMutation(id, () => safetyApi.acknowledgeCase(id));
export const useAddCaseNote = (id: string) => useCaseMutation(id, (text: string) => safetyApi.addCaseNote(id, text));
export const useRecordOutcome = (id: string) => useCaseMutation(id, (body: { outcome: safetyApi.CaseOutcome; notes?: string }) => safetyApi.recordOutcome(id, body));
export function useContactPerson(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => safetyApi.contactPerson(id), onSuccess: () => client.invalidateQueries({ queryKey: safetyKeys.case(id) }) });
}

export function useOnCallNow(enabled: boolean) {
  return useQuery({ queryKey: safetyKeys.onCallNow, queryFn: safetyApi.getOnCallNow, enabled, refetchInterval: 5 * 60_000 });
}

export function useMyShifts(enabled: boolean) {
  return useQuery({ queryKey: safetyKeys.shifts, queryFn: safetyApi.getMyShifts, enabled });
}

/** Saving my shifts also changes the rota and who is on call now. */
export function useSaveMyShifts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: safetyApi.saveMyShifts,
    onSuccess: (saved) => {
      client.setQueryData(safetyKeys.shifts, saved);
      void client.invalidateQueries({ queryKey: safetyKeys.rota });
      void client.invalidateQueries({ queryKey: safetyKeys.onCallNow });
    },
  });
}

export function useRota() {
  return useQuery({ queryKey: safetyKeys.rota, queryFn: safetyApi.getRota });
}

export function useSafetySettings(enabled: boolean) {
  return useQuery({ queryKey: safetyKeys.settings, queryFn: safetyApi.getSettings, enabled });
}

export function useSaveSafetySettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: safetyApi.saveSettings, onSuccess: (saved) => client.setQueryData(safetyKeys.settings, saved) });
}

/** Closed cases with filters; kept live by the on-call room's invalidations of `safety.cases`. */
export function useClosedCases(filters: ClosedCaseFilters) {
  return useQuery({ queryKey: safetyKeys.closed(filters), queryFn: () => safetyApi.listClosedCases(filters) });
}
