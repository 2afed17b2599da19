import { api, ApiError } from '../../lib/api-client.ts';

export type SafetyLevel = 'none' | 'concern' | 'urgent';
export type CardLevel = 'concern' | 'urgent';

/** What a send returns (and what the `safety.card` event carries) when the author should see the support card. */
export type SafetyCard = { card: CardLevel; aboutSomeoneElse: boolean; caseId?: string | null; held?: boolean; notice?: string };

export const PLAN_SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'distractionsPeopleAndPlaces',
  'peopleToAskForHelp',
  'professionalsAndServices',
  'makingEnvironmentSafer',
  'reasonsForLiving',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export type SafetyPlanBody = Record<PlanSection, string[]> & { shareWithOnCall: boolean };
export type SafetyPlan = SafetyPlanBody & { updatedAt?: string | null };

export type ScreenerQuestion = 'wishToBeDead' | 'suicidalThoughts' | 'method' | 'intent' | 'plan' | 'recentBehaviour';
export type ScreenerAnswers = Partial<Record<ScreenerQuestion, boolean>>;
export type ScreenerResult = { id: string; level: SafetyLevel; caseId: string | null; message: string; safety: SafetyCard | null };

export type Person = { id: string; displayName: string };
export type CaseStatus = 'open' | 'acknowledged' | 'resolved';
export type CaseOutcome = 'resolved' | 'referred' | 'emergency_services' | 'false_alarm';
export type CaseKind = 'risk_message' | 'self_request' | 'screener' | 'raised';
export const CASE_KINDS: CaseKind[] = ['risk_message', 'self_request', 'screener', 'raised'];
export const CASE_OUTCOMES: CaseOutcome[] = ['resolved', 'referred', 'emergency_services', 'false_alarm'];

/** A case in the on-call queue (GET /api/safety/cases), sorted by the server: severity, then waiting time. */
export type SafetyCase = {
  id: string;
  kind: CaseKind;
  level: SafetyLevel;
  status: CaseStatus;
  severity: number;
  tier: number;
  subject: Person;
  sourceKind: string;
  openedAt: string;
  waitingSeconds: number;
  acknowledgedAt: string | null;
  acknowledgedBy: Person | null;
  resolvedAt: string | null;
  outcome: CaseOutcome | null;
  abilities: { acknowledge: boolean; note: boolean; contact: boolean; recordOutcome: boolean; screen: boolean };
};

export type TimelineEntry = { id: string; kind: string; actor: Person | null; at: string; data: Record<string, unknown> };
export type ContextMessage = { id: string; seq: number; author: Person | null; body: string; createdAt: string; flagged: boolean };
export type RiskEntry = { level: SafetyLevel; score: number; reasons: string[]; sourceKind: string; at: string };

/** GET /api/safety/cases/:id: the case with its timeline, the message in context, risk history and shared plan. */
export type CaseDetail = SafetyCase & {
  outcomeNotes: string | null;
  timeline: TimelineEntry[];
  context: {
    roomId: string | null;
    messages: ContextMessage[];
    forumPost: { id: string; threadId: string; title: string; body: string; held: boolean } | null;
  };
  riskHistory: RiskEntry[];
  safetyPlan: Record<PlanSection, string[]> | null;
};

export type Shift = { weekday: number; start: string; end: string };
export type ShiftsResponse = { timezone: string; shifts: Shift[]; onCallNow: boolean };
export type OnCallNow = { people: (Person & { role: string })[]; tier: number };

export const talkNow = () => api.post<{ caseId: string; message: string }>('/api/safety/talk-now');
/** My plan, or null when I have not written one yet. */
export async function getPlan(): Promise<SafetyPlan | null> {
  try {
    return (await api.get<{ plan: SafetyPlan | null }>('/api/safety/plan')).plan;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
export const savePlan = (plan: SafetyPlanBody) => api.put<SafetyPlan>('/api/safety/plan', plan);
export const deletePlan = () => api.delete<{ ok: true; deleted: boolean }>('/api/safety/plan');
export const submitScreener = (body: { answers: ScreenerAnswers; caseId?: string }) => api.post<ScreenerResult>('/api/safety/screener', body);

export const listCases = (status: 'active' | 'resolved' = 'active') => api.get<{ cases: SafetyCase[] }>(`/api/safety/cases?status=${status}`);
export const getCase = (id: string) => api.get<CaseDetail>(`/api/safety/cases/${id}`);
export const acknowledgeCase = (id: string) => api.post<unknown>(`/api/safety/cases/${id}/acknowledge`);
export const addCaseNote = (id: string, text: string) => api.post<unknown>(`/api/safety/cases/${id}/notes`, { text });
export const recordOutcome = (id: string, body: { outcome: CaseOutcome; notes?: string }) => api.post<unknown>(`/api/safety/cases/${id}/outcome`, body);
export const contactPerson = (id: string) => api.post<{ conversationId: string; roomId: string }>(`/api/safety/cases/${id}/contact`);
export const getMyShifts = () => api.get<ShiftsResponse>('/api/safety/oncall/shifts');
export const saveMyShifts = (body: { timezone: string; shifts: Shift[] }) => api.put<ShiftsResponse>('/api/safety/oncall/shifts', body);
export type ClosedCaseFilters = { outcome?: CaseOutcome; level?: 'concern' | 'urgent'; kind?: CaseKind; days?: number };

/** The query string for the closed-cases list; empty filters are left out. */
export function closedCasesQuery(filters: ClosedCaseFilters): string {
  const params = new URLSearchParams({ status: 'resolved' });
  for (const key of ['outcome', 'level', 'kind', 'days'] as const) {
    const value = filters[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

export type RotaPerson = Person & { role: string; timezone: string | null; shifts: Shift[]; onCallNow: boolean };
export type SafetySettings = { ackSlaSeconds: number; holdUrgentForumPosts: boolean };
export const getRota = () => api.get<{ people: RotaPerson[] }>('/api/safety/oncall/rota');
export const getSettings = () => api.get<SafetySettings>('/api/safety/settings');
export const saveSettings = (body: SafetySettings) => api.put<SafetySettings>('/api/safety/settings', body);
export const listClosedCases = (filters: ClosedCaseFilters) => api.get<{ cases: SafetyCase[] }>(`/api/safety/cases?${closedCasesQuery(filters)}`);
export const getOnCallNow = () => api.get<OnCallNow>('/api/safety/oncall/now');
