import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as analyticsApi from './api.ts';

export const analyticsKeys = {
  programs: ['analytics', 'programs'] as const,
  report: (id: string, days: number) => ['analytics', 'report', id, days] as const,
  groupMood: (id: string) => ['analytics', 'group-mood', id] as const,
  settings: ['analytics', 'settings'] as const,
  outcomeSettings: ['outcomes', 'settings'] as const,
};

export const usePrograms = () => useQuery({ queryKey: analyticsKeys.programs, queryFn: analyticsApi.listPrograms });
export const useReport = (id: string, days: number) => useQuery({ queryKey: analyticsKeys.report(id, days), queryFn: () => analyticsApi.getReport(id, days) });
export const useGroupMood = (id: string) => useQuery({ queryKey: analyticsKeys.groupMood(id), queryFn: () => analyticsApi.getGroupMood(id) });
export function useCreateProgram() {
  const client = useQueryClient();
  return useMutation({ mutationFn: analyticsApi.createProgram, onSuccess: () => void client.invalidateQueries({ queryKey: analyticsKeys.programs }) });
}

export const useAnalyticsSettings = () => useQuery({ queryKey: analyticsKeys.settings, queryFn: analyticsApi.getAnalyticsSettings });
export const useOutcomeSettings = () => useQuery({ queryKey: analyticsKeys.outcomeSettings, queryFn: analyticsApi.getOutcomeSettings });

/** Saving changes the privacy floor and costs every report uses, so all cached reports are refetched. */
export function useSaveAnalyticsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: analyticsApi.saveAnalyticsSettings,
    onSuccess: (saved) => {
      client.setQueryData(analyticsKeys.settings, saved);
      void client.invalidateQueries({ queryKey: ['analytics', 'report'] });
    },
  });
}

export function useSaveOutcomeSettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: analyticsApi.saveOutcomeSettings, onSuccess: (saved) => client.setQueryData(analyticsKeys.outcomeSettings, saved) });
}
