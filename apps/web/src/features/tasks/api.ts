import type { StoredFile } from '@steerco/contract/files';
import type { CreateTaskBody, DerivedTaskStatus, UpdateTaskBody } from '@steerco/contract/tasks';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQueryClient,
} from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';
import { type MyTaskCounter, type MyTasksRole, type TaskFilters, toQuery } from './tasks.ts';

const taskKeys = {
  all: ['tasks'] as const,
  mine: (role: MyTasksRole, filters: TaskFilters) => ['tasks', 'mine', role, filters] as const,
  counters: (role: MyTasksRole, counter: MyTaskCounter) => ['tasks', 'counters', role, counter] as const,
  committee: (committeeId: string, filters: TaskFilters) =>
    ['tasks', 'committee', committeeId, filters] as const,
  stats: (committeeId: string, filters: TaskFilters) => ['tasks', 'stats', committeeId, filters] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  rollup: (id: string) => ['tasks', 'rollup', id] as const,
  subtree: (committeeId: string) => ['tasks', 'subtree', committeeId] as const,
  // Counts read as one-row pages: keys of their own, never shared with the (infinite) lists of the same filters.
  mineCount: (derived: DerivedTaskStatus) => ['tasks', 'mine-count', derived] as const,
  committeeCount: (committeeId: string, filters: TaskFilters) =>
    ['tasks', 'committee-count', committeeId, filters] as const,
};

const PAGE_SIZE = 30;

async function fetchMine(role: MyTasksRole, filters: TaskFilters, cursor?: string, limit = PAGE_SIZE) {
  return dataOf(
    await api.GET('/api/v1/tasks/mine', {
      params: { query: { ...toQuery(filters), role, cursor, limit } },
    }),
  );
}
export type TaskPage = Awaited<ReturnType<typeof fetchMine>>;
export type TaskItem = TaskPage['items'][number];

/** "Nhiệm vụ của tôi", keyset-paged: each page asks for the rows after the previous page's last one. */
export const myTasksQueryOptions = (role: MyTasksRole, filters: TaskFilters) =>
  infiniteQueryOptions({
    queryKey: taskKeys.mine(role, filters),
    queryFn: ({ pageParam }) => fetchMine(role, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** What each counter of "my tasks" counts: a filter of the same list, read with one row for its total. */
const COUNTER_FILTERS: Record<MyTaskCounter, { role?: MyTasksRole; filters: TaskFilters }> = {
  open: { filters: { status: 'open' } },
  onTime: { filters: { derived: 'onTime' } },
  dueSoon: { filters: { derived: 'dueSoon' } },
  overdue: { filters: { derived: 'overdue' } },
  doneLate: { filters: { derived: 'doneLate' } },
  reviewer: { role: 'reviewer', filters: { status: 'open' } },
};

/** The counters of my tasks (for `role`; the review queue is always mine as reviewer). */
export function useMyTaskCounters(role: MyTasksRole, counters: readonly MyTaskCounter[]) {
  const results = useQueries({
    queries: counters.map((counter) => {
      const spec = COUNTER_FILTERS[counter];
      const asRole = spec.role ?? role;
      return {
        queryKey: taskKeys.counters(asRole, counter),
        queryFn: async () => (await fetchMine(asRole, spec.filters, undefined, 1)).total,
      };
    }),
  });
  return Object.fromEntries(counters.map((c, i) => [c, results[i]?.data])) as Partial<
    Record<MyTaskCounter, number>
  >;
}

async function fetchCommitteeTasks(committeeId: string, filters: TaskFilters, cursor?: string) {
  return dataOf(
    await api.GET('/api/v1/committees/{id}/tasks', {
      params: { path: { id: committeeId }, query: { ...toQuery(filters), cursor, limit: PAGE_SIZE } },
    }),
  );
}

/** A committee's tasks with the list's filters, by deadline, keyset-paged. */
export const committeeTasksQueryOptions = (committeeId: string, filters: TaskFilters) =>
  infiniteQueryOptions({
    queryKey: taskKeys.committee(committeeId, filters),
    queryFn: ({ pageParam }) => fetchCommitteeTasks(committeeId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** Per-unit and per-member figures; the statistics take the domain, source and due-range filters. */
export const taskStatsQueryOptions = (committeeId: string, filters: TaskFilters) => {
  const { domain, source, dueFrom, dueTo } = toQuery(filters);
  const query = { domain, source, dueFrom, dueTo };
  return queryOptions({
    queryKey: taskKeys.stats(committeeId, query),
    queryFn: async () =>
      dataOf(
        await api.GET('/api/v1/committees/{id}/tasks/stats', {
          params: { path: { id: committeeId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
  });
};
export type TaskStatsView = Awaited<
  ReturnType<NonNullable<ReturnType<typeof taskStatsQueryOptions>['queryFn']>>
>;

/** The export of the filtered list (the server writes the XLSX: Vietnamese headers, dd/MM/yyyy). */
export function tasksExportUrl(committeeId: string, filters: TaskFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toQuery(filters))) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1/committees/${committeeId}/tasks/export.xlsx${qs ? `?${qs}` : ''}`;
}

export function useCreateTask(committeeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTaskBody) =>
      dataOf(
        await api.POST('/api/v1/committees/{id}/tasks', { params: { path: { id: committeeId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

// ——— One task ———

async function fetchTask(id: string) {
  return dataOf(await api.GET('/api/v1/tasks/{id}', { params: { path: { id } } }));
}
export type TaskView = Awaited<ReturnType<typeof fetchTask>>;

export const taskQueryOptions = (id: string) =>
  queryOptions({ queryKey: taskKeys.detail(id), queryFn: () => fetchTask(id) });

/** Every change answers with the task as it now is; lists and counters are read again. */
function useTaskMutation<V>(taskId: string, call: (vars: V) => Promise<TaskView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(taskId), task);
      return queryClient.invalidateQueries({
        queryKey: taskKeys.all,
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
    // A refusal (someone acted first: 409) means the page is out of date: read the task again.
    onError: () => queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export type TransitionInput =
  | { action: 'start' }
  | { action: 'submitDone'; note: string | null }
  | { action: 'approveDone'; note: string | null }
  | { action: 'return'; reason: string }
  | { action: 'requestExtension'; reason: string; proposedDeadline: string }
  | { action: 'decideExtension'; decision: 'approve' | 'reject'; note: string | null }
  | { action: 'cancel'; reason: string };

/** One transition of the server's state machine; the server answers 403/409 problems when it refuses. */
export const useTransition = (id: string) =>
  useTaskMutation(id, async (input: TransitionInput) => {
    switch (input.action) {
      case 'start':
        return dataOf(await api.POST('/api/v1/tasks/{id}/start', path(id)));
      case 'submitDone':
        return dataOf(
          await api.POST('/api/v1/tasks/{id}/submit-done', { ...path(id), body: { note: input.note } }),
        );
      case 'approveDone':
        return dataOf(
          await api.POST('/api/v1/tasks/{id}/approve-done', { ...path(id), body: { note: input.note } }),
        );
      case 'return':
        return dataOf(
          await api.POST('/api/v1/tasks/{id}/return', { ...path(id), body: { reason: input.reason } }),
        );
      case 'requestExtension':
        return dataOf(
          await api.POST('/api/v1/tasks/{id}/extension-request', {
            ...path(id),
            body: { reason: input.reason, proposedDeadline: input.proposedDeadline },
          }),
        );
      case 'decideExtension':
        return dataOf(
          await api.POST('/api/v1/tasks/{id}/extension-decision', {
            ...path(id),
            body: { decision: input.decision, note: input.note },
          }),
        );
      case 'cancel':
        return dataOf(
          await api.POST('/api/v1/tasks/{id}/cancel', { ...path(id), body: { reason: input.reason } }),
        );
    }
  });

/** A file as a multipart body (the OpenAPI document does not describe multipart bodies). */
const fileBody = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form as never;
};

/**
 * A progress report with evidence: each file is uploaded to the committee first (the server checks its type
 * by content and its size), then the report names them.
 */
/** Corrects or reassigns an open task (PATCH, with the reason kept in its history). */
export const useUpdateTask = (id: string) =>
  useTaskMutation(id, async (body: UpdateTaskBody) =>
    dataOf(await api.PATCH('/api/v1/tasks/{id}', { ...path(id), body })),
  );

export const useReportProgress = (task: Pick<TaskView, 'id' | 'committeeId'>) =>
  useTaskMutation(
    task.id,
    async ({ percent, text, files }: { percent: number; text: string; files: File[] }) => {
      const uploaded: StoredFile[] = [];
      for (const file of files) {
        uploaded.push(
          dataOf(
            await api.POST('/api/v1/committees/{id}/files', {
              params: { path: { id: task.committeeId } },
              body: fileBody(file),
            }),
          ) as StoredFile,
        );
      }
      return dataOf(
        await api.POST('/api/v1/tasks/{id}/progress', {
          ...path(task.id),
          body: { percent, text, fileIds: uploaded.map((f) => f.id) },
        }),
      );
    },
  );

export const useAddComment = (id: string) =>
  useTaskMutation(id, async (body: { text: string; mentions: string[] }) =>
    dataOf(await api.POST('/api/v1/tasks/{id}/comments', { ...path(id), body })),
  );

export const fileDownloadUrl = (fileId: string) => `/api/v1/files/${fileId}`;

// ——— Hierarchy: a task handed down to the committees below, and its rollup ———

/** Every copy of a task in the committees below the one holding it, with counts by display status. */
export const rollupQueryOptions = (taskId: string) =>
  queryOptions({
    queryKey: taskKeys.rollup(taskId),
    queryFn: async () => dataOf(await api.GET('/api/v1/tasks/{id}/rollup', path(taskId))),
  });
export type RollupView = Awaited<ReturnType<NonNullable<ReturnType<typeof rollupQueryOptions>['queryFn']>>>;

/** Hands the task down to the direct child committees (all active ones, or those chosen). */
export function useCascade(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { committeeIds?: string[] }) =>
      dataOf(await api.POST('/api/v1/tasks/{id}/cascade', { ...path(taskId), body })),
    onSuccess: ({ rollup }) => {
      queryClient.setQueryData(taskKeys.rollup(taskId), rollup);
      return queryClient.invalidateQueries({
        queryKey: taskKeys.all,
        predicate: (q) => q.queryKey[1] !== 'rollup',
      });
    },
  });
}

/** Counts by status of a committee and every committee below it, plus the overdue ones. */
export const subtreeCountersQueryOptions = (committeeId: string) =>
  queryOptions({
    queryKey: taskKeys.subtree(committeeId),
    queryFn: async () => dataOf(await api.GET('/api/v1/committees/{id}/tasks/counters', path(committeeId))),
  });

/** How many of my tasks (any role) have each display status: one one-row page per status, read for its total. */
export function useMyDerivedCounts(statuses: readonly DerivedTaskStatus[]) {
  const results = useQueries({
    queries: statuses.map((derived) => ({
      queryKey: taskKeys.mineCount(derived),
      queryFn: async () => (await fetchMine('all', { derived }, undefined, 1)).total,
    })),
  });
  return {
    counts: Object.fromEntries(statuses.map((s, i) => [s, results[i]?.data])) as Partial<
      Record<DerivedTaskStatus, number>
    >,
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/** A committee's own tasks counted for each filter (a status, a domain …), read as one-row pages' totals. */
export function useCommitteeTaskCounts<K extends string>(
  committeeId: string,
  filters: readonly { key: K; filters: TaskFilters }[],
) {
  const results = useQueries({
    queries: filters.map((f) => ({
      queryKey: taskKeys.committeeCount(committeeId, f.filters),
      queryFn: async () =>
        dataOf(
          await api.GET('/api/v1/committees/{id}/tasks', {
            params: { path: { id: committeeId }, query: { ...toQuery(f.filters), limit: 1 } },
          }),
        ).total,
    })),
  });
  return {
    counts: Object.fromEntries(filters.map((f, i) => [f.key, results[i]?.data])) as Partial<
      Record<K, number>
    >,
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
