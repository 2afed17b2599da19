import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as eventsApi from './api.ts';

export const eventKeys = { all: ['events'] as const, list: (when: string) => ['events', 'list', when] as const, one: (id: string) => ['events', 'one', id] as const };

export function useEvents(when: 'upcoming' | 'past') {
  return useQuery({ queryKey: eventKeys.list(when), queryFn: () => eventsApi.listEvents(when) });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.one(id), queryFn: () => eventsApi.getEvent(id) });
}

type EventAction = { id: string; kind: 'register' } | { id: string; kind: 'cancel' } | { id: string; kind: 'update'; body: Parameters<typeof eventsApi.updateEvent>[1] };

/** Register, cancel, or save organizer changes; every event list refetches. */
export function useEventAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: EventAction) => {
      if (action.kind === 'register') return eventsApi.register(action.id);
      if (action.kind === 'cancel') return eventsApi.cancelRegistration(action.id);
      return eventsApi.updateEvent(action.id, action.body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
