import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { replaceCarriedOverItem } from './agenda.repo.ts';
import { loadMeeting } from './meeting-access.service.ts';
import { assertManage } from './meetings.policy.ts';

// The meetings module's public entry: what other modules may ask of a meeting (the documents drafted from it,
// the follow-up's carried-over tasks). Its use cases live in files of one purpose each: lifecycle, notices,
// answers, attendance, opinions, minutes, approval, year-calendar, reads (README "Module rules").

export { attendanceOf, getAttendance } from './attendance.service.ts';
export { meetingsBetween } from './feed.service.ts';
export { meetingsWaitingFor } from './inbox.service.ts';
export {
  attendanceFacts,
  conclusionsOf,
  meetingTimeline,
  minutesSubmitter,
} from './meeting-facts.service.ts';
export { getMinutes, minutesOf } from './minutes.service.ts';
export { agendaOf, getMeeting } from './reads.service.ts';

/** The meeting, for the standing agency that prepares it (404 if the actor may not see it, 403 if not manage it). */
export async function loadMeetingToManage(db: Db, actor: Actor, meetingId: string) {
  const loaded = await loadMeeting(db, actor, meetingId);
  assertManage(actor, loaded.access);
  return loaded;
}

/**
 * R8: the meeting's carried-over agenda section replaced: the old one goes (with its links to tasks), a new one,
 * when `section` is given, comes first in the agenda. Returns the new item's id, for the tasks it carries.
 */
export async function replaceCarriedOverSection(
  tx: DbOrTx,
  meetingId: string,
  section: { title: string; presenter: string } | null,
) {
  return replaceCarriedOverItem(tx, meetingId, section);
}
