// Child process of `npm run bench meetings` (issue 6): the meeting page's API with 60 attendees and 20 documents,
// and the notice fan-out to 500 invitees (time to enqueue, and to deliver to a local SMTP server).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { registerJobs } from '../src/wiring.ts';
import { startSmtpServer } from '../test/smtp.ts';
import { openBenchDatabase } from './bench-database.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'meetings');
const smtp = await startSmtpServer();
const config = loadConfig({
  ...process.env,
  DATABASE_URL: bench.url,
  DATA_DIR: bench.tempDir ?? `/tmp/steerco-bench-files-${process.pid}`,
  LOG_LEVEL: 'warn',
  SMTP_URL: smtp.url,
  PUBLIC_URL: 'https://bcd.example.gov.vn',
});
const jobs = await startJobQueue({ url: bench.url, logger, workers: true, pollingIntervalSeconds: 0.5 });
await registerJobs(jobs, { db: bench.db, config, logger });
const app = await buildApp({ db: bench.db, config, logger, jobs });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;

/** A ward committee with `seats` members, each with an e-mail address; returns it and a session of its secretary. */
async function committeeWith(db: Db, seats: number, label: string) {
  const [unit] = (
    await db.execute<{ id: string }>(sql`select id from administrative_units where name = 'Phường Phúc La'`)
  ).rows;
  const committeeId = (
    await db.execute<{ id: string }>(sql`insert into committees (id, name, unit_id, path, is_sample)
      values (gen_random_uuid(), ${`Ban Chỉ đạo đo tải ${label}`}, ${unit!.id}, '/', true) returning id`)
  ).rows[0]!.id;
  await db.execute(sql`update committees set path = '/' || id || '/' where id = ${committeeId}`);
  await db.execute(sql`insert into committee_domains (committee_id, code, name, position)
    values (${committeeId}, 'CCHC', 'Cải cách hành chính', 0), (${committeeId}, 'CDS', 'Chuyển đổi số', 1), (${committeeId}, 'DA06', 'Đề án 06', 2)`);
  await db.execute(
    sql`create temporary table if not exists bench_people (membership_id uuid, user_id uuid, committee_id uuid, seat int)`,
  );
  await db.execute(sql`insert into bench_people
    select gen_random_uuid(), gen_random_uuid(), ${committeeId}::uuid, s from generate_series(1, ${seats}) s`);
  await db.execute(sql`insert into users (id, username, full_name, email, position, unit_id, password_hash, must_change_password, is_sample)
    select user_id, ${`bench.${label}.`} || seat, 'Thành viên đo tải ' || seat, ${`bench.${label}.`} || seat || '@example.gov.vn',
      'Chức vụ ' || seat, ${unit!.id}, 'x', false, true from bench_people where committee_id = ${committeeId}`);
  await db.execute(sql`insert into memberships (id, committee_id, user_id, role, unit_id, position, start_date, is_sample)
    select membership_id, committee_id, user_id,
      case when seat = 1 then 'head' when seat = 2 then 'secretary' when seat <= 4 then 'deputyHead' else 'member' end,
      ${unit!.id}, 'Chức vụ ' || seat, date '2024-01-01', true from bench_people where committee_id = ${committeeId}`);
  const [secretary] = (
    await db.execute<{ user_id: string }>(
      sql`select user_id from bench_people where committee_id = ${committeeId} and seat = 2`,
    )
  ).rows;
  const token = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: secretary!.user_id,
    csrfToken: 'bench',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { committeeId, headers: { cookie: `steerco_session=${token}`, 'x-csrf-token': 'bench' } };
}

async function api<T = { id: string }>(
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function meeting(headers: Record<string, string>, committeeId: string, title: string) {
  const start = Date.now() + 30 * 86_400_000;
  return api<{ id: string }>(headers, 'POST', '/meetings', {
    committeeId,
    kind: 'quarterly',
    title,
    place: 'Hội trường UBND phường',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3_600_000).toISOString(),
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

// 1. The meeting page: 60 attendees, 20 agenda items with one document each.
const small = await committeeWith(bench.db, 60, 'trang');
const page = await meeting(small.headers, small.committeeId, 'Họp quý — đo tải trang cuộc họp');
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]);
for (let i = 1; i <= 20; i++) {
  const detail = await api<{ agenda: { id: string }[] }>(
    small.headers,
    'POST',
    `/meetings/${page.id}/agenda`,
    {
      title: `Nội dung ${i}: báo cáo tình hình thực hiện`,
      presenter: 'Văn phòng',
      durationMinutes: 10,
      takesOpinions: i % 4 === 0,
    },
  );
  const item = detail.agenda.at(-1)!;
  const form = new FormData();
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), `tai-lieu-${i}.pdf`);
  const res = await fetch(`${base}/meetings/${page.id}/agenda/${item.id}/documents`, {
    method: 'POST',
    headers: small.headers,
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
}
await api(small.headers, 'POST', `/meetings/${page.id}/notice`, {});
const loads: number[] = [];
for (let i = 0; i < 1_000; i++) {
  const t = performance.now();
  const res = await fetch(`${base}/meetings/${page.id}`, { headers: small.headers });
  const body = (await res.json()) as { attendees: unknown[]; agenda: unknown[] };
  if (!res.ok || body.attendees.length !== 60 || body.agenda.length !== 20) throw new Error('meeting page');
  loads.push(performance.now() - t);
}
loads.sort((a, b) => a - b);

// 2. Notice fan-out to 500 invitees.
const big = await committeeWith(bench.db, 500, 'moi');
const fanout = await meeting(big.headers, big.committeeId, 'Hội nghị toàn thể — đo tải gửi giấy mời');
await api(big.headers, 'POST', `/meetings/${fanout.id}/agenda`, { title: 'Sơ kết', takesOpinions: false });
smtp.messages.length = 0;
const sent = performance.now();
await api(big.headers, 'POST', `/meetings/${fanout.id}/notice`, {});
const enqueuedMs = performance.now() - sent;
await smtp.waitFor(500, 600_000);
const deliveredMs = performance.now() - sent;

process.send?.({
  page: { p50ms: percentile(loads, 0.5), p95ms: percentile(loads, 0.95) },
  fanout: { invitations: smtp.messages.length, enqueuedMs, deliveredMs },
});

await app.close();
await jobs.stop();
await smtp.close();
await bench.close();
process.exit(0);
