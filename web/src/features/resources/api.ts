import { api, toQuery } from '../../lib/api-client.ts';

export type ResourceKind = 'article' | 'video' | 'audio' | 'podcast' | 'worksheet';
export const RESOURCE_KINDS: ResourceKind[] = ['article', 'video', 'audio', 'podcast', 'worksheet'];

export type ResourceSummary = {
  id: string;
  slug: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  language: string;
  topics: string[];
  tags: string[];
  audience: string[];
  hasMedia: boolean;
  durationMinutes: number | null;
  starter: boolean;
  rank: number | null;
  updatedAt: string;
};

export type Resource = ResourceSummary & {
  body: string;
  mediaUrl: string | null;
  media: { url: string; type: string; bytes: number } | null;
  downloadUrl: string | null;
  abilities: { edit: boolean };
};

export type Collection = { id: string; slug: string; title: string; description: string; language: string; starter: boolean; resources: ResourceSummary[]; abilities: { edit: boolean } };
export type CollectionInput = { title: string; description: string; language: 'en' | 'es'; resourceIds: string[] };
/** Files the library serves (the server checks the type again). */
export const MEDIA_ACCEPT = 'audio/mpeg,audio/ogg,audio/wav,audio/mp4,video/mp4,video/webm,application/pdf';
export type SearchParams = { q?: string; kind?: string; language?: string; topic?: string; limit?: number };
export type ResourceInput = { kind: ResourceKind; title: string; summary: string; body: string; language: 'en' | 'es'; topics: string[]; tags: string[]; audience: string[]; mediaUrl: string | null };

export const searchResources = (p: SearchParams) => api.get<{ resources: ResourceSummary[]; abilities: { create: boolean } }>(`/api/resources${toQuery(p)}`);
export const listCollections = () => api.get<{ collections: Collection[]; abilities: { create: boolean } }>('/api/resources/collections');
export const createCollection = (body: CollectionInput) => api.post<Collection>('/api/resources/collections', body);
export const updateCollection = (id: string, body: Partial<CollectionInput>) => api.patch<Collection>(`/api/resources/collections/${id}`, body);
export const deleteCollection = (id: string) => api.delete<{ ok: true }>(`/api/resources/collections/${id}`);
export const deleteResource = (id: string) => api.delete<{ ok: true }>(`/api/resources/${id}`);
/** Sends the file itself as the request body; large files stream to the server. */
export const uploadResourceMedia = (id: string, file: File) => api.put<Resource>(`/api/resources/${id}/media`, file);
export const getResource = (slug: string) => api.get<Resource>(`/api/resources/${slug}`);
export const listGroupResources = (groupId: string) => api.get<{ resources: ResourceSummary[] }>(`/api/groups/${groupId}/resources`);
export const createResource = (body: ResourceInput) => api.post<Resource>('/api/resources', body);
export const updateResource = (id: string, body: Partial<ResourceInput>) => api.patch<Resource>(`/api/resources/${id}`, body);
