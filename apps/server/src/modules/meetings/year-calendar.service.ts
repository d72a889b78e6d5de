import { MEETING_KIND_LABELS, type MeetingKind } from '@steerco/contract/meetings';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { getSettings } from '../committees/committees.service.ts';
import { createMeeting } from './lifecycle.service.ts';
import { vnDate } from './meeting-time.ts';
import { assertManage } from './meetings.policy.ts';
import { findPeriodicStarts } from './meetings.repo.ts';

// ——— Yearly meeting calendar (R8) ———

const QUARTER_PLAN: {
  quarter: number;
  month: number;
  kind: MeetingKind;
  setting: 'quarterly' | 'halfYearReview' | 'annualReview';
}[] = [
  { quarter: 1, month: 3, kind: 'quarterly', setting: 'quarterly' },
  { quarter: 2, month: 6, kind: 'halfYearReview', setting: 'halfYearReview' },
  { quarter: 3, month: 9, kind: 'quarterly', setting: 'quarterly' },
  { quarter: 4, month: 12, kind: 'annualReview', setting: 'annualReview' },
];
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * Drafts the year's periodic meetings from the committee's settings (R8): one per quarter, the second being
 * the six-month review and the fourth the annual review, on the first working day from the 20th of the
 * quarter's last month, 14:00. Quarters that already have a periodic meeting, or whose day has passed, are left
 * alone.
 */
export async function generateYearCalendar(db: Db, actor: Actor, committeeId: string, year: number) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertManage(actor, access);
  const settings = await getSettings(db, committeeId);
  const calendar = await getWorkingCalendar(db);
  const existing = await findPeriodicStarts(db, committeeId, year);
  const taken = new Set(existing.map((s) => Math.floor(Number(vnDate(s).slice(5, 7)) / 3.01) + 1));
  const created: string[] = [];
  for (const plan of QUARTER_PLAN) {
    if (taken.has(plan.quarter)) continue;
    const wanted = settings.meetingCadence[plan.setting]
      ? plan.kind
      : settings.meetingCadence.quarterly
        ? 'quarterly'
        : null;
    if (!wanted) continue;
    const twentieth = `${year}-${String(plan.month).padStart(2, '0')}-20`;
    const day = calendar.addWorkingDays(twentieth, 0);
    // A quarter whose meeting day has passed is not planned: a meeting held then is recorded afterwards.
    if (new Date(`${day}T14:00:00+07:00`) <= clock.now()) continue;
    const label = {
      quarterly: `Họp định kỳ quý ${ROMAN[plan.quarter - 1]} năm ${year}`,
      halfYearReview: `Sơ kết 6 tháng đầu năm ${year}`,
      annualReview: `Tổng kết năm ${year}`,
    }[wanted as 'quarterly' | 'halfYearReview' | 'annualReview'];
    const meeting = await createMeeting(db, actor, {
      committeeId,
      kind: wanted,
      title: label ?? MEETING_KIND_LABELS[wanted],
      startsAt: `${day}T14:00:00+07:00`,
      endsAt: `${day}T16:30:00+07:00`,
    });
    created.push(meeting.id);
  }
  return { created };
}
