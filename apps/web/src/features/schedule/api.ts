import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

async function fetchSchedule(from: string, to: string, committeeId: string | null) {
  return dataOf(
    await api.GET('/api/v1/schedule', {
      params: { query: { from, to, ...(committeeId ? { committeeId } : {}) } },
    }),
  );
}
export type Schedule = Awaited<ReturnType<typeof fetchSchedule>>;
export type ScheduleMeeting = Schedule['meetings'][number];
export type ScheduleDeadline = Schedule['deadlines'][number];

/** A week's or a month's meetings and deadlines (under the meetings' key: a changed meeting refreshes it). */
export const scheduleQueryOptions = (from: string, to: string, committeeId: string | null) =>
  queryOptions({
    queryKey: ['meetings', 'schedule', from, to, committeeId] as const,
    queryFn: () => fetchSchedule(from, to, committeeId),
    placeholderData: keepPreviousData,
  });

const feedKey = ['calendar-feed'] as const;

/** Whether I have a calendar address (the address itself is shown only when made). */
export const calendarFeedQueryOptions = queryOptions({
  queryKey: feedKey,
  queryFn: async () => dataOf(await api.GET('/api/v1/me/calendar-feed')),
});

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.POST('/api/v1/me/calendar-feed')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.DELETE('/api/v1/me/calendar-feed');
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}
