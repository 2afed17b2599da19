import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as outcomesApi from './api.ts';

export const outcomesKeys = {
  all: ['outcomes'] as const,
  overview: ['outcomes', 'overview'] as const,
  progress: ['outcomes', 'progress'] as const,
  instrument: (i: outcomesApi.Instrument) => ['outcomes', 'instrument', i] as const,
};

export const useOverview = () => useQuery({ queryKey: outcomesKeys.overview, queryFn: outcomesApi.getOverview });
export const useProgress = () => useQuery({ queryKey: outcomesKeys.progress, queryFn: outcomesApi.getProgress });
export const useInstrument = (i: outcomesApi.Instrument) => useQuery({ queryKey: outcomesKeys.instrument(i), queryFn: () => outcomesApi.getInstrument(i), staleTime: Infinity });

/** Every outcomes write refreshes what is due and my progress. */
function useOutcomesMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: outcomesKeys.all }) });
}

export const useSubmitCheckin = () => useOutcomesMutation(outcomesApi.submitCheckin);
export const useSubmitScreening = () => useOutcomesMutation(outcomesApi.submitScreening);
export const useSavePreferences = () => useOutcomesMutation(outcomesApi.savePreferences);
export const useDismissNudge = () => useOutcomesMutation(outcomesApi.dismissNudge);
export const useSaveSessionFeedback = (sessionId: string) =>
  useMutation({ mutationFn: (body: { feltHeard: boolean; satisfaction: number; comment?: string }) => outcomesApi.saveSessionFeedback(sessionId, body) });
