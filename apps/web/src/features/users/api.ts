import type { CreateUserBody, UpdateUserBody, User } from '@steerco/contract/users';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';
import type { UsersSearch } from './search.ts';

export const USERS_PAGE_SIZE = 20;

export { parseUsersSearch, type UsersSearch } from './search.ts';

const userKeys = {
  all: ['users'] as const,
  list: (search: UsersSearch) => ['users', 'list', search] as const,
};

export const usersQueryOptions = (search: UsersSearch) =>
  queryOptions({
    queryKey: userKeys.list(search),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/users', {
          params: {
            query: { q: search.q, active: search.active, page: search.page ?? 1, pageSize: USERS_PAGE_SIZE },
          },
        }),
      ),
    // While the next page or search loads, keep showing the current rows instead of a blank table.
    placeholderData: keepPreviousData,
  });

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: async (body: CreateUserBody) => dataOf(await api.POST('/api/v1/users', { body })),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUserBody }) =>
      dataOf(await api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

/** Deactivating also ends the user's open sessions on the server; activating lets them log in again. */
export function useSetUserActive() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: async ({ user, active }: { user: User; active: boolean }) => {
      const params = { params: { path: { id: user.id } } };
      return dataOf(
        active
          ? await api.POST('/api/v1/users/{id}/activate', params)
          : await api.POST('/api/v1/users/{id}/deactivate', params),
      );
    },
    onSuccess,
  });
}

/** Replaces the user's password with a new one-time initial password, returned once. */
export function useResetPassword() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: async (user: User) =>
      dataOf(await api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } } })),
    onSuccess,
  });
}

/** Active accounts matching `q`, for choosing a person (a committee's new member, a replacement). */
/** People a committee's secretary may add, replace with or put in a working group (not only accounts admins see). */
export const candidateSearchQueryOptions = (committeeId: string, q: string) =>
  queryOptions({
    queryKey: ['committees', committeeId, 'candidates', q] as const,
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/candidates', {
          params: { path: { id: committeeId }, query: { q } },
        }),
      ).items,
    enabled: committeeId !== '' && q.length > 0,
    staleTime: 30_000,
  });

export const userSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['users', 'search', q] as const,
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/users', { params: { query: { q, active: 'true', pageSize: 20 } } }))
        .items,
    enabled: q.length > 0,
    staleTime: 60_000,
  });
