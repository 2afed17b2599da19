import { api } from '../../lib/api-client.ts';

export type Milestone = { id: string; category: string; title: string; description: string; earned: boolean; awardedAt: string | null; progress: { current: number; target: number } };
export type Journey = {
  milestones: Milestone[];
  rhythm: { current: number; longest: number; activeThisWeek: boolean; graceLeft: number; graceWeeks: number; weeks: Array<{ weekStart: string; active: boolean }> };
  cards: Array<{ id: string; template: string; text: string; fromName: string | null; createdAt: string }>;
  abilities: { sendCards: boolean };
};
export type RuleView = { id: string; category: string; metric: string; threshold: number; title: string; description: string; howToEarn: string; earnable: boolean };

export const getJourney = () => api.get<Journey>('/api/rewards/journey');
export const listRules = () => api.get<{ graceWeeks: number; rules: RuleView[] }>('/api/rewards/rules');
export const listCardTemplates = () => api.get<{ templates: Array<{ id: string; text: string }> }>('/api/rewards/thank-you-cards/templates');
export const sendCard = (body: { recipientId: string; template: string }) => api.post<{ id: string; text: string }>('/api/rewards/thank-you-cards', body);
