import type { StoredFile as FileDto } from '@steerco/contract/files';
import type { AgendaItem, Attendee, Meeting, MeetingDetail } from '@steerco/contract/meetings';
import type { RuleSettings } from '@steerco/contract/regulation';
import * as clock from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { getSettings } from '../committees/committees.service.ts';
import { fileDtos } from '../files/files.service.ts';
import { carriedTasksOfItems } from '../tasks/carried-tasks.service.ts';
import { findAgendaDocumentIds, findAgendaItems } from './agenda.repo.ts';
import { findAttendeeDtos } from './attendees.repo.ts';
import { noticeWindow } from './deadlines.service.ts';
import { latestLateNoticeRequest } from './late-notice.repo.ts';
import { actorChairs, loadMeeting } from './meeting-access.service.ts';
import { checkInOpensAt } from './meeting-time.ts';
import { canManage } from './meetings.policy.ts';
import { findMeetingNames, findMeetings, findNotices, toMeetingDto } from './meetings.repo.ts';

// What the meeting pages read: the list of meetings, and one meeting with its agenda, attendees and notices.

export async function listMeetings(
  db: Db,
  actor: Actor,
  query: { committeeId?: string; from?: string; to?: string; mine?: string },
) {
  if (query.committeeId) await loadCommitteeAccess(db, actor, query.committeeId);
  const rows = await findMeetings(db, {
    committeeId: query.committeeId,
    // Without a committee: the meetings the actor is invited to.
    invitedUserId: query.mine === 'true' || !query.committeeId ? actor.userId : undefined,
    from: query.from,
    to: query.to,
  });
  const settingsOf = new Map<string, RuleSettings>();
  const calendar = await getWorkingCalendar(db);
  const now = clock.now();
  const items: Meeting[] = [];
  for (const m of rows) {
    if (!settingsOf.has(m.committeeId)) settingsOf.set(m.committeeId, await getSettings(db, m.committeeId));
    items.push(toMeetingDto(m, settingsOf.get(m.committeeId)!, calendar, now));
  }
  return { items };
}

/** The documents of each agenda item of a meeting, in the order they were attached. */
export async function agendaDocumentsOf(db: DbOrTx, itemIds: string[]): Promise<Map<string, FileDto[]>> {
  const byItem = new Map<string, FileDto[]>();
  if (!itemIds.length) return byItem;
  const links = await findAgendaDocumentIds(db, itemIds);
  const files = await fileDtos(
    db,
    links.map((l) => l.fileId),
  );
  for (const { itemId, fileId } of links) {
    const file = files.get(fileId);
    if (!file) continue;
    const list = byItem.get(itemId) ?? [];
    list.push(file);
    byItem.set(itemId, list);
  }
  return byItem;
}

/** The agenda in its order, each item with its documents and the tasks carried into it (R8). */
export async function agendaOf(db: DbOrTx, meetingId: string): Promise<AgendaItem[]> {
  const rows = await findAgendaItems(db, meetingId);
  const [documents, carried] = await Promise.all([
    agendaDocumentsOf(
      db,
      rows.map((r) => r.id),
    ),
    carriedTasksOfItems(
      db,
      rows.filter((r) => r.carriedOver).map((r) => r.id),
    ),
  ]);
  return rows.map(({ meetingId: _m, ...r }) => ({
    ...r,
    documents: documents.get(r.id) ?? [],
    carriedTasks: carried.get(r.id) ?? [],
  }));
}

/** The meeting page: the meeting, its agenda, attendees and their answers, notices, and what the actor may do. */
export async function getMeeting(db: Db, actor: Actor, meetingId: string): Promise<MeetingDetail> {
  const { meeting, access, myAttendeeId } = await loadMeeting(db, actor, meetingId);
  const settings = await getSettings(db, meeting.committeeId);
  const calendar = await getWorkingCalendar(db);
  const names = await findMeetingNames(db, meetingId);
  const [agenda, attendees, window, lateNoticeRequest, notices] = await Promise.all([
    agendaOf(db, meetingId),
    findAttendeeDtos(db, meetingId),
    noticeWindow(db, meeting, settings.noticeLeadWorkingDays),
    latestLateNoticeRequest(db, meetingId),
    findNotices(db, meetingId),
  ]);
  const count = (f: (a: Attendee) => boolean) => attendees.filter(f).length;
  const isChair = await actorChairs(db, actor, meeting);
  const opensAt = checkInOpensAt(meeting.startsAt, settings.checkInOpensMinutes ?? 60);
  const now = clock.now();
  return {
    ...toMeetingDto({ ...meeting, ...names }, settings, calendar, now),
    agenda,
    attendees,
    roll: {
      attend: count((a) => a.response === 'attend'),
      absent: count((a) => a.response === 'absent'),
      substitutePending: count((a) => a.response === 'substitute' && a.approval === 'pending'),
      noAnswer: count((a) => !a.response),
    },
    notice: {
      leadWorkingDays: settings.noticeLeadWorkingDays,
      latestOnTimeDate: window.latest,
      late: window.late,
      workingDaysLeft: window.given,
    },
    lateNoticeRequest,
    checkIn: {
      opensAt: opensAt.toISOString(),
      open:
        (meeting.recordedAfterwards || now >= opensAt) &&
        (meeting.status === 'noticeSent' || meeting.status === 'held'),
    },
    notices,
    myAttendeeId,
    myPermissions: [
      ...(canManage(actor, access) ? ['meeting.manage'] : []),
      ...(isChair ? ['meeting.chair', 'absence.approve'] : []),
    ],
  };
}
