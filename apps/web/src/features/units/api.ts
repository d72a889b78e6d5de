import type { CreateUnitBody, Unit, UnitLevel, UpdateUnitBody } from '@steerco/contract/units';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

export const UNIT_LEVELS: UnitLevel[] = ['national', 'province', 'district', 'commune', 'agency'];

/**
 * Which levels may sit under a unit of each level, as the server allows them: communes under a district or
 * (since the two-tier local government of July 2025) directly under a province; agencies under any level.
 */
export const CHILD_LEVELS: Record<UnitLevel, UnitLevel[]> = {
  national: ['province', 'agency'],
  province: ['district', 'commune', 'agency'],
  district: ['commune', 'agency'],
  commune: ['agency'],
  agency: ['agency'],
};

const unitKeys = {
  all: ['units'] as const,
  children: (parentId: string | null) => ['units', 'children', parentId ?? 'top'] as const,
  search: (q: string) => ['units', 'search', q] as const,
};

/** The units directly under `parentId`, or the top level when null. */
export const unitChildrenQueryOptions = (parentId: string | null) =>
  queryOptions({
    queryKey: unitKeys.children(parentId),
    queryFn: async (): Promise<Unit[]> =>
      dataOf(await api.GET('/api/v1/units', { params: { query: parentId ? { parentId } : {} } })).items,
    staleTime: 5 * 60_000,
  });

/** Units at any level whose name or code matches `q`. */
export const unitSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: unitKeys.search(q),
    queryFn: async (): Promise<Unit[]> =>
      dataOf(await api.GET('/api/v1/units', { params: { query: { q } } })).items,
    enabled: q.length > 0,
    staleTime: 60_000,
  });

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateUnitBody) => dataOf(await api.POST('/api/v1/units', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUnitBody }) =>
      dataOf(await api.PATCH('/api/v1/units/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
