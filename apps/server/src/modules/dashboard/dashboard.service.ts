import type { DashboardCounters } from '@steerco/contract/dashboard';
import { TaskStatus } from '@steerco/contract/tasks';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { listCommittees } from '../committees/committees.service.ts';
import { reportsAtAGlance } from '../reports/rollup.service.ts';
import { committeeTaskCounters, myTaskCounters } from '../tasks/lists.service.ts';

/**
 * The dashboard's counters: my tasks, and the tasks of each committee I sit on where I manage tasks (head,
 * deputies, standing agency), by status and by domain; and the reports my committees owe and receive. Asked of
 * the committees', tasks' and reports' services; this module reads no table of its own.
 */
export async function dashboardCounters(db: Db, actor: Actor): Promise<DashboardCounters> {
  const [myTasks, mine] = await Promise.all([
    myTaskCounters(db, actor),
    listCommittees(db, actor, { mine: 'true' }),
  ]);
  const managedCommittees = await Promise.all(
    mine.items.map(async (committee) => {
      const { access } = await loadCommitteeAccess(db, actor, committee.id);
      if (!can(actor, 'task.manage', { committee: access })) return null;
      const counts = await committeeTaskCounters(db, committee.id);
      return {
        id: committee.id,
        name: committee.name,
        byStatus: Object.fromEntries(
          TaskStatus.options.map((s) => [s, counts.byStatus.get(s) ?? 0]),
        ) as Record<TaskStatus, number>,
        byDomain: committee.domains.map((d) => ({
          code: d.code,
          name: d.name,
          count: counts.byDomain.get(d.code) ?? 0,
        })),
      };
    }),
  );
  const reports = await reportsAtAGlance(
    db,
    mine.items.map((c) => c.id),
  );
  return { myTasks, managedCommittees: managedCommittees.filter((c) => c !== null), reports };
}
