import { z } from 'zod';
import { Id } from './common.ts';
import { ReportsAtAGlance } from './reports.ts';
import { TaskStatus } from './tasks.ts';

const Count = z.number().int().min(0);

/**
 * The dashboard's figures in one answer (issue 19: one request per view). Each equals the total of the list it
 * opens: my tasks (`/me/tasks`, `role=all`, the review queue with `role=reviewer&status=open`) and, for each
 * committee I manage tasks on, its tasks by status and by domain (`/committees/{id}/tasks`).
 */
export const DashboardCounters = z.object({
  myTasks: z.object({
    open: Count,
    reviewer: Count,
    onTime: Count,
    dueSoon: Count,
    overdue: Count,
    doneOnTime: Count,
    doneLate: Count,
    cancelled: Count,
  }),
  managedCommittees: z.array(
    z.object({
      id: Id,
      name: z.string(),
      byStatus: z.record(TaskStatus, Count),
      byDomain: z.array(z.object({ code: z.string(), name: z.string(), count: Count })),
    }),
  ),
  /** Reports of my committees by period, with their traffic lights (the Báo cáo page has the whole list). */
  reports: ReportsAtAGlance,
});
export type DashboardCounters = z.infer<typeof DashboardCounters>;
