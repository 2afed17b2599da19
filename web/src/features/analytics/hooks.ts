import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as analyticsApi from './api.ts';

export const analyticsKeys = {
  programs: ['analytics', 'programs'] as const,
  report: (id: string, days: number) => ['analytics', 'report', id, days] as const,
  groupMood: (id: string) => ['analytics', 'group-mood', id] as const,
};

export const usePrograms = () => useQuery({ queryKey: analyticsKeys.programs, queryFn: analyticsApi.listPrograms });
export const useReport = (id: string, days: number) => useQuery({ queryKey: analyticsKeys.report(id, days), queryFn: () => analyticsApi.getReport(id, days) });
export const useGroupMood = (id: string) => useQuery({ queryKey: analyticsKeys.groupMood(id), queryFn: () => analyticsApi.getGroupMood(id) });
export function useCreateProgram() {
  const client = useQueryClient();
  return useMutation({ mutationFn: analyticsApi.createProgram, onSuccess: () => void client.invalidateQueries({ queryKey: analyticsKeys.programs }) });
}
