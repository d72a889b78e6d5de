import { todayInVietnam } from '@steerco/contract/datetime';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

/**
 * The follow-up workload of a national deployment on top of `generateOrgDataset`: 500 tasks per committee
 * (1.7 million), four history events and two progress reports per task (10.2 million rows), statuses and
 * deadlines spread around today, one member of one commune answering for 200 tasks, and one directive per
 * province handed down to every commune of the province. Bulk-loaded as an import would be: the status-count
 * trigger is paused and the counts rebuilt at the end.
 */
export async function generateTaskDataset(db: Db, perCommittee = 500) {
  const today = todayInVietnam();
  await db.execute(sql`create unlogged table bench_members as
    select m.committee_id, m.id as membership_id, m.user_id, c.unit_id,
      row_number() over (partition by m.committee_id order by m.id)::int as rn
    from memberships m join committees c on c.id = m.committee_id
    where m.role = 'member' and c.name like 'Ban Chỉ đạo đo tải%'`);
  await db.execute(sql`create index on bench_members (committee_id, rn)`);
  await db.execute(sql`alter table tasks disable trigger tasks_status_counts_insert_delete`);

  // Status mix per 100 tasks: 45 done, 25 in progress, 15 new, 5 reported done, 3 returned, 2 extension, 5 cancelled.
  await db.execute(sql`insert into tasks (id, committee_id, title, domain, source_kind, source_date, lead_unit_id,
      lead_membership_id, responsible_membership_id, deadline, original_deadline, status, progress, completed_on, done_at)
    select gen_random_uuid(), b.committee_id, 'Nhiệm vụ đo tải ' || k, (array['CCHC','CDS','DA06'])[1 + k % 3], 'adHoc',
      d - 30 - (k % 60), case when k % 5 = 0 then b.unit_id end, case when k % 5 <> 0 then b.membership_id end,
      b.membership_id, d, d, s,
      case when s = 'done' then 100 when s in ('new','cancelled') then 0 else 10 + (k * 7) % 80 end,
      case when s in ('done','submittedDone') then d - (k % 5) + case when k % 7 = 0 then 9 else 0 end end,
      case when s = 'done' then now() end
    from (
      select b0.*, k, (${today}::date + ((k * 37) % 360) - 200) as d,
        case when k % 100 < 45 then 'done' when k % 100 < 70 then 'inProgress' when k % 100 < 85 then 'new'
          when k % 100 < 90 then 'submittedDone' when k % 100 < 93 then 'returned'
          when k % 100 < 95 then 'extensionRequested' else 'cancelled' end as s
      from bench_members b0 join lateral generate_series(1, ${perCommittee}) k on true
      where b0.rn = 1
    ) x
    join bench_members b on b.committee_id = x.committee_id and b.rn = 1 + x.k % 15`);

  // One member of the first commune answers for 200 tasks (the "my tasks" figure).
  const [busy] = (
    await db.execute<{
      membership_id: string;
      user_id: string;
      committee_id: string;
    }>(sql`select b.membership_id, b.user_id, b.committee_id
      from bench_members b join committees c on c.id = b.committee_id join administrative_units u on u.id = c.unit_id
      where u.level = 'commune' and b.rn = 1 order by c.name limit 1`)
  ).rows;
  await db.execute(sql`update tasks set responsible_membership_id = ${busy!.membership_id}::uuid,
      lead_membership_id = case when lead_unit_id is null then ${busy!.membership_id}::uuid end
    where id in (select id from tasks where committee_id = ${busy!.committee_id}
      and responsible_membership_id <> ${busy!.membership_id}::uuid order by id limit ${200 - Math.round(perCommittee / 15)})`);

  // One directive per province, handed down to each of its communes.
  await db.execute(sql`create unlogged table bench_directives as
    select gen_random_uuid() as id, c.id as committee_id, c.unit_id from committees c join administrative_units u on u.id = c.unit_id
    where u.level = 'province' and c.name like 'Ban Chỉ đạo đo tải%'`);
  await db.execute(sql`insert into tasks (id, committee_id, title, domain, source_kind, source_date, lead_unit_id,
      deadline, original_deadline, status, cascade_root_id)
    select id, committee_id, 'Chỉ thị đo tải của tỉnh', 'CDS', 'adHoc', ${today}::date - 20, unit_id,
      ${today}::date + 40, ${today}::date + 40, 'inProgress', id from bench_directives`);
  await db.execute(sql`insert into tasks (id, committee_id, title, domain, source_kind, source_date, parent_task_id,
      lead_unit_id, deadline, original_deadline, status, progress, completed_on, cascade_root_id)
    select gen_random_uuid(), c.id, 'Chỉ thị đo tải của tỉnh', 'CDS', 'directive', ${today}::date - 15, d.id, c.unit_id,
      ${today}::date + 40, ${today}::date + 40,
      (array['new','inProgress','inProgress','submittedDone','done'])[1 + abs(hashtext(c.id::text)) % 5],
      abs(hashtext(c.id::text)) % 100, case when abs(hashtext(c.id::text)) % 5 >= 3 then ${today}::date - 1 end, d.id
    from bench_directives d join committees c on c.parent_id = d.committee_id`);

  // History and progress: 4 events and 2 progress reports per task.
  await db.execute(sql`insert into task_events (id, task_id, kind, from_status, to_status, reason, new_deadline, created_at)
    select gen_random_uuid(), t.id, (array['created','started','submittedDone','approvedDone'])[e],
      (array[null,'new','inProgress','submittedDone'])[e], (array['new','inProgress','submittedDone','done'])[e],
      'Sự kiện đo tải', t.deadline, t.source_date + e
    from tasks t, generate_series(1, 4) e`);
  await db.execute(sql`insert into task_progress (id, task_id, percent, text, user_id, membership_id, created_at)
    select gen_random_uuid(), t.id, least(100, p * 40), 'Báo cáo tiến độ đo tải lần ' || p, m.user_id, m.id, t.source_date + p * 5
    from tasks t join memberships m on m.id = t.responsible_membership_id, generate_series(1, 2) p`);

  await db.execute(sql`alter table tasks enable trigger tasks_status_counts_insert_delete`);
  await db.execute(sql`delete from task_status_counts`);
  await db.execute(sql`insert into task_status_counts (committee_id, status, n)
    select committee_id, status, count(*) from tasks group by committee_id, status`);
  await db.execute(sql`vacuum analyze`);

  const counts = (
    await db.execute<{ tasks: number; events: number; progress: number }>(sql`select
      (select count(*) from tasks)::int as tasks, (select count(*) from task_events)::int as events,
      (select count(*) from task_progress)::int as progress`)
  ).rows[0]!;
  const [province] = (
    await db.execute<{
      task_id: string;
      committee_id: string;
      copies: number;
    }>(sql`select d.id as task_id, d.committee_id,
      (select count(*) from tasks where cascade_root_id = d.id)::int - 1 as copies
      from bench_directives d order by d.id limit 1`)
  ).rows;
  const [national] = (
    await db.execute<{
      id: string;
    }>(sql`select c.id from committees c join administrative_units u on u.id = c.unit_id
      where u.level = 'national' and c.name like 'Ban Chỉ đạo đo tải%'`)
  ).rows;
  const [busyCommittee] = (
    await db.execute<{ membership_id: string }>(sql`select membership_id from bench_members
      where committee_id = ${busy!.committee_id} and rn = 2`)
  ).rows;
  return {
    counts,
    busy: busy!,
    busyCommitteeOther: busyCommittee!.membership_id,
    directive: province!,
    nationalCommitteeId: national!.id,
  };
}
