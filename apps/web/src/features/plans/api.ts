import type {
  CreatePlanBody,
  PlanDetail,
  PlanReview,
  PlanSummary,
  ReviewPeriod,
  UpdatePlanBody,
} from '@steerco/contract/plans';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

const planKeys = {
  all: ['plans'] as const,
  list: (committeeId: string) => ['plans', 'list', committeeId] as const,
  detail: (id: string) => ['plans', id] as const,
  review: (committeeId: string, q: ReviewParams) => ['plans', 'review', committeeId, q] as const,
};

export interface ReviewParams {
  year: number;
  period: ReviewPeriod;
  planId?: string;
}

export const plansQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: planKeys.list(committeeId),
    queryFn: async (): Promise<PlanSummary[]> =>
      dataOf(await api.GET('/api/v1/committees/{id}/plans', { params: { path: { id: committeeId } } }))
        .items as PlanSummary[],
  });

export const planQueryOptions = (id: string) =>
  queryOptions({
    queryKey: planKeys.detail(id),
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/plans/{id}', { params: { path: { id } } })) as PlanDetail,
  });

export const reviewQueryOptions = (committeeId: string, q: ReviewParams) =>
  queryOptions({
    queryKey: planKeys.review(committeeId, q),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/plans/review', {
          params: { path: { id: committeeId }, query: q },
        }),
      ) as PlanReview,
    placeholderData: keepPreviousData,
  });

export function useCreatePlan(committeeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreatePlanBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/plans', { params: { path: { id: committeeId } }, body }),
      ) as PlanDetail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.list(committeeId) }),
  });
}

/** Every change answers with the whole plan: it replaces the cached one, and lists and counts are read again. */
function usePlanMutation<V>(planId: string, call: (vars: V) => Promise<PlanDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(planId), plan);
      void queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['plans', 'review'] });
      // Approval creates tasks; a drafted document joins the register.
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useUpdatePlan = (id: string) =>
  usePlanMutation(
    id,
    async (body: UpdatePlanBody) =>
      dataOf(await api.PUT('/api/v1/plans/{id}', { ...path(id), body })) as PlanDetail,
  );
export const useApprovePlan = (id: string) =>
  usePlanMutation(
    id,
    async () => dataOf(await api.POST('/api/v1/plans/{id}/approve', path(id))) as PlanDetail,
  );
export const useCancelPlan = (id: string) =>
  usePlanMutation(
    id,
    async () => dataOf(await api.POST('/api/v1/plans/{id}/cancel', path(id))) as PlanDetail,
  );
export const useDraftPlanDocument = (id: string) =>
  usePlanMutation(
    id,
    async () => dataOf(await api.POST('/api/v1/plans/{id}/document', path(id))) as PlanDetail,
  );
