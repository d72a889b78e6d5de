import type {
  AppraiseBody,
  EnterValueBody,
  IndicatorValue,
  ParAssessment,
  Ranking,
  SaveParScoresBody,
  Scorecard,
  SetTargetBody,
} from '@steerco/contract/indicators';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

const keys = {
  all: ['indicators'] as const,
  scorecard: (committeeId: string, year: number) => ['indicators', 'scorecard', committeeId, year] as const,
  ranking: (committeeId: string, indicatorId: string) =>
    ['indicators', 'ranking', committeeId, indicatorId] as const,
  pending: (committeeId: string) => ['indicators', 'pending', committeeId] as const,
  history: (committeeId: string, indicatorId: string) =>
    ['indicators', 'history', committeeId, indicatorId] as const,
  pars: (committeeId: string) => ['indicators', 'par', 'list', committeeId] as const,
  par: (id: string) => ['indicators', 'par', id] as const,
};

export const scorecardQueryOptions = (committeeId: string, year: number) =>
  queryOptions({
    queryKey: keys.scorecard(committeeId, year),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/scorecard', {
          params: { path: { id: committeeId }, query: { year } },
        }),
      ) as Scorecard,
    placeholderData: keepPreviousData,
  });

export const rankingQueryOptions = (committeeId: string, indicatorId: string) =>
  queryOptions({
    queryKey: keys.ranking(committeeId, indicatorId),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/indicators/{indicatorId}/ranking', {
          params: { path: { id: committeeId, indicatorId } },
        }),
      ) as Ranking,
  });

export const pendingValuesQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: keys.pending(committeeId),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/indicator-values', {
          params: { path: { id: committeeId }, query: { status: 'submitted' } },
        }),
      ).items as IndicatorValue[],
  });

export const valueHistoryQueryOptions = (committeeId: string, indicatorId: string) =>
  queryOptions({
    queryKey: keys.history(committeeId, indicatorId),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/indicator-values', {
          params: { path: { id: committeeId }, query: { indicatorId } },
        }),
      ).items as IndicatorValue[],
  });

export const parListQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: keys.pars(committeeId),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/par-assessments', { params: { path: { id: committeeId } } }),
      ).items,
  });

export const parQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.par(id),
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/par-assessments/{id}', { params: { path: { id } } })) as ParAssessment,
  });

export const frameworksQueryOptions = (year: number) =>
  queryOptions({
    queryKey: ['indicators', 'frameworks', year] as const,
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/indicator-frameworks', { params: { query: { year } } })).items,
  });

function useInvalidateIndicators() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useEnterValue(committeeId: string) {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: async ({ files, ...body }: Omit<EnterValueBody, 'evidenceFileIds'> & { files: File[] }) => {
      // Evidence first: each file is stored for the committee (its type checked by content), then named.
      const evidenceFileIds: string[] = [];
      for (const file of files) {
        const form = new FormData();
        form.append('file', file);
        const stored = dataOf(
          await api.POST('/api/v1/committees/{id}/files', {
            params: { path: { id: committeeId } },
            body: form as never,
          }),
        ) as { id: string };
        evidenceFileIds.push(stored.id);
      }
      return dataOf(
        await api.POST('/api/v1/committees/{id}/indicator-values', {
          params: { path: { id: committeeId } },
          body: { ...body, evidenceFileIds },
        }),
      );
    },
    onSuccess: invalidate,
  });
}

/** R19: the committee above (or the committee in its annual work plan) sets an indicator's yearly target. */
export function useSetTarget(committeeId: string) {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: async (body: SetTargetBody) =>
      dataOf(
        await api.PUT('/api/v1/committees/{id}/indicator-targets', {
          params: { path: { id: committeeId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

/** R19: recompute the committee's indicators counted from its own records now, not at the daily run. */
export function useRefreshComputed(committeeId: string) {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: async () =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/computed-indicators/refresh', {
          params: { path: { id: committeeId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useDecideValue() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: async ({ id, reject }: { id: string; reject?: string }) =>
      reject
        ? dataOf(
            await api.POST('/api/v1/indicator-values/{id}/reject', {
              params: { path: { id } },
              body: { reason: reject },
            }),
          )
        : dataOf(await api.POST('/api/v1/indicator-values/{id}/approve', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useOpenPar(committeeId: string) {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: async (frameworkId: string) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/par-assessments', {
          params: { path: { id: committeeId } },
          body: { frameworkId },
        }),
      ) as ParAssessment,
    onSuccess: invalidate,
  });
}

export function useParAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      action:
        | { kind: 'scores'; body: SaveParScoresBody }
        | { kind: 'submit' }
        | { kind: 'appraise'; body: AppraiseBody }
        | { kind: 'finalise' },
    ) => {
      const params = { path: { id } };
      if (action.kind === 'scores')
        return dataOf(await api.PUT('/api/v1/par-assessments/{id}/scores', { params, body: action.body }));
      if (action.kind === 'appraise')
        return dataOf(await api.POST('/api/v1/par-assessments/{id}/appraise', { params, body: action.body }));
      if (action.kind === 'submit')
        return dataOf(await api.POST('/api/v1/par-assessments/{id}/submit', { params }));
      return dataOf(await api.POST('/api/v1/par-assessments/{id}/finalise', { params }));
    },
    onSuccess: (data) => {
      queryClient.setQueryData(keys.par(id), data as ParAssessment);
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}
