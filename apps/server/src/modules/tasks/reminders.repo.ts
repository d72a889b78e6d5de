import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeeSettingsView, committeesView, seatsView } from '../committees/seats.service.ts';
import { preferencesView } from '../notifications/notifications.service.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { taskReminders } from './reminders.schema.ts';
import { OPEN_SQL } from './tasks.repo.ts';

// The reminder run's SQL (reminders.service.ts): set-based, one statement per step, through the indexes named.

export type Recipient = {
  membershipId: string;
  committeeId: string;
  unitId: string | null;
  role: string;
  userId: string;
  fullName: string;
  email: string | null;
  emailReminders: boolean;
  emailEscalations: boolean;
  emailDigest: boolean;
};

/**
 * The seats in force on `date` (with their active users and e-mail preferences) that are: one of `seatIds`, a
 * seat of (committee, unit) in `unitSeats`, or a seat of a committee in `chaseCommittees` in the roles that
 * chase overdue work (secretary = the standing agency's staff, head, deputy head). One query for a whole batch.
 */
export async function findRecipients(
  db: DbOrTx,
  date: string,
  q: { seatIds: string[]; unitSeats: { committeeId: string; unitId: string }[]; chaseCommittees: string[] },
): Promise<Recipient[]> {
  if (!q.seatIds.length && !q.unitSeats.length && !q.chaseCommittees.length) return [];
  const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
  // Three index-friendly id sets (primary key, committee index, committee index), unioned rather than OR-ed.
  const { rows } = await db.execute<Recipient>(sql`
    with ids as (
      select s1.id from ${seatsView('s1')} where s1.id = any(${uuids(q.seatIds)})
      union
      select m.id from ${seatsView('m')}
        join unnest(${uuids(q.unitSeats.map((u) => u.committeeId))}, ${uuids(q.unitSeats.map((u) => u.unitId))}) x(committee_id, unit_id)
          on m.committee_id = x.committee_id and m.unit_id = x.unit_id
      union
      select s3.id from ${seatsView('s3')}
        where s3.committee_id = any(${uuids(q.chaseCommittees)}) and s3.role in ('secretary', 'head', 'deputyHead')
    )
    select m.id as "membershipId", m.committee_id as "committeeId", m.unit_id as "unitId", m.role,
      u.id as "userId", u.full_name as "fullName", u.email,
      coalesce(p.email_reminders, true) as "emailReminders",
      coalesce(p.email_escalations, true) as "emailEscalations",
      coalesce(p.email_digest, true) as "emailDigest"
    from ids
    join ${seatsView('m')} on m.id = ids.id
    join ${usersView('u')} on u.id = m.user_id and u.active
    left join ${preferencesView('p')} on p.user_id = u.id
    where m.start_date <= ${date}::date and (m.end_date is null or m.end_date >= ${date}::date)
      and m.role <> 'guest'`);
  return rows;
}

export type Candidate = {
  id: string;
  committeeId: string;
  committeeName: string;
  title: string;
  deadline: string;
  status: string;
  responsibleMembershipId: string | null;
  leadMembershipId: string | null;
  leadUnitId: string | null;
  leadName: string | null;
  offsets: number[] | null;
  escalationDays: number | null;
  sent: string[];
};

/**
 * The candidates of a run: open tasks (not waiting for review) with a deadline in [from, to], with their
 * committee's reminder settings and the kinds already sent for the current deadline. Merged or dissolved
 * committees' tasks are not chased. One range scan of
 * `tasks_open_deadline_idx` (its predicate is the `status in (…)` below), primary-key probes for the rest.
 */
export function reminderCandidates(from: string, to: string) {
  return sql`
    select t.id, t.committee_id as "committeeId", c.name as "committeeName", t.title,
      t.deadline::text as deadline, t.status,
      t.responsible_membership_id as "responsibleMembershipId", t.lead_membership_id as "leadMembershipId",
      t.lead_unit_id as "leadUnitId", coalesce(lu.name, lm_user.full_name) as "leadName",
      cs.settings->'taskReminderWorkingDays' as offsets,
      (cs.settings->>'taskEscalationWorkingDays')::int as "escalationDays",
      coalesce((select array_agg(r.kind) from task_reminders r
        where r.task_id = t.id and r.deadline = t.deadline), '{}') as sent
    from tasks t
    join ${committeesView('c')} on c.id = t.committee_id and c.status = 'active'
    left join ${committeeSettingsView('cs')} on cs.committee_id = t.committee_id
    left join ${unitsView('lu')} on lu.id = t.lead_unit_id
    left join ${seatsView('lm')} on lm.id = t.lead_membership_id
    left join ${usersView('lm_user')} on lm_user.id = lm.user_id
    where t.status in ${OPEN_SQL} and t.status <> 'submittedDone'
      and t.deadline >= ${from}::date and t.deadline <= ${to}::date`;
}

/** Runs the candidates' query for deadlines in [from, to]. */
export async function findReminderCandidates(db: DbOrTx, from: string, to: string) {
  const { rows } = await db.execute<Candidate>(reminderCandidates(from, to));
  return rows;
}

/** The distinct reminder settings of the committees (the run's window covers the widest). */
export async function findReminderSettingVariants(db: DbOrTx) {
  const settings = committeeSettingsView('s');
  const { rows } = await db.execute<{ offsets: number[] | null; escalation: number | null }>(sql`
    select distinct s.settings->'taskReminderWorkingDays' as offsets,
      (s.settings->>'taskEscalationWorkingDays')::int as escalation
    from ${settings}`);
  return rows;
}

/** The claim: inserts the reminders; only those this transaction inserted (returned) are sent by it. */
export async function claimReminders(
  tx: DbOrTx,
  rows: { taskId: string; deadline: string; kind: string; sentOn: string }[],
) {
  return tx
    .insert(taskReminders)
    .values(rows)
    .onConflictDoNothing()
    .returning({ taskId: taskReminders.taskId, kind: taskReminders.kind });
}
