import type { ChangePasswordBody, LoginBody, SessionInfo } from '@steerco/contract/auth';
import type { User } from '@steerco/contract/users';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, setCsrfToken } from '../../api/client.ts';

export const sessionQueryKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in (asked without a 401: the login page logs no error). */
export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async (): Promise<SessionInfo | null> => {
    const { session } = dataOf(await api.GET('/api/v1/auth/session'));
    setCsrfToken(session?.csrfToken ?? null);
    return session;
  },
  staleTime: 5 * 60_000,
});

export function useSession(): SessionInfo | null {
  return useQuery(sessionQueryOptions).data ?? null;
}

export const isAdmin = (user: User) => user.systemRole === 'systemAdmin' || user.systemRole === 'unitAdmin';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => dataOf(await api.POST('/api/v1/auth/login', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Whatever the previous user had cached must not leak into this session.
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout');
    },
    // Even when the call fails (session already gone), this browser is logged out.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChangePasswordBody) => {
      await api.POST('/api/v1/me/password', { body });
    },
    // Re-read /me so `mustChangePassword` is false before the app routes anywhere.
    onSuccess: () => queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 }),
  });
}
