import { api } from '../../lib/api-client.ts';
import type { SafetyCard } from '../safety/api.ts';

export type Instrument = 'phq9' | 'gad7';
export type Severity = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';
export const FEELINGS = ['calm', 'hopeful', 'grateful', 'content', 'connected', 'proud', 'rested', 'tired', 'anxious', 'sad', 'lonely', 'angry', 'overwhelmed', 'numb', 'stressed', 'restless', 'frustrated'] as const;
export type Feeling = (typeof FEELINGS)[number];

export type Due = { due: boolean; dueAt: string | null; lastAt: string | null };
export type Preferences = { remindersEnabled: boolean; researchOptIn: boolean; researchOptInAt: string | null; alertSupporterOnDecline: boolean };
export type Overview = {
  checkin: Due & { afterSession: { sessionId: string; title: string | null; endedAt: string } | null };
  phq9: Due;
  gad7: Due;
  preferences: Preferences;
  nudge: { id: string; createdAt: string } | null;
  attribution: string;
};
export type InstrumentDefinition = { instrument: Instrument; title: string; stem: string; items: { loinc: string; text: string }[]; answers: { value: number; text: string }[]; attribution: string };
export type Screening = { id: string; instrument: Instrument; answers: number[]; total: number; severity: Severity; createdAt: string };
/** After a PHQ-9 with item 9 above 0: the support card, and the risk screener is offered at once. */
export type ScreeningResult = { screening: Screening; safety: (SafetyCard & { offerScreener: true }) | null };
export type Checkin = { id: string; mood: number; feelings: string[]; note: string | null; sessionId: string | null; createdAt: string };
export type Progress = {
  screenings: { id: string; instrument: Instrument; total: number; severity: Severity; at: string }[];
  mood: { at: string; mood: number }[];
  attendance: { weekStart: string; sessions: number }[];
  messageMood: { weekStart: string; average: number; messages: number }[];
};

export const getOverview = () => api.get<Overview>('/api/outcomes/me');
export const getInstrument = (instrument: Instrument) => api.get<InstrumentDefinition>(`/api/outcomes/instruments/${instrument}`);
export const submitCheckin = (body: { mood: number; feelings: Feeling[]; note?: string; sessionId?: string }) => api.post<Checkin>('/api/outcomes/checkins', body);
export const submitScreening = (body: { instrument: Instrument; answers: number[] }) => api.post<ScreeningResult>('/api/outcomes/screenings', body);
export const getProgress = () => api.get<Progress>('/api/outcomes/progress');
export const savePreferences = (body: Omit<Preferences, 'researchOptInAt'>) => api.put<Preferences>('/api/outcomes/preferences', body);
export const dismissNudge = (id: string) => api.post<{ ok: true }>(`/api/outcomes/nudges/${id}/dismiss`);
export const saveSessionFeedback = (sessionId: string, body: { feltHeard: boolean; satisfaction: number; comment?: string }) =>
  api.put<{ id: string }>(`/api/sessions/${sessionId}/feedback`, body);
export const FHIR_EXPORT_URL = '/api/outcomes/fhir';
