import type {
  DecideBody,
  EvaluationCycle,
  MemberEvaluation,
  OpenEvaluationBody,
  ProposeBody,
  TaskNoteBody,
} from '@steerco/contract/evaluations';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

// The annual evaluation of members (R17): the committee's cycles, one cycle, one member's sheet, the writes.

const path = (id: string) => ({ params: { path: { id } } });

export const cyclesQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: ['evaluations', 'cycles', committeeId],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/committees/{id}/evaluations', path(committeeId))).items,
  });

export const cycleQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['evaluations', 'cycle', id],
    queryFn: async () => dataOf(await api.GET('/api/v1/evaluations/{id}', path(id))) as EvaluationCycle,
  });

export const summaryDocxUrl = (id: string) => `/api/v1/evaluations/${id}/summary.docx`;
export const summaryXlsxUrl = (id: string) => `/api/v1/evaluations/${id}/summary.xlsx`;
export const sheetDocxUrl = (id: string, memberId: string) =>
  `/api/v1/evaluations/${id}/members/${memberId}/sheet.docx`;

function useEvaluationMutation<V>(call: (vars: V) => Promise<EvaluationCycle>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (cycle) => {
      queryClient.setQueryData(['evaluations', 'cycle', cycle.id], cycle);
      void queryClient.invalidateQueries({ queryKey: ['evaluations', 'cycles'] });
    },
  });
}

export const useOpenCycle = (committeeId: string) =>
  useEvaluationMutation(
    async (body: OpenEvaluationBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/evaluations', { ...path(committeeId), body }),
      ) as EvaluationCycle,
  );

export const useSelfScore = (id: string) =>
  useEvaluationMutation(
    async (v: { memberId: string; scores: Record<string, number> }) =>
      dataOf(
        await api.PUT('/api/v1/evaluations/{id}/members/{memberId}/self-score', {
          params: { path: { id, memberId: v.memberId } },
          body: { scores: v.scores },
        }),
      ) as EvaluationCycle,
  );

export const usePropose = (id: string) =>
  useEvaluationMutation(
    async (body: ProposeBody) =>
      dataOf(await api.POST('/api/v1/evaluations/{id}/proposals', { ...path(id), body })) as EvaluationCycle,
  );

export const useDecide = (id: string) =>
  useEvaluationMutation(
    async (body: DecideBody) =>
      dataOf(await api.POST('/api/v1/evaluations/{id}/decisions', { ...path(id), body })) as EvaluationCycle,
  );

export const useTaskNote = (id: string) =>
  useEvaluationMutation(
    async (body: TaskNoteBody) =>
      dataOf(await api.POST('/api/v1/evaluations/{id}/task-notes', { ...path(id), body })) as EvaluationCycle,
  );

export type { EvaluationCycle, MemberEvaluation };
