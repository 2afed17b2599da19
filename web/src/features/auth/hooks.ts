import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { detectTimeZone } from '../../lib/time.ts';
import * as authApi from './api.ts';

export const sessionKey = ['session'] as const;

/** The session query: `data` is null when signed out, undefined while loading. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: authApi.fetchSession, staleTime: 5 * 60_000, retry: 1 });
}

/** The signed-in person, or null. */
export function useMe(): authApi.Me | null {
  return useSession().data?.user ?? null;
}

/** The viewer's time zone: the profile's, else the browser's. */
export function useViewerZone(): string {
  return useMe()?.timezone ?? detectTimeZone();
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.signUp,
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.signIn,
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.signOut,
    onSettled: () => {
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.updateProfile,
    onSuccess: (user) => {
      client.setQueryData<authApi.SessionResponse | null>(sessionKey, (old) => (old ? { ...old, user } : old));
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export function useLoginSessions() {
  return useQuery({ queryKey: ['login-sessions'], queryFn: authApi.listLoginSessions });
}

export function useRevokeLoginSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: authApi.revokeLoginSession,
    onSuccess: () => client.invalidateQueries({ queryKey: ['login-sessions'] }),
  });
}
