import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

const notificationKeys = { all: ['notifications'] as const };

async function fetchNotifications() {
  return dataOf(await api.GET('/api/v1/notifications'));
}
export type Notification = Awaited<ReturnType<typeof fetchNotifications>>['items'][number];

/** My notifications and the unread count; checked again every minute while the app is open. */
export const notificationsQueryOptions = queryOptions({
  queryKey: notificationKeys.all,
  queryFn: fetchNotifications,
  refetchInterval: 60_000,
  staleTime: 15_000,
});

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[] | 'all') => {
      await api.POST('/api/v1/notifications/read', { body: { ids } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

const preferenceKeys = { all: ['notification-preferences'] as const };

/** My e-mail opt-outs (task reminders, escalations, the daily digest). */
export const notificationPreferencesQueryOptions = queryOptions({
  queryKey: preferenceKeys.all,
  queryFn: async () => dataOf(await api.GET('/api/v1/me/notification-preferences')),
});
export type NotificationPreferences = Awaited<
  ReturnType<NonNullable<typeof notificationPreferencesQueryOptions.queryFn>>
>;

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NotificationPreferences) =>
      dataOf(await api.PUT('/api/v1/me/notification-preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(preferenceKeys.all, saved),
  });
}

export type NotificationState = 'all' | 'unread' | 'read';
export type NotificationArea = 'meeting' | 'task' | 'document' | 'report' | 'personnel' | 'other';

/** The notification page: the whole history, newest first, 30 at a time, filtered (under the bell's key). */
export const notificationHistoryOptions = (state: NotificationState, area: NotificationArea | null) =>
  infiniteQueryOptions({
    queryKey: [...notificationKeys.all, 'history', state, area] as const,
    queryFn: async ({ pageParam }) =>
      dataOf(
        await api.GET('/api/v1/notifications', {
          params: {
            query: {
              state,
              limit: 30,
              ...(area ? { area } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
