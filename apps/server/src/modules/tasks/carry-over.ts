import { todayInVietnam } from '@steerco/contract/datetime';
import type { CarriedTask } from '@steerco/contract/tasks';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { getSettings } from '../committees/committees.service.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { assertManage, getMeeting, loadMeeting } from '../meetings/meetings.service.ts';
import { agendaCarriedTasks } from './carry-over.schema.ts';
import { deadlineWindow, derivedStatusOf, OPEN_SQL, selectTasks } from './tasks.repo.ts';
import { tasks } from './tasks.schema.ts';

/** The agenda section's title, as Vietnamese committees write it. */
export const CARRY_OVER_TITLE = 'Nhiệm vụ chưa hoàn thành từ các kỳ trước';
const PERIODIC = new Set(['quarterly', 'halfYearReview', 'annualReview']);
const MAX_CARRIED = 300;

/**
 * R8: the committee's tasks still open that were due by the meeting day — unfinished and overdue work the
 * periodic meeting must review — oldest deadline first.
 */
export async function proposeCarryOver(db: Db, actor: Actor, meetingId: string): Promise<CarriedTask[]> {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  const meetingDay = todayInVietnam(meeting.startsAt);
  const rows = await selectTasks(db)
    .where(
      and(
        eq(tasks.committeeId, meeting.committeeId),
        sql`${tasks.status} in ${OPEN_SQL}`,
        sql`${tasks.deadline} <= ${meetingDay}::date`,
      ),
    )
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .limit(MAX_CARRIED);
  const settings = await getSettings(db, meeting.committeeId);
  const window = deadlineWindow(await getWorkingCalendar(db), settings.taskDueSoonWorkingDays ?? 3);
  return rows.map((r) => ({
    taskId: r.t.id,
    title: r.t.title,
    leadName: r.leadUnitName ?? r.leadName ?? null,
    deadline: r.t.deadline,
    status: r.t.status,
    derivedStatus: derivedStatusOf(r.t, window),
    progress: r.t.progress,
  }));
}

/**
 * Puts the chosen open tasks (all proposed ones when none are named) into the meeting's carried-over agenda
 * section, created first in the agenda or replaced. Only while the meeting is being prepared: after the notice
 * the agenda is frozen (R9) and changes go through an amended notice.
 */
export async function applyCarryOver(db: Db, actor: Actor, meetingId: string, body: { taskIds?: string[] }) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  if (meeting.status !== 'draft') throw new AppError('meeting.noticeAlreadySent');
  if (!PERIODIC.has(meeting.kind)) throw new AppError('task.carryOverPeriodicOnly');
  const proposed = await proposeCarryOver(db, actor, meetingId);
  const chosen = body.taskIds
    ? body.taskIds.map((id) => {
        const found = proposed.find((p) => p.taskId === id);
        if (!found) {
          throw new AppError('task.notCarriable', {
            detail: 'Chỉ đưa vào được nhiệm vụ của Ban Chỉ đạo chưa hoàn thành và đến hạn trước ngày họp.',
          });
        }
        return found;
      })
    : proposed;
  await db.transaction(async (tx) => {
    // One section per meeting: the old one goes (its links cascade), the new one is first in the agenda.
    await tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.carriedOver, true)));
    if (chosen.length) {
      const [first] = await tx
        .select({ n: sql<number>`coalesce(min(${agendaItems.position}), 1)::int` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId));
      const itemId = uuidv7();
      await tx.insert(agendaItems).values({
        id: itemId,
        meetingId,
        position: (first?.n ?? 1) - 1,
        title: CARRY_OVER_TITLE,
        presenter: 'Cơ quan thường trực',
        takesOpinions: false,
        carriedOver: true,
      });
      await tx.insert(agendaCarriedTasks).values(
        chosen.map((c, i) => ({
          agendaItemId: itemId,
          taskId: c.taskId,
          position: i + 1,
          status: c.status,
          derivedStatus: c.derivedStatus,
          deadline: c.deadline,
        })),
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.carryOver',
      entityType: 'meeting',
      entityId: meetingId,
      data: { taskIds: chosen.map((c) => c.taskId) },
    });
  });
  return getMeeting(db, actor, meetingId);
}
