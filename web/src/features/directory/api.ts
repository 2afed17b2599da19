import { api, toQuery } from '../../lib/api-client.ts';

export const SERVICE_KINDS = ['crisis_line', 'clinic', 'community_centre', 'peer_group', 'online', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export type DirectoryEntry = {
  id: string;
  name: string;
  kind: ServiceKind;
  description: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  phone: string | null;
  website: string | null;
  openingHours: string;
  languages: string[];
  cost: 'free' | 'low_cost' | 'sliding_scale' | 'paid' | 'insurance';
  eligibility: string;
  distanceKm: number | null;
};

export type SearchResult = {
  origin: { label: string; country: string } | null;
  radiusKm: number;
  services: DirectoryEntry[];
  national: DirectoryEntry[];
  abilities: { import: boolean; review: boolean };
};

export type DirectorySearch = { near?: string; radiusKm?: number; kind?: string; language?: string; q?: string };
export type Suggestion = { id: string; serviceId: string; serviceName: string; changes: Record<string, unknown>; note: string; status: string; createdAt: string };
export type ImportReport = { imported: number; updated: number; rejected: Array<{ row: number; reason: string }> };

export const searchServices = (p: DirectorySearch) => api.get<SearchResult>(`/api/directory/services${toQuery(p)}`);
export const suggestCorrection = (serviceId: string, body: { changes: Record<string, string>; note: string }) => api.post<Suggestion>(`/api/directory/services/${serviceId}/suggestions`, body);
export const listSuggestions = () => api.get<{ suggestions: Suggestion[] }>('/api/directory/suggestions');
export const decideSuggestion = (id: string, decision: 'approve' | 'reject') => api.post(`/api/directory/suggestions/${id}/decision`, { decision });
export const importCsv = (csv: string) => api.post<ImportReport>('/api/directory/import', { csv });
