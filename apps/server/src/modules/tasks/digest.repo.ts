import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeeSettingsView, committeesView, seatsView } from '../committees/seats.service.ts';
import { preferencesView } from '../notifications/notifications.service.ts';
import { usersView } from '../users/users.service.ts';
import { OPEN_SQL } from './tasks.repo.ts';

export type DigestRow = {
  taskId: string;
  title: string;
  committeeName: string;
  deadline: string;
  status: string;
  userId: string;
  fullName: string;
  email: string;
  /** 'assignee' rows are the person's own tasks; 'review' rows wait for the person's decision. */
  relation: 'assignee' | 'review';
  dueSoonDays: number | null;
};

/** The distinct "due soon" settings of the committees (the digest's horizon covers the widest). */
export async function findDueSoonVariants(db: DbOrTx) {
  const settings = committeeSettingsView('s');
  const { rows } = await db.execute<{ days: number | null }>(
    sql`select distinct (s.settings->>'taskDueSoonWorkingDays')::int as days from ${settings}`,
  );
  return rows;
}

/**
 * Every person's digest rows for `today`: their open tasks due before `horizon` (not waiting for review) and
 * the tasks waiting for their review or decision, with active address and the digest wanted.
 */
export async function findDigestRows(db: DbOrTx, today: string, horizon: string) {
  const person = sql`u.id as "userId", u.full_name as "fullName", u.email`;
  const item = sql`t.id as "taskId", t.title, c.name as "committeeName", t.deadline::text as deadline, t.status,
    (cs.settings->>'taskDueSoonWorkingDays')::int as "dueSoonDays"`;
  const inForce = sql`m.start_date <= ${today}::date and (m.end_date is null or m.end_date >= ${today}::date)
    and m.role <> 'guest'`;
  const wantsDigest = sql`u.active and u.email is not null
    and coalesce((select p.email_digest from ${preferencesView('p')} where p.user_id = u.id), true)`;
  // The open-deadline index gives the assignee part in one range scan; the three joins are the three ways a
  // person answers for a task (unioned, each index-friendly, rather than OR-ed).
  const { rows } = await db.execute<DigestRow>(sql`
    with mine as (
      select t.* from tasks t
      where t.status in ${OPEN_SQL} and t.status <> 'submittedDone' and t.deadline < ${horizon}::date
    ), seats as (
      select t.id as task_id, m.user_id from mine t join ${seatsView('m')} on m.id = t.responsible_membership_id where ${inForce}
      union
      select t.id, m.user_id from mine t join ${seatsView('m')} on m.id = t.lead_membership_id where ${inForce}
      union
      select t.id, m.user_id from mine t
        join ${seatsView('m')} on m.committee_id = t.committee_id and m.unit_id = t.lead_unit_id where ${inForce}
    ), reviews as (
      select t.id as task_id, m.user_id from tasks t
        join ${seatsView('m')} on m.committee_id = t.committee_id
      where t.status = 'submittedDone' and m.role in ('secretary', 'head', 'deputyHead') and ${inForce}
      union
      select t.id, m.user_id from tasks t
        join ${seatsView('m')} on m.committee_id = t.committee_id
      where t.status = 'extensionRequested' and (m.role = 'head' or m.user_id = t.assigned_by) and ${inForce}
    )
    select 'assignee' as relation, ${person}, ${item}
    from seats s join tasks t on t.id = s.task_id join ${usersView('u')} on u.id = s.user_id
    join ${committeesView('c')} on c.id = t.committee_id and c.status = 'active'
    left join ${committeeSettingsView('cs')} on cs.committee_id = t.committee_id
    where ${wantsDigest}
    union all
    select 'review', ${person}, ${item}
    from reviews s join tasks t on t.id = s.task_id join ${usersView('u')} on u.id = s.user_id
    join ${committeesView('c')} on c.id = t.committee_id and c.status = 'active'
    left join ${committeeSettingsView('cs')} on cs.committee_id = t.committee_id
    where ${wantsDigest}
    order by "userId", deadline, title`);

  return rows;
}
