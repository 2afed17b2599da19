import { useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, setNetworkErrorMessage, setUnauthorizedHandler } from '../lib/api-client.ts';
import { i18n } from '../i18n/index.ts';
import { sessionKey } from '../features/auth/hooks.ts';
import { createAppRouter } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const PUBLIC_PATHS = new Set(['/', '/sign-in', '/sign-up', '/help']);

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Do not retry what cannot change by retrying.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** Providers: Mantine (theme), TanStack Query, router; wires the API client's 401 handling to the router. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => {
    const r = createAppRouter();
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(sessionKey, null);
      const { pathname, search } = r.state.location;
      if (PUBLIC_PATHS.has(pathname)) return;
      void r.navigate(`/sign-in?returnTo=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return r;
  });
  setNetworkErrorMessage(i18n.t('errors.network'));
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
