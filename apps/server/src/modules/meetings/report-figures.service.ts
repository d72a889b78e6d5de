import type { DbOrTx } from '../../db/client.ts';
import {
  countMeetingFigures,
  findMeetingFigureRecords,
  findMemberAttendance,
  MEETING_KINDS,
  type MeetingFigure,
} from './report-figures.repo.ts';

// The meetings' public figures for reports (R16): meetings held in a cut-off window and what came of them.

const FIGURES = ['held', 'noticed', 'noticeOnTime', 'conclusions', ...MEETING_KINDS] as const;
const KEY: Record<(typeof FIGURES)[number], string> = {
  held: 'meetings.held',
  noticed: 'meetings.noticed',
  noticeOnTime: 'meetings.noticeOnTime',
  conclusions: 'conclusions.issued',
  ...(Object.fromEntries(MEETING_KINDS.map((k) => [k, `meetings.held.${k}`])) as Record<
    (typeof MEETING_KINDS)[number],
    string
  >),
};

/** The figure keys this module answers. */
export const MEETING_FIGURE_KEYS = Object.values(KEY);

/**
 * Each committee's meeting figures for [from, to]: meetings held (by kind), those with a notice and those whose
 * notice went out on time (no late-notice reason), and the conclusions of those meetings.
 */
export async function meetingReportFigures(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const out = new Map<string, Record<string, number>>();
  for (const id of committeeIds)
    out.set(id, Object.fromEntries(MEETING_FIGURE_KEYS.map((k) => [k, 0] as [string, number])));
  if (!committeeIds.length) return out;
  for (const r of await countMeetingFigures(db, committeeIds, from, to)) {
    const f = out.get(r.committeeId)!;
    f[KEY.held] = r.held;
    f[KEY.noticed] = r.noticed;
    f[KEY.noticeOnTime] = r.noticeOnTime;
    f[KEY.conclusions] = r.conclusions;
    for (const k of MEETING_KINDS) f[KEY[k]] = r.byKind[k];
  }
  return out;
}

/** The meetings or conclusions a figure key counts, for the drill-down; null: not ours. */
export async function meetingFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; key: string },
) {
  const figure = (Object.entries(KEY) as [MeetingFigure, string][]).find(([, k]) => k === q.key)?.[0];
  if (!figure) return null;
  return findMeetingFigureRecords(db, { ...q, figure });
}

/** The meetings as a source of report figures (registered with the reports module in src/wiring.ts). */
export const meetingFigureSource = {
  name: 'meetings',
  counts: true,
  owns: (key: string) => MEETING_FIGURE_KEYS.includes(key),
  keys: () => MEETING_FIGURE_KEYS,
  figures: (db: DbOrTx, ids: string[], w: { from: string; to: string }) =>
    meetingReportFigures(db, ids, w.from, w.to),
  records: (db: DbOrTx, q: { committeeId: string; key: string; from: string; to: string }) =>
    meetingFigureRecords(db, q),
};

/**
 * These people's attendance at the committee's meetings held in [from, to], each meeting with its outcome
 * (present, substitute, approved absence, absent without leave): for the annual evaluation (R17).
 */
export async function memberAttendance(
  db: DbOrTx,
  q: { committeeId: string; userIds: string[]; from: string; to: string },
) {
  if (!q.userIds.length) return [];
  return findMemberAttendance(db, q.committeeId, q.userIds, q.from, q.to);
}
