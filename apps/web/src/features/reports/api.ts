import type {
  AdHocRequestBody,
  CreateRegimeBody,
  DecideReportBody,
  DueReport,
  Period,
  Regime,
  Report,
  Rollup,
  UpdateReportBody,
} from '@steerco/contract/reports';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

// Reports (R16): regimes, what is due, one report, the rollup grid.

const path = (id: string) => ({ params: { path: { id } } });

export const regimesQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: ['reports', 'regimes', committeeId],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/committees/{id}/report-regimes', path(committeeId))).items as Regime[],
  });

export const periodsQueryOptions = (regimeId: string) =>
  queryOptions({
    queryKey: ['reports', 'periods', regimeId],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/report-regimes/{id}/periods', path(regimeId))).items as Period[],
  });

export const dueQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: ['reports', 'due', committeeId],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/committees/{id}/reports/due', path(committeeId))).items as DueReport[],
  });

export const reportQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['reports', 'report', id],
    queryFn: async () => dataOf(await api.GET('/api/v1/reports/{id}', path(id))) as Report,
  });

export const rollupQueryOptions = (periodId: string) =>
  queryOptions({
    queryKey: ['reports', 'rollup', periodId],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/report-periods/{id}/rollup', path(periodId))) as Rollup,
  });

export const figureRecordsQueryOptions = (reportId: string, key: string) =>
  queryOptions({
    queryKey: ['reports', 'figure', reportId, key],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/reports/{id}/figures/{key}', { params: { path: { id: reportId, key } } }),
      ),
  });

export const rollupXlsxUrl = (periodId: string) => `/api/v1/report-periods/${periodId}/rollup.xlsx`;

function useReportsMutation<V, R>(call: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      const report = result as Partial<Report>;
      if (report && typeof report === 'object' && 'id' in report && 'figures' in report)
        queryClient.setQueryData(['reports', 'report', report.id], report);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}

export const useCreateRegime = (committeeId: string) =>
  useReportsMutation(
    async (body: CreateRegimeBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/report-regimes', { ...path(committeeId), body }),
      ) as Regime,
  );

export const useAdHocRequest = (regimeId: string) =>
  useReportsMutation(
    async (body: AdHocRequestBody) =>
      dataOf(await api.POST('/api/v1/report-regimes/{id}/ad-hoc', { ...path(regimeId), body })) as Period,
  );

export const useOpenReport = () =>
  useReportsMutation(
    async (v: { periodId: string; reporterCommitteeId: string }) =>
      dataOf(
        await api.POST('/api/v1/report-periods/{id}/reports', {
          ...path(v.periodId),
          body: { reporterCommitteeId: v.reporterCommitteeId },
        }),
      ) as Report,
  );

export const useUpdateReport = (id: string) =>
  useReportsMutation(
    async (body: UpdateReportBody) =>
      dataOf(await api.PATCH('/api/v1/reports/{id}', { ...path(id), body })) as Report,
  );

export const useSubmitReport = (id: string) =>
  useReportsMutation(async () => dataOf(await api.POST('/api/v1/reports/{id}/submit', path(id))) as Report);

export const useDecideReport = (id: string) =>
  useReportsMutation(
    async (body: DecideReportBody) =>
      dataOf(await api.POST('/api/v1/reports/{id}/decision', { ...path(id), body })) as Report,
  );
