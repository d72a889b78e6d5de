import type { DbOrTx } from '../../db/client.ts';
import { countReportTimeliness, findReportsSentBy } from './timeliness.repo.ts';

// The reports' public figure for other modules: how many reports each committee owed in a window and how many
// it sent on time (the Indicators module's "reports submitted on time", R19 from R16).

/**
 * Each committee's reports due in [from, to] (deadline in the window; counted once sent, or once the deadline
 * has passed by `today`) and those first sent by their deadline. Committees without any are { due: 0, onTime: 0 }.
 */
export async function reportTimeliness(
  db: DbOrTx,
  committeeIds: string[],
  w: { from: string; to: string; today: string },
) {
  const out = new Map(committeeIds.map((id) => [id, { due: 0, onTime: 0 }]));
  if (!committeeIds.length) return out;
  for (const [id, r] of await countReportTimeliness(db, committeeIds, w.from, w.to, w.today)) out.set(id, r);
  return out;
}

/**
 * The committee's reports due in [from, to] that these people first sent, each with the day sent and whether it
 * was by the deadline: a member's reports on time in the annual evaluation (R17).
 */
export async function reportsSentBy(
  db: DbOrTx,
  q: { committeeId: string; userIds: string[]; from: string; to: string },
) {
  if (!q.userIds.length) return [];
  const rows = await findReportsSentBy(db, q.committeeId, q.userIds, q.from, q.to);
  return rows.map((r) => ({ ...r, onTime: r.sent_on <= r.deadline }));
}
