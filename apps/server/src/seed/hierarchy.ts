import { addDays, defaultCalendar } from '@steerco/calendar';
import { DEFAULT_REPORT_FIELDS, DEFAULT_REPORT_OUTLINE } from '@steerco/contract/reports';
import { today } from '../clock.ts';
import type { Tx } from '../db/client.ts';
import { uuidv7 } from '../db/ids.ts';
import { conclusions, meetings } from '../modules/meetings/meetings.schema.ts';
import { periodsOf } from '../modules/reports/periods.ts';
import { reportPeriods, reportRegimeReporters, reportRegimes } from '../modules/reports/reports.schema.ts';
import { tasks } from '../modules/tasks/tasks.schema.ts';
import { administrativeUnits } from '../modules/units/units.schema.ts';

/**
 * The sample hierarchy above and beside Phúc La (all sample data, marked as such): the Hà Nội city committee
 * above Hà Đông, and four ward committees under Hà Đông beside Phúc La, each with a head, two meetings and a
 * handful of tasks dated from the clock's today, so that rollups and rankings have several children.
 */

export interface SeedUnit {
  id: string;
  path: string;
}

export const SAMPLE_WARDS = [
  { key: 'vq', code: 'MAU-VANQUAN', name: 'Văn Quán', head: 'Đinh Văn Quý' },
  { key: 'ml', code: 'MAU-MOLAO', name: 'Mộ Lao', head: 'Lương Thị Mai' },
  { key: 'qt', code: 'MAU-QUANGTRUNG', name: 'Quang Trung', head: 'Tạ Quang Trường' },
  { key: 'nt', code: 'MAU-NGUYENTRAI', name: 'Nguyễn Trãi', head: 'Phùng Thị Ngân' },
] as const;

export async function addCommuneUnit(tx: Tx, parent: SeedUnit, code: string, name: string) {
  const id = uuidv7();
  const path = `${parent.path}${id}/`;
  await tx.insert(administrativeUnits).values({
    id,
    level: 'commune',
    code,
    name,
    shortName: name.replace(/^Phường /, ''),
    parentId: parent.id,
    path,
    isSample: true,
  });
  return { id, path };
}

const vnAt = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const workingDayOnOrBefore = (day: string) =>
  defaultCalendar.isWorkingDay(day) ? day : defaultCalendar.previousWorkingDay(day);

/**
 * A ward's records: a quarterly meeting about a month ago (closed, two conclusions, its tasks), an ad hoc
 * meeting last week (held), tasks done on time, done late, overdue and open; `i` varies the figures per ward.
 */
export async function seedWardRecords(
  tx: Tx,
  w: { committeeId: string; unitId: string; headSeatId: string; headUserId: string; i: number },
) {
  const d = today();
  const quarterly = workingDayOnOrBefore(addDays(d, -30 - 7 * w.i));
  const adHoc = workingDayOnOrBefore(addDays(d, -6 - w.i));
  const m1 = uuidv7();
  const m2 = uuidv7();
  await tx.insert(meetings).values([
    {
      id: m1,
      committeeId: w.committeeId,
      kind: 'quarterly',
      title: 'Họp Ban Chỉ đạo định kỳ quý (dữ liệu mẫu)',
      status: 'closed',
      chairMembershipId: w.headSeatId,
      place: 'Hội trường UBND phường',
      startsAt: vnAt(quarterly, 8),
      endsAt: vnAt(quarterly, 10),
      noticeVersion: 1,
      noticeSentAt: vnAt(addDays(quarterly, -7), 9),
      createdBy: w.headUserId,
    },
    {
      id: m2,
      committeeId: w.committeeId,
      kind: 'adHoc',
      title: 'Họp đột xuất về Đề án 06 (dữ liệu mẫu)',
      status: 'held',
      chairMembershipId: w.headSeatId,
      place: 'Phòng họp UBND phường',
      startsAt: vnAt(adHoc, 14),
      endsAt: vnAt(adHoc, 16),
      noticeVersion: 1,
      // Every other ward sent this notice late (one day before), so the on-time rates differ.
      noticeSentAt: vnAt(addDays(adHoc, w.i % 2 === 0 ? -5 : -1), 9),
      createdBy: w.headUserId,
    },
  ]);
  const c1 = uuidv7();
  const c2 = uuidv7();
  await tx.insert(conclusions).values([
    {
      id: c1,
      meetingId: m1,
      position: 1,
      domain: 'CCHC',
      text: 'Rà soát thủ tục hành chính trực tuyến toàn trình.',
    },
    {
      id: c2,
      meetingId: m1,
      position: 2,
      domain: 'DA06',
      text: 'Đẩy mạnh kích hoạt tài khoản định danh điện tử.',
    },
  ]);
  const base = {
    committeeId: w.committeeId,
    leadUnitId: w.unitId,
    responsibleMembershipId: w.headSeatId,
    assignedBy: w.headUserId,
  };
  const fromMeeting = { sourceKind: 'conclusion' as const, meetingId: m1, sourceDate: quarterly };
  const rows: (typeof tasks.$inferInsert)[] = [
    {
      ...base,
      ...fromMeeting,
      id: uuidv7(),
      conclusionId: c1,
      domain: 'CCHC',
      title: 'Rà soát, công bố thủ tục hành chính trực tuyến toàn trình (dữ liệu mẫu)',
      deadline: addDays(quarterly, 20),
      originalDeadline: addDays(quarterly, 20),
      status: 'done',
      progress: 100,
      completedOn: addDays(quarterly, 10 + w.i),
      doneAt: vnAt(addDays(quarterly, 10 + w.i), 16),
    },
    {
      ...base,
      ...fromMeeting,
      id: uuidv7(),
      conclusionId: c2,
      domain: 'DA06',
      title: 'Kích hoạt tài khoản định danh điện tử mức 2 cho người dân (dữ liệu mẫu)',
      deadline: addDays(d, -2 - w.i),
      originalDeadline: addDays(d, -2 - w.i),
      status: 'inProgress',
      progress: 40 + 10 * w.i,
    },
    {
      ...base,
      ...fromMeeting,
      id: uuidv7(),
      conclusionId: c2,
      domain: 'CDS',
      title: 'Cập nhật dữ liệu dân cư lên nền tảng số của phường (dữ liệu mẫu)',
      deadline: addDays(d, 20 + w.i),
      originalDeadline: addDays(d, 20 + w.i),
      status: 'new',
    },
  ];
  if (w.i % 2 === 0) {
    rows.push({
      ...base,
      ...fromMeeting,
      id: uuidv7(),
      conclusionId: c1,
      domain: 'CCHC',
      title: 'Niêm yết công khai quy trình nội bộ giải quyết thủ tục hành chính (dữ liệu mẫu)',
      deadline: addDays(quarterly, 8),
      originalDeadline: addDays(quarterly, 8),
      status: 'done',
      progress: 100,
      completedOn: addDays(quarterly, 12),
      doneAt: vnAt(addDays(quarterly, 12), 16),
    });
  }
  if (w.i < 2) {
    rows.push({
      ...base,
      id: uuidv7(),
      sourceKind: 'adHoc',
      sourceDate: adHoc,
      domain: 'DA06',
      title: 'Tuyên truyền sử dụng ứng dụng VNeID tại tổ dân phố (dữ liệu mẫu)',
      deadline: addDays(adHoc, 30),
      originalDeadline: addDays(adHoc, 30),
      status: 'inProgress',
      progress: 20,
    });
  }
  await tx.insert(tasks).values(rows);
}

/**
 * The sample regimes Hà Đông (the level above the wards) issued to its wards: the quarterly, 6-month and annual
 * CCHC – CĐS – Đề án 06 reports, cut off as Decree 09 says, due on the 20th (quarterly and 6-month) or the 20th of
 * December, with the periods of this year and the next.
 */
export async function seedSampleRegimes(
  tx: Tx,
  issuerId: string,
  issuerUserId: string,
  reporterIds: string[],
) {
  const year = Number(today().slice(0, 4));
  for (const [frequency, name] of [
    ['quarterly', 'Báo cáo quý về CCHC, CĐS và Đề án 06 (dữ liệu mẫu)'],
    ['halfYear', 'Báo cáo 6 tháng về CCHC, CĐS và Đề án 06 (dữ liệu mẫu)'],
    ['annual', 'Báo cáo năm về CCHC, CĐS và Đề án 06 (dữ liệu mẫu)'],
  ] as const) {
    const id = uuidv7();
    const regime = { frequency, cutoffDay: 15, deadline: { kind: 'dayOfMonth' as const, day: 20 } };
    await tx.insert(reportRegimes).values({
      id,
      committeeId: issuerId,
      name,
      ...regime,
      outline: DEFAULT_REPORT_OUTLINE,
      fields: DEFAULT_REPORT_FIELDS,
      fromYear: year,
      isSample: true,
      createdBy: issuerUserId,
    });
    await tx
      .insert(reportRegimeReporters)
      .values(reporterIds.map((r) => ({ regimeId: id, reporterCommitteeId: r })));
    await tx.insert(reportPeriods).values(
      periodsOf(regime, year, year + 1, defaultCalendar).map((p) => ({
        id: uuidv7(),
        regimeId: id,
        kind: 'periodic' as const,
        code: p.code,
        label: p.label,
        fromDate: p.from,
        toDate: p.to,
        deadline: p.deadline,
        opensOn: p.opensOn,
      })),
    );
  }
}
