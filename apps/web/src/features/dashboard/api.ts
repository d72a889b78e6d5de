import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

/**
 * The dashboard's counters in one request (my tasks, the committees I manage). Under the tasks' key: every task
 * change already invalidates `['tasks']`, which refreshes these too.
 */
export const dashboardQueryOptions = queryOptions({
  queryKey: ['tasks', 'dashboard'] as const,
  queryFn: async () => dataOf(await api.GET('/api/v1/dashboard')),
});
