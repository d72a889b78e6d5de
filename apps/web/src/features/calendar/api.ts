import { todayInVietnam } from '@steerco/contract/datetime';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

export { type CalendarSearch, parseCalendarSearch } from './search.ts';

export const currentYear = () => Number(todayInVietnam().slice(0, 4));

const calendarKeys = {
  all: ['calendar'] as const,
  days: (year: number) => ['calendar', 'days', year] as const,
  holidays: (year: number) => ['calendar', 'holidays', year] as const,
  overrides: ['calendar', 'overrides'] as const,
};

async function fetchYearDays(year: number) {
  return dataOf(
    await api.GET('/api/v1/calendar/days', {
      params: { query: { from: `${year}-01-01`, to: `${year}-12-31` } },
    }),
  ).days;
}
export type CalendarDay = Awaited<ReturnType<typeof fetchYearDays>>[number];

/** Every day of a year with its kind (a year is within the API's 400-day limit). */
export const yearDaysQueryOptions = (year: number) =>
  queryOptions({
    queryKey: calendarKeys.days(year),
    queryFn: () => fetchYearDays(year),
    staleTime: 5 * 60_000,
  });

export const holidayYearQueryOptions = (year: number) =>
  queryOptions({
    queryKey: calendarKeys.holidays(year),
    queryFn: async () => dataOf(await api.GET('/api/v1/calendar/holidays', { params: { query: { year } } })),
    staleTime: 5 * 60_000,
  });

async function fetchOverrides() {
  return dataOf(await api.GET('/api/v1/calendar/overrides')).items;
}
export type CalendarOverride = Awaited<ReturnType<typeof fetchOverrides>>[number];

export const overridesQueryOptions = queryOptions({
  queryKey: calendarKeys.overrides,
  queryFn: fetchOverrides,
});

export interface CreateOverride {
  date: string;
  kind: CalendarOverride['kind'];
  name: string;
  source: string | null;
}

export function useAddOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateOverride) =>
      dataOf(await api.POST('/api/v1/calendar/overrides', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useRemoveOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await api.DELETE('/api/v1/calendar/overrides/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
