import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState, Loading } from './ErrorState.tsx';

/**
 * The body of an admins-only settings page: a plain note for anyone else, then the saved settings loading (or a kind
 * error with a retry), then the form given what is saved. The page asks for the settings only when `admin` is true.
 */
export function AdminOnlySettings<T>({ admin, adminsOnly, settings, children }: { admin: boolean; adminsOnly: string; settings: UseQueryResult<T>; children: (saved: T) => ReactNode }) {
  if (!admin) return <Text>{adminsOnly}</Text>;
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <>{children(settings.data)}</>;
}
