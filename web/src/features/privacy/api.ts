import { api, apiRequest } from '../../lib/api-client.ts';

export type DataSummary = { sections: { name: string; records: number }[] };

/** Where the browser downloads the export from (a plain link: the session cookie is enough for a GET). */
export const exportUrl = (format: 'json' | 'csv') => `/api/me/data/export?format=${format}`;

export const privacyApi = {
  summary: () => api.get<DataSummary>('/api/me/data'),
  deleteAccount: (body: { password: string; confirm: string }) => apiRequest<{ deleted: true }>('DELETE', '/api/me', body),
};
