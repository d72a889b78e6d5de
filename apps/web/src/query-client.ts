import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { hasProblemCode, isApiProblem } from './api/problem.ts';
import { sessionQueryKey } from './features/auth/api.ts';

/**
 * One client for the app. A 401 on any call means the session ended (expired, logged out elsewhere): forget
 * it, and the app shell sends the user to the login page. A pending password change likewise re-reads /me.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (hasProblemCode(error, 'auth.required')) queryClient.setQueryData(sessionQueryKey, null);
    if (hasProblemCode(error, 'auth.passwordChangeRequired')) {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer will not change by asking again; network and server errors might.
        retry: (failureCount, error) => !(isApiProblem(error) && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
