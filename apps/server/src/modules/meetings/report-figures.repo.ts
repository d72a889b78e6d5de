import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { conclusions, meetingAttendees, meetings } from './meetings.schema.ts';

// The meetings' figures of a report's cut-off window [from, to] (Viet Nam days, both included), for many
// committees in one statement: meetings held by kind, notices sent on time, conclusions of those meetings.

const KINDS = ['quarterly', 'halfYearReview', 'annualReview', 'adHoc', 'thematic'] as const;

const heldIn = (from: string, to: string) => sql`${meetings.status} in ('held','closed')
  and ${meetings.startsAt} >= (${from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
  and ${meetings.startsAt} < (${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;

export async function countMeetingFigures(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const byKind = KINDS.map(
    (k) => sql`count(*) filter (where ${meetings.kind} = ${k})::int as ${sql.identifier(k)}`,
  );
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    select ${meetings.committeeId} as committee_id, count(*)::int as held, ${sql.join(byKind, sql`, `)},
      count(*) filter (where not ${meetings.recordedAfterwards} and ${meetings.noticeSentAt} is not null)::int as noticed,
      count(*) filter (where not ${meetings.recordedAfterwards} and ${meetings.noticeSentAt} is not null
        and ${meetings.lateNoticeReason} is null)::int as notice_on_time,
      coalesce(sum((select count(*) from ${conclusions} c where c.meeting_id = ${meetings.id})), 0)::int as conclusions
    from ${meetings}
    where ${meetings.committeeId} = any(${sql.param(committeeIds)}::uuid[]) and ${heldIn(from, to)}
    group by ${meetings.committeeId}`);
  return rows.map((r) => ({
    committeeId: r.committee_id as string,
    held: Number(r.held),
    byKind: Object.fromEntries(KINDS.map((k) => [k, Number(r[k])])) as Record<(typeof KINDS)[number], number>,
    noticed: Number(r.noticed),
    noticeOnTime: Number(r.notice_on_time),
    conclusions: Number(r.conclusions),
  }));
}

export type MeetingFigure = 'held' | 'noticed' | 'noticeOnTime' | 'conclusions' | (typeof KINDS)[number];
export const MEETING_KINDS = KINDS;

/** The meetings (or conclusions) a figure counts, for the drill-down. */
export async function findMeetingFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; figure: MeetingFigure },
) {
  const day = sql<string>`to_char(${meetings.startsAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  const base = sql`${meetings.committeeId} = ${q.committeeId} and ${heldIn(q.from, q.to)}`;
  if (q.figure === 'conclusions') {
    const { rows } = await db.execute<{ id: string; title: string; date: string }>(sql`
      select c.id, c.text as title, ${day} as date from ${conclusions} c join ${meetings} on ${meetings.id} = c.meeting_id
      where ${base} order by ${meetings.startsAt}, c.position limit 500`);
    return rows.map((r) => ({ ...r, kind: 'conclusion' }));
  }
  const extra =
    q.figure === 'held'
      ? sql`true`
      : q.figure === 'noticed'
        ? sql`not ${meetings.recordedAfterwards} and ${meetings.noticeSentAt} is not null`
        : q.figure === 'noticeOnTime'
          ? sql`not ${meetings.recordedAfterwards} and ${meetings.noticeSentAt} is not null and ${meetings.lateNoticeReason} is null`
          : sql`${meetings.kind} = ${q.figure}`;
  const { rows } = await db.execute<{ id: string; title: string; date: string }>(sql`
    select ${meetings.id} as id, ${meetings.title} as title, ${day} as date from ${meetings}
    where ${base} and ${extra} order by ${meetings.startsAt} limit 500`);
  return rows.map((r) => ({ ...r, kind: 'meeting' }));
}

/**
 * These people's attendance at the committee's meetings held in [from, to] (R17): present (checked in, or the
 * minute-taker), represented by a substitute, absent with the absence approved, or absent without leave.
 */
export async function findMemberAttendance(
  db: DbOrTx,
  committeeId: string,
  userIds: string[],
  from: string,
  to: string,
) {
  const { rows } = await db.execute<{
    user_id: string;
    meeting_id: string;
    title: string;
    date: string;
    outcome: 'present' | 'substitute' | 'approvedAbsence' | 'absentWithoutLeave';
  }>(sql`
    select a.user_id, ${meetings.id} as meeting_id, ${meetings.title} as title,
      (${meetings.startsAt} at time zone 'Asia/Ho_Chi_Minh')::date::text as date,
      case when a.checked_in_at is not null or a.minute_taker then 'present'
        when a.response = 'substitute' then 'substitute'
        when a.response = 'absent' and a.approval = 'approved' then 'approvedAbsence'
        else 'absentWithoutLeave' end as outcome
    from ${meetingAttendees} a join ${meetings} on ${meetings.id} = a.meeting_id
    where ${meetings.committeeId} = ${committeeId} and a.kind = 'member'
      and a.user_id = any(${sql.param(userIds)}::uuid[]) and ${heldIn(from, to)}
    order by ${meetings.startsAt}, ${meetings.id}`);
  return rows;
}
