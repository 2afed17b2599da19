import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as resourcesApi from './api.ts';

export const resourceKeys = {
  all: ['resources'] as const,
  search: (p: resourcesApi.SearchParams) => ['resources', 'search', p] as const,
  collections: ['resources', 'collections'] as const,
  one: (slug: string) => ['resources', 'one', slug] as const,
  group: (groupId: string) => ['resources', 'group', groupId] as const,
};

export function useResourceSearch(p: resourcesApi.SearchParams) {
  return useQuery({ queryKey: resourceKeys.search(p), queryFn: () => resourcesApi.searchResources(p) });
}

export function useCollections() {
  return useQuery({ queryKey: resourceKeys.collections, queryFn: resourcesApi.listCollections });
}

export function useResource(slug: string) {
  return useQuery({ queryKey: resourceKeys.one(slug), queryFn: () => resourcesApi.getResource(slug), enabled: slug.length > 0 });
}

export function useGroupResources(groupId: string, enabled = true) {
  return useQuery({ queryKey: resourceKeys.group(groupId), queryFn: () => resourcesApi.listGroupResources(groupId), enabled });
}

/** Saves a collection (new when no id) and refreshes the library. */
export function useSaveCollection(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: resourcesApi.CollectionInput) => (id ? resourcesApi.updateCollection(id, body) : resourcesApi.createCollection(body)),
    onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export function useDeleteCollection() {
  const client = useQueryClient();
  return useMutation({ mutationFn: resourcesApi.deleteCollection, onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.all }) });
}

export function useDeleteResource() {
  const client = useQueryClient();
  return useMutation({ mutationFn: resourcesApi.deleteResource, onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.all }) });
}

export function useUploadMedia() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => resourcesApi.uploadResourceMedia(id, file),
    onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export function useSaveResource(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: resourcesApi.ResourceInput) => (id ? resourcesApi.updateResource(id, body) : resourcesApi.createResource(body)),
    onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}
