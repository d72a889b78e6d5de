import type { Schedule, ScheduleQuery } from '@steerco/contract/schedule';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { meetingsBetween } from '../meetings/meetings.service.ts';
import { deadlinesBetween } from '../tasks/schedule.service.ts';

const vnMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
const dayAfter = (date: string) => new Date(vnMidnight(date).getTime() + 86_400_000);

/**
 * Lịch công tác tuần / tháng (issue 19): the meetings (noticed, held, closed, cancelled) and the open tasks'
 * deadlines between two dates, of the committees the person may see — or of one, which must be visible (404).
 */
export async function scheduleOf(db: Db, actor: Actor, q: ScheduleQuery): Promise<Schedule> {
  if (q.committeeId) await loadCommitteeAccess(db, actor, q.committeeId);
  const [meetings, deadlines] = await Promise.all([
    meetingsBetween(db, actor, { from: vnMidnight(q.from), to: dayAfter(q.to), committeeId: q.committeeId }),
    deadlinesBetween(db, actor, q.from, q.to, q.committeeId),
  ]);
  return {
    meetings: meetings.map((m) => ({
      ...m,
      startsAt: new Date(m.startsAt).toISOString(),
      endsAt: new Date(m.endsAt).toISOString(),
    })),
    deadlines,
  };
}
