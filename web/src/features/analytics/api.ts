import { api } from '../../lib/api-client.ts';

type Share = { count: number; share: number };
export type OutcomeSummary = {
  instrument: 'phq9' | 'gad7';
  suppressed: boolean;
  n: number | null;
  minN: number;
  baselineMean?: number;
  followUpMean?: number;
  change?: { mean: number; ciLow: number; ciHigh: number; sd: number };
  reliableChangePoints?: number;
  caseness?: number;
  categories?: { recovered: Share; improved: Share; unchanged: Share; deteriorated: Share };
};
export type GroupRow = { groupId: string; name: string; suppressed: boolean; members: number | null; activeMembers: number | null; sessions: number | null; meanAttendance: number | null; outcomes: { phq9: OutcomeSummary; gad7: OutcomeSummary } | null };
export type CostItem = 'emergencyVisit' | 'readmission' | 'therapySession';
export type ProgramReport = {
  program: { id: string; name: string; groupIds: string[] };
  window: { days: number; from: string; to: string };
  minGroupSize: number;
  engagement: {
    suppressed: boolean;
    members: number | null;
    activeMembers: number | null;
    sessions: { sessionId: string; groupId: string; groupName: string; title: string | null; startsAt: string; attended: number }[];
    retention: { cohort: string; suppressed: boolean; size: number | null; retention: { week: number; share: number | null }[] | null }[];
  };
  outcomes: { phq9: OutcomeSummary; gad7: OutcomeSummary; followUpMinDays: number; method: string };
  groups: GroupRow[];
  experience: {
    suppressed: boolean;
    responses: number | null;
    people: number | null;
    feltHeardRate: number | null;
    meanSatisfaction: number | null;
    bySatisfaction: { satisfaction: number; n: number }[] | null;
    organization: { flags: number; safetyCasesOpened: number; safetyEscalations: number };
  };
  cost: {
    suppressed: boolean;
    improvedPeople: number | null;
    currency: string;
    lines: { item: CostItem; people: number; perPerson: number; unitCost: number; subtotal: number }[];
    total: number | null;
    examples: boolean;
    unitCosts: { currency: string } & Record<CostItem, number>;
    assumptions: { emergencyVisitsPerImproved: number; readmissionsPerImproved: number; therapySessionsPerImproved: number };
  };
  abilities: { manage: boolean; seesAllGroups: boolean };
};
export type ProgramList = { programs: { id: string; name: string; groupIds: string[] }[]; groups: { id: string; name: string }[]; abilities: { manage: boolean } };
export type GroupMood = { groupId: string; minGroupSize: number; weeks: { weekStart: string; suppressed: boolean; people: number | null; checkinMean: number | null; messageSentiment: number | null }[] };
export const TABLES = ['outcomes', 'groups', 'sessions', 'retention', 'experience', 'cost'] as const;

export const listPrograms = () => api.get<ProgramList>('/api/analytics/programs');
export const getReport = (id: string, days: number) => api.get<ProgramReport>(`/api/analytics/programs/${id}?days=${days}`);
export const createProgram = (body: { name: string; groupIds: string[] }) => api.post<{ id: string }>('/api/analytics/programs', body);
export const getGroupMood = (groupId: string) => api.get<GroupMood>(`/api/analytics/groups/${groupId}/mood`);
export const csvUrl = (id: string, table: (typeof TABLES)[number], days: number) => `/api/analytics/programs/${id}/csv/${table}?days=${days}`;

export type AnalyticsSettings = {
  minGroupSize: number;
  unitCosts: { currency: string } & Record<CostItem, number>;
  costAssumptions: ProgramReport['cost']['assumptions'];
  reliability: Record<'phq9' | 'gad7', { sd: number; reliability: number }>;
  examples: boolean;
};
export type AnalyticsSettingsBody = Omit<AnalyticsSettings, 'examples'>;
export type OutcomeSettings = { screeningIntervalDays: number; checkinIntervalDays: number };

export const getAnalyticsSettings = () => api.get<AnalyticsSettings>('/api/analytics/settings');
export const saveAnalyticsSettings = (body: AnalyticsSettingsBody) => api.put<AnalyticsSettings>('/api/analytics/settings', body);
export const getOutcomeSettings = () => api.get<OutcomeSettings>('/api/outcomes/settings');
export const saveOutcomeSettings = (body: OutcomeSettings) => api.put<OutcomeSettings>('/api/outcomes/settings', body);
