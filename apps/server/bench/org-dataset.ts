import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

/**
 * A national-scale organisation in a few SQL statements: 34 provinces, ~3,365 communes, one committee per unit
 * (3,400 in all), 25 seats each (1 head, 3 deputies, 1 secretary, 15 members, 5 residential group heads,
 * ~85,000 people), two duty items per seat and one delegation per committee.
 */
export async function generateOrgDataset(db: Db, passwordHash: string, committees = 3_400) {
  const provinces = 34;
  const communes = committees - provinces - 1;
  await db.execute(sql`
    create temporary table bench_units as
    select gen_random_uuid() as id, 'national'::text as level, 'Quốc gia (đo tải)' as name, null::uuid as parent_id, 0 as n
    union all
    select gen_random_uuid(), 'province', 'Tỉnh đo tải ' || g, null, g from generate_series(1, ${provinces}) g
    union all
    select gen_random_uuid(), 'commune', 'Xã đo tải ' || g, null, g from generate_series(1, ${communes}) g`);
  await db.execute(
    sql`update bench_units p set parent_id = (select id from bench_units where level = 'national') where level = 'province'`,
  );
  await db.execute(sql`update bench_units c set parent_id = (select id from bench_units p where p.level = 'province' and p.n = 1 + (c.n % ${provinces}))
    where level = 'commune'`);
  await db.execute(sql`insert into administrative_units (id, level, name, parent_id, path, is_sample)
    select id, level, name, parent_id, '/', true from bench_units`);
  await db.execute(sql`update administrative_units u set path = case
      when u.level = 'national' then '/' || u.id || '/'
      when u.level = 'province' then '/' || u.parent_id || '/' || u.id || '/'
      else '/' || (select parent_id from bench_units p where p.id = u.parent_id) || '/' || u.parent_id || '/' || u.id || '/' end
    where u.id in (select id from bench_units)`);

  await db.execute(sql`create temporary table bench_committees as
    select gen_random_uuid() as id, b.id as unit_id, b.level, b.n, b.parent_id as parent_unit from bench_units b`);
  await db.execute(sql`insert into committees (id, name, unit_id, path, is_sample)
    select c.id, 'Ban Chỉ đạo đo tải ' || c.level || ' ' || c.n, c.unit_id, '/', true from bench_committees c`);
  await db.execute(sql`update committees k set parent_id = p.id from bench_committees c join bench_committees p on p.unit_id = c.parent_unit
    where k.id = c.id`);
  // Paths, level by level from the top.
  await db.execute(
    sql`update committees set path = '/' || id || '/' where parent_id is null and id in (select id from bench_committees)`,
  );
  for (let i = 0; i < 2; i++) {
    await db.execute(sql`update committees k set path = p.path || k.id || '/' from committees p
      where k.parent_id = p.id and k.id in (select id from bench_committees)`);
  }
  await db.execute(sql`insert into committee_domains (committee_id, code, name, position)
    select id, d.code, d.name, d.pos from bench_committees, (values ('CCHC','Cải cách hành chính',0),('CDS','Chuyển đổi số',1),('DA06','Đề án 06',2)) d(code,name,pos)`);

  await db.execute(sql`create temporary table bench_seats as
    select gen_random_uuid() as membership_id, gen_random_uuid() as user_id, c.id as committee_id, c.unit_id, s as seat,
      case when s = 1 then 'head' when s <= 4 then 'deputyHead' when s = 5 then 'secretary' when s <= 20 then 'member' else 'residentialGroupHead' end as role
    from bench_committees c, generate_series(1, 25) s`);
  await db.execute(sql`insert into users (id, username, full_name, position, unit_id, password_hash, must_change_password, is_sample)
    select user_id, 'bench.' || replace(user_id::text, '-', ''), 'Thành viên đo tải ' || seat, 'Chức vụ ' || seat, unit_id, ${passwordHash}, false, true
    from bench_seats`);
  await db.execute(sql`insert into memberships (id, committee_id, user_id, role, unit_id, position, start_date, is_sample)
    select membership_id, committee_id, user_id, role, unit_id, 'Chức vụ ' || seat, date '2024-01-01', true from bench_seats`);
  await db.execute(sql`insert into duties (id, membership_id, domain, text, position)
    select gen_random_uuid(), membership_id, (array['CCHC','CDS','DA06'])[1 + (seat + k) % 3], 'Nhiệm vụ đo tải ' || k, k
    from bench_seats, generate_series(0, 1) k`);
  await db.execute(sql`insert into delegations (id, committee_id, from_membership_id, to_membership_id, scopes, domains, valid_from, valid_to)
    select gen_random_uuid(), h.committee_id, h.membership_id, d.membership_id, array['chairMeetings','approveAbsences'], '{}', date '2024-01-01', date '2030-12-31'
    from bench_seats h join bench_seats d on d.committee_id = h.committee_id and d.seat = 2 where h.seat = 1`);
  await db.execute(sql`analyze`);
  const heads = await db.execute(sql`select user_id, committee_id from bench_seats where seat = 1`);
  return heads.rows as { user_id: string; committee_id: string }[];
}
