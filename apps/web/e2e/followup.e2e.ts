import { WorkingCalendar } from '@steerco/calendar';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import {
  addDays,
  apiAs,
  journey,
  resetServerClock,
  serverNow,
  setServerClock,
  testToday,
  tinyPdf,
  url,
  vn,
} from './harness.ts';
import { choose, noToasts, signIn, toast } from './session.ts';

/*
 * Follow-up of conclusions (issue #8) on the Phúc La demo. The meeting and its approved conclusions are set up
 * through the API (the meetings journey covers their screens): a thematic meeting on the Q3 results later this
 * morning, whose conclusions give Thiều Phương Anh (anh.tp) two tasks, approved by the chair (hang.ntt) once the
 * meeting has started (the server's clock moves there, and back at the end). Then in the browser:
 * the member finds them in "Nhiệm vụ của tôi", posts progress with a file and reports one done; the secretary
 * (huan.vt) returns it with a reason; the member reports it done again; the head confirms it, and the
 * secretary's stale attempt to return it is refused with the server's reason; the dashboard counters move.
 * The secretary then reads the committee's list with filters, its statistics and Excel export, and assigns an
 * ad-hoc task (R1: one lead member).
 */

const COMMITTEE = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La';
const MEMBER_NAME = 'Thiều Phương Anh';
const MEETING_TITLE = 'Họp chuyên đề đánh giá kết quả thực hiện kết luận quý III năm 2026';
const TASK_SOON = 'Tổng hợp kết quả tuyên truyền ứng dụng VNeID tại các tổ dân phố';
const TASK_LATER = 'Hướng dẫn người dân nộp hồ sơ dịch vụ công trực tuyến toàn trình';
const PROGRESS_TEXT = 'Đã tổng hợp số liệu của 12/15 tổ dân phố; còn 3 tổ đang rà soát.';
const RETURN_REASON = 'Báo cáo còn thiếu số liệu của tổ dân phố số 7, 9 và 11; đề nghị bổ sung.';
const COMMENT = 'Tổ dân phố số 3 đề nghị lùi lịch hướng dẫn sang tháng 01/2027.';
const EXTENSION_REASON = 'Chờ Công an phường hoàn tất cấp tài khoản định danh mức 2 cho các hộ còn lại.';
const DIRECTIVE_NUMBER = '215/UBND-VP';
const DIRECTIVE_TASK = 'Triển khai thanh toán không dùng tiền mặt tại bộ phận một cửa phường';
const AD_HOC_TASK = 'Rà soát danh mục thủ tục hành chính tiếp nhận trực tuyến tại bộ phận một cửa';
const DISTRICT = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 quận Hà Đông';
const CASCADE_TASK = 'Rà soát, làm sạch dữ liệu dân cư phục vụ cấp tài khoản định danh điện tử';

const j = journey('followup');
let member: Page;
let secretary: Page;
let head: Page;

let committeeId = '';
let soonTaskUrl = '';
let laterTaskUrl = '';
const before = { open: 0, dueSoon: 0 };

const today = testToday;
const LATER_DEADLINE = addDays(today, 45);
const EXTENDED = addDays(today, 75);

/** The value a dashboard counter shows, once loaded. */
async function counter(page: Page, name: 'open' | 'dueSoon' | 'overdue' | 'reviewer'): Promise<number> {
  const value = page.getByRole('region', { name: 'Nhiệm vụ của tôi' }).locator(`[data-counter="${name}"]`);
  await value.waitFor();
  return Number(await value.textContent());
}

/** The task page's header badges and the story below. */
const timeline = (page: Page) => page.getByRole('region', { name: 'Diễn biến' });
const actions = (page: Page) => page.getByRole('region', { name: 'Thao tác' });

beforeAll(async () => {
  member = await j.openPage();
  secretary = await j.openPage();
  head = await j.openPage();
});
// The journeys share one server and run in name order: the next one starts from the run's clock again.
afterAll(() => resetServerClock());

describe('follow-up of the Q3 conclusions of BCĐ phường Phúc La', () => {
  it('turns the approved conclusions into tasks for the member (set up through the API)', async () => {
    j.current = member;
    await signIn(member, 'anh.tp');
    before.open = await counter(member, 'open');
    before.dueSoon = await counter(member, 'dueSoon');

    await signIn(secretary, 'huan.vt');
    await signIn(head, 'hang.ntt');
    const committees = (await apiAs(secretary, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; name: string }[];
    };
    committeeId = committees.items.find((c) => c.name === COMMITTEE)!.id;
    const members = (await apiAs(secretary, 'GET', `/api/v1/committees/${committeeId}/members`)) as {
      items: { id: string; fullName: string }[];
    };
    const anh = members.items.find((m) => m.fullName === MEMBER_NAME)!;

    // Half an hour from now, today: the notice is late (R9), so the chair sends it with the reason; on a day
    // off (the run's clock may say Tết) the chair schedules it herself, with the reason too.
    const day = today;
    const startsAt = new Date((await serverNow()).getTime() + 30 * 60_000);
    const meeting = await apiAs(head, 'POST', '/api/v1/meetings', {
      committeeId,
      kind: 'thematic',
      title: MEETING_TITLE,
      place: 'Phòng họp UBND phường Phúc La',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      ...(new WorkingCalendar().isWorkingDay(day)
        ? {}
        : { dayOffReason: 'Họp chuyên đề theo chỉ đạo của Trưởng Ban' }),
    });
    const m = `/api/v1/meetings/${meeting.id}`;
    await apiAs(secretary, 'POST', `${m}/agenda`, { title: 'Kết quả thực hiện kết luận quý III' });
    await apiAs(head, 'POST', `${m}/notice`, { lateReason: 'Họp chuyên đề theo chỉ đạo của Trưởng Ban' });
    // Minutes and conclusions drafted before the meeting.
    await apiAs(secretary, 'PUT', `${m}/minutes`, {
      summary: 'Ban Chỉ đạo đánh giá kết quả quý III, giao nhiệm vụ cho quý IV.',
      notes: [],
    });
    await apiAs(secretary, 'PUT', `${m}/conclusions`, {
      items: [
        {
          text: 'Đẩy mạnh tuyên truyền ứng dụng VNeID và dịch vụ công trực tuyến toàn trình.',
          domain: 'DA06',
          tasks: [
            // Due today: "sắp đến hạn" from the start.
            { title: TASK_SOON, leadMembershipId: anh.id, deadline: day },
            { title: TASK_LATER, leadMembershipId: anh.id, deadline: LATER_DEADLINE },
          ],
        },
      ],
    });
    // The meeting starts: the minutes go to the chair, who approves them the same morning.
    await setServerClock(new Date(startsAt.getTime() + 10 * 60_000).toISOString());
    await apiAs(secretary, 'POST', `${m}/minutes/submit`);
    // The chair approves: the conclusions lock, and their task proposals become tasks assigned today.
    await apiAs(head, 'POST', `${m}/minutes/approve`);
    const list = (await apiAs(
      secretary,
      'GET',
      `/api/v1/committees/${committeeId}/tasks?source=conclusion&q=${encodeURIComponent('VNeID')}`,
    )) as { items: { title: string; meetingId: string }[] };
    expect(list.items.map((t) => t.title)).toContain(TASK_SOON);
    expect(list.items.find((t) => t.title === TASK_SOON)?.meetingId).toBe(meeting.id);
  });

  it('shows the member her new tasks in "Nhiệm vụ của tôi", with the counters up', async () => {
    j.current = member;
    await member.goto(url('/'));
    await expect.poll(() => counter(member, 'open')).toBe(before.open + 2);
    expect(await counter(member, 'dueSoon')).toBe(before.dueSoon + 1);
    await noToasts(member);
    await saveScreenshot(member, 'followup-dashboard-before');

    await member
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Nhiệm vụ' })
      .click();
    await member.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
    const list = member.getByRole('list', { name: 'Danh sách nhiệm vụ' });
    await list.getByRole('link', { name: TASK_SOON }).waitFor();
    await list.getByRole('link', { name: TASK_LATER }).waitFor();
    const soon = list.getByRole('listitem', { name: TASK_SOON });
    await soon.getByText('Sắp đến hạn').waitFor();
    await soon.getByText('Mới giao').waitFor();

    // The "due soon" counter filters the list to that display status.
    await member.getByRole('button', { name: /^Lọc: Sắp đến hạn/ }).click();
    await member.waitForURL(/derived=dueSoon/);
    await list.getByRole('link', { name: TASK_SOON }).waitFor();
    await expect.poll(() => list.getByRole('link', { name: TASK_LATER }).count()).toBe(0);
    await saveScreenshot(member, 'followup-my-tasks-desktop');
    const phone = await j.phoneOf(member);
    await phone.goto(url('/nhiem-vu'));
    await phone
      .getByRole('list', { name: 'Danh sách nhiệm vụ' })
      .getByRole('link', { name: TASK_SOON })
      .waitFor();
    await saveScreenshot(phone, 'followup-my-tasks-mobile');
  });

  it('lets the member post progress with an evidence file, then report the task done', async () => {
    j.current = member;
    await member
      .getByRole('list', { name: 'Danh sách nhiệm vụ' })
      .getByRole('link', { name: TASK_SOON })
      .click();
    await member.getByRole('heading', { name: TASK_SOON, level: 1 }).waitFor();
    soonTaskUrl = new URL(member.url()).pathname;
    // The source is the meeting's conclusions.
    await member.getByRole('link', { name: 'Kết luận cuộc họp – xem cuộc họp' }).waitFor();

    await actions(member).getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    let dialog = member.getByRole('dialog', { name: 'Báo cáo tiến độ' });
    await dialog.getByLabel('Mức độ hoàn thành (%)').fill('80');
    await dialog.getByLabel('Kết quả thực hiện').fill(PROGRESS_TEXT);
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'bao-cao-tuyen-truyen-vneid.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('Bao cao tuyen truyen VNeID'),
    });
    await dialog.getByText('bao-cao-tuyen-truyen-vneid.pdf').waitFor();
    await saveScreenshot(member, 'followup-progress-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await toast(member, 'Đã gửi báo cáo tiến độ');
    await timeline(member).getByText('Báo cáo tiến độ 80%').waitFor();
    await timeline(member).getByText(PROGRESS_TEXT).waitFor();
    await timeline(member)
      .getByRole('link', { name: /bao-cao-tuyen-truyen-vneid\.pdf/ })
      .waitFor();
    // The first report starts the task.
    await timeline(member).getByText('Bắt đầu thực hiện').waitFor();

    await actions(member).getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    dialog = member.getByRole('dialog', { name: 'Báo cáo hoàn thành' });
    await dialog.getByLabel('Ghi chú').fill('Gửi kèm báo cáo tổng hợp.');
    await dialog.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await toast(member, 'Đã cập nhật nhiệm vụ');
    await member.getByRole('main').getByText('Đã báo cáo hoàn thành', { exact: true }).waitFor();
    // Waiting for review: nothing more to report.
    await expect
      .poll(() => actions(member).getByRole('button', { name: 'Báo cáo hoàn thành' }).count())
      .toBe(0);
    await noToasts(member);
    await saveScreenshot(member, 'followup-task-submitted-desktop');
  });

  it('lets the secretary return the report with a reason, from her review queue', async () => {
    j.current = secretary;
    await secretary.goto(url('/nhiem-vu'));
    await secretary.getByRole('button', { name: /^Lọc: Chờ tôi xem xét/ }).click();
    await secretary.waitForURL(/role=reviewer/);
    await secretary
      .getByRole('list', { name: 'Danh sách nhiệm vụ' })
      .getByRole('link', { name: TASK_SOON })
      .click();
    await secretary.getByRole('heading', { name: TASK_SOON, level: 1 }).waitFor();
    await actions(secretary).getByRole('button', { name: 'Trả lại' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Trả lại' });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Vui lòng nhập thông tin này').waitFor();
    await dialog.getByLabel('Lý do').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await toast(secretary, 'Đã cập nhật nhiệm vụ');
    await secretary.getByRole('main').getByText('Bị trả lại', { exact: true }).waitFor();
    await timeline(secretary).getByText(`Lý do: ${RETURN_REASON}`).waitFor();
  });

  it('lets the member see the reason and report the task done again', async () => {
    j.current = member;
    await member.goto(url(soonTaskUrl));
    await member.getByRole('main').getByText('Bị trả lại', { exact: true }).waitFor();
    await timeline(member).getByText(`Lý do: ${RETURN_REASON}`).waitFor();

    await actions(member).getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    let dialog = member.getByRole('dialog', { name: 'Báo cáo tiến độ' });
    await dialog.getByLabel('Mức độ hoàn thành (%)').fill('100');
    await dialog.getByLabel('Kết quả thực hiện').fill('Đã bổ sung số liệu của các tổ dân phố số 7, 9 và 11.');
    await dialog.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await timeline(member).getByText('Báo cáo tiến độ 100%').waitFor();

    await actions(member).getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    dialog = member.getByRole('dialog', { name: 'Báo cáo hoàn thành' });
    await dialog.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await member.getByRole('main').getByText('Đã báo cáo hoàn thành', { exact: true }).waitFor();
  });

  it('lets the head confirm it; the secretary’s stale return is refused with the server’s reason', async () => {
    j.current = secretary;
    // The secretary opens the report to review it …
    await secretary.goto(url(soonTaskUrl));
    await actions(secretary).getByRole('button', { name: 'Xác nhận hoàn thành' }).waitFor();

    // … while the head confirms it first.
    j.current = head;
    await head.goto(url(soonTaskUrl));
    await actions(head).getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    const confirm = head.getByRole('dialog', { name: 'Xác nhận hoàn thành' });
    await confirm.getByLabel('Ghi chú').fill('Đạt yêu cầu.');
    await confirm.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await head.getByRole('main').getByText('Hoàn thành', { exact: true }).waitFor();
    await timeline(head).getByText('Xác nhận hoàn thành').waitFor();

    j.current = secretary;
    await actions(secretary).getByRole('button', { name: 'Trả lại' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Trả lại' });
    await dialog.getByLabel('Lý do').fill('Cần bổ sung thêm ảnh minh chứng.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Trạng thái hiện tại của nhiệm vụ không cho phép thao tác này')
      .waitFor();
    await dialog.getByRole('alert').getByText('Nhiệm vụ đang ở trạng thái “Hoàn thành”.').waitFor();
    await saveScreenshot(secretary, 'followup-refused-return', { fullPage: false });
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click();
    await secretary.reload();
    await secretary.getByRole('main').getByText('Hoàn thành', { exact: true }).waitFor();
    await expect.poll(() => actions(secretary).getByRole('button').count()).toBe(0);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'followup-task-done-desktop');
    const phone = await j.phoneOf(secretary);
    await phone.goto(url(soonTaskUrl));
    await phone.getByRole('heading', { name: TASK_SOON, level: 1 }).waitFor();
    await saveScreenshot(phone, 'followup-task-done-mobile');
  });

  it('moves the member’s dashboard counters', async () => {
    j.current = member;
    await member.goto(url('/'));
    await expect.poll(() => counter(member, 'open')).toBe(before.open + 1);
    expect(await counter(member, 'dueSoon')).toBe(before.dueSoon);
    await saveScreenshot(member, 'followup-dashboard-after');
    const phone = await j.phoneOf(member);
    await phone.goto(url('/'));
    await counter(phone, 'open');
    await saveScreenshot(phone, 'followup-dashboard-mobile');
  });

  it('lets the member ask for more time with a comment to the secretary; the head grants it', async () => {
    j.current = member;
    await member.goto(url('/nhiem-vu'));
    await member
      .getByRole('list', { name: 'Danh sách nhiệm vụ' })
      .getByRole('link', { name: TASK_LATER })
      .click();
    await member.getByRole('heading', { name: TASK_LATER, level: 1 }).waitFor();
    laterTaskUrl = new URL(member.url()).pathname;

    // A comment with an @mention: the secretary is notified.
    await member.getByLabel('Nội dung trao đổi').fill(COMMENT);
    await choose(member, member.getByRole('textbox', { name: 'Nhắc đến (@)' }), 'Vũ Trọng Huân');
    await member.keyboard.press('Escape');
    await member.getByRole('button', { name: 'Gửi trao đổi' }).click();
    await toast(member, 'Đã gửi trao đổi');
    await timeline(member).getByText(COMMENT).waitFor();
    await timeline(member).getByText('Nhắc đến: @Vũ Trọng Huân').waitFor();

    await actions(member).getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const dialog = member.getByRole('dialog', { name: 'Đề nghị gia hạn' });
    const proposed = dialog.getByLabel('Đề nghị hạn mới');
    await proposed.fill(vn(EXTENDED));
    await proposed.blur();
    await dialog.getByLabel('Lý do').fill(EXTENSION_REASON);
    await dialog.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await member.getByRole('main').getByText('Đề nghị gia hạn', { exact: true }).first().waitFor();
    await member.getByText(`Đề nghị gia hạn đến ${vn(EXTENDED)}`).waitFor();

    j.current = head;
    await head.goto(url(laterTaskUrl));
    await actions(head).getByRole('button', { name: 'Quyết định gia hạn' }).click();
    const decide = head.getByRole('dialog', { name: 'Quyết định gia hạn' });
    await decide
      .getByText(`Đề nghị gia hạn đến ${vn(EXTENDED)} (hạn hiện tại ${vn(LATER_DEADLINE)}).`)
      .waitFor();
    await decide
      .getByRole('radiogroup', { name: 'Quyết định' })
      .getByText('Đồng ý gia hạn', { exact: true })
      .click();
    await decide.getByRole('button', { name: 'Quyết định gia hạn' }).click();
    await toast(head, 'Đã cập nhật nhiệm vụ');
    // The deadline moves; the original one is kept next to it.
    await head.getByText(`hạn ban đầu ${vn(LATER_DEADLINE)}`).waitFor();
    await timeline(head)
      .getByText(`Hạn: ${vn(LATER_DEADLINE)} → ${vn(EXTENDED)}`)
      .waitFor();
    await head.getByRole('main').getByText('Mới giao', { exact: true }).first().waitFor();
    await noToasts(head);
    await saveScreenshot(head, 'followup-extension-granted-desktop');

    j.current = secretary;
    const secretaryBell = await apiAs(secretary, 'GET', '/api/v1/notifications');
    expect(JSON.stringify(secretaryBell)).toContain('nhắc đến bạn');
  });

  it('gives the secretary the committee’s list with filters, statistics and the Excel export', async () => {
    j.current = secretary;
    // From the committee's page to its tasks, then back to mine and over again by the tabs.
    await secretary.goto(url(`/ban-chi-dao/${committeeId}`));
    await secretary.getByRole('link', { name: 'Nhiệm vụ của Ban Chỉ đạo' }).click();
    await secretary.waitForURL(new RegExp(`/nhiem-vu\\?ban=${committeeId}`));
    await secretary.getByRole('tab', { name: 'Nhiệm vụ của tôi' }).click();
    await expect.poll(() => new URL(secretary.url()).search).toBe('');
    await secretary.getByRole('tab', { name: 'Nhiệm vụ của Ban Chỉ đạo' }).click();
    await secretary.waitForURL(new RegExp(`ban=${committeeId}`));
    await choose(secretary, secretary.getByRole('textbox', { name: 'Nguồn giao' }), 'Kết luận cuộc họp');
    await choose(secretary, secretary.getByRole('textbox', { name: 'Trạng thái' }), 'Tất cả trạng thái');
    await choose(secretary, secretary.getByRole('textbox', { name: 'Thành viên' }), MEMBER_NAME);
    await secretary.waitForURL(/source=conclusion/);
    const list = secretary.getByRole('list', { name: 'Danh sách nhiệm vụ' });
    await list.getByRole('link', { name: TASK_SOON }).waitFor();
    await list.getByRole('link', { name: TASK_LATER }).waitFor();
    await list.getByRole('listitem', { name: TASK_SOON }).getByText('Hoàn thành đúng hạn').waitFor();

    const byMember = secretary.getByRole('table', { name: 'Theo thành viên' });
    const row = byMember.getByRole('row', { name: new RegExp(MEMBER_NAME) });
    await row.waitFor();
    // Assigned, done, on time, late, overdue, open.
    const cells = await row.getByRole('cell').allTextContents();
    expect(Number(cells[1])).toBeGreaterThanOrEqual(2);
    expect(Number(cells[2])).toBeGreaterThanOrEqual(1);

    const href = await secretary.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    expect(href).toContain('source=conclusion');
    const response = await secretary.request.get(url(href!));
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const cellsText = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(cellsText).toContain(TASK_SOON);
    expect(cellsText).toContain(TASK_LATER);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'followup-committee-desktop');
    const phone = await j.phoneOf(secretary);
    await phone.goto(url(new URL(secretary.url()).pathname + new URL(secretary.url()).search));
    await phone
      .getByRole('list', { name: 'Danh sách nhiệm vụ' })
      .getByRole('link', { name: TASK_SOON })
      .waitFor();
    await saveScreenshot(phone, 'followup-committee-mobile');
  });

  it('lets the secretary assign an ad-hoc task to one member (R1)', async () => {
    j.current = secretary;
    await secretary.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Giao nhiệm vụ' });
    await dialog.getByLabel('Tên nhiệm vụ').fill(AD_HOC_TASK);
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    // Without a lead the form says so before asking the server.
    await dialog.getByText('Chọn đơn vị hoặc thành viên chủ trì').waitFor();
    await dialog
      .getByRole('radiogroup', { name: 'Chủ trì' })
      .getByText('Thành viên chủ trì', { exact: true })
      .click();
    await choose(secretary, dialog.getByRole('textbox', { name: 'Thành viên chủ trì' }), MEMBER_NAME);
    await dialog
      .getByRole('radiogroup', { name: 'Thời hạn' })
      .getByText('Số ngày làm việc', { exact: true })
      .click();
    await dialog.getByLabel('Số ngày làm việc kể từ ngày giao').fill('5');
    await dialog.getByLabel('Sản phẩm').fill('Danh mục thủ tục đã rà soát');
    await saveScreenshot(secretary, 'followup-create-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await toast(secretary, 'Đã giao nhiệm vụ');
    await secretary.getByRole('heading', { name: AD_HOC_TASK, level: 1 }).waitFor();
    await secretary.getByRole('main').getByText('Giao đột xuất').waitFor();
    await timeline(secretary).getByText('Giao nhiệm vụ').first().waitFor();
  });

  it('lets the secretary hand the ad-hoc task to a unit instead, the reason kept in its history', async () => {
    j.current = secretary;
    await actions(secretary).getByRole('button', { name: 'Sửa, giao lại' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Sửa, giao lại' });
    await dialog
      .getByRole('radiogroup', { name: 'Chủ trì' })
      .getByText('Đơn vị chủ trì', { exact: true })
      .click();
    await choose(secretary, dialog.getByRole('textbox', { name: 'Đơn vị chủ trì' }), /Văn hóa – Xã hội/);
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    // The reason is asked for before anything is sent.
    await dialog.getByText('Vui lòng nhập thông tin này').waitFor();
    await dialog
      .getByLabel('Lý do sửa, giao lại')
      .fill('Giao bộ phận Văn hóa – Xã hội chủ trì theo ý kiến Trưởng Ban');
    await saveScreenshot(secretary, 'followup-edit-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await toast(secretary, 'Đã sửa, giao lại nhiệm vụ');
    await timeline(secretary).getByText('Sửa nội dung, giao lại').waitFor();
    await timeline(secretary)
      .getByText('Giao bộ phận Văn hóa – Xã hội chủ trì theo ý kiến Trưởng Ban')
      .waitFor();
    await secretary
      .getByRole('main')
      .getByText(/Văn hóa – Xã hội/)
      .first()
      .waitFor();
  });

  it('lets the secretary assign a task from a higher-level directive, linked to the incoming document', async () => {
    j.current = secretary;
    const directive = await apiAs(secretary, 'POST', `/api/v1/committees/${committeeId}/documents/incoming`, {
      numberText: DIRECTIVE_NUMBER,
      issuedOn: today,
      issuer: 'UBND quận Hà Đông',
      title: 'Về việc đẩy mạnh thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính',
    });
    await secretary.goto(url(`/nhiem-vu?ban=${committeeId}`));
    await secretary.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Giao nhiệm vụ' });
    await dialog
      .getByRole('radiogroup', { name: 'Nguồn giao' })
      .getByText('Chỉ đạo của cấp trên', { exact: true })
      .click();
    await choose(
      secretary,
      dialog.getByRole('textbox', { name: 'Văn bản chỉ đạo của cấp trên' }),
      new RegExp(DIRECTIVE_NUMBER),
    );
    await dialog.getByLabel('Tên nhiệm vụ').fill(DIRECTIVE_TASK);
    await choose(secretary, dialog.getByRole('textbox', { name: 'Đơn vị chủ trì' }), /Văn hóa – Xã hội/);
    await dialog
      .getByRole('radiogroup', { name: 'Thời hạn' })
      .getByText('Số ngày làm việc', { exact: true })
      .click();
    await dialog.getByLabel('Số ngày làm việc kể từ ngày giao').fill('10');
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await toast(secretary, 'Đã giao nhiệm vụ');
    await secretary.getByRole('heading', { name: DIRECTIVE_TASK, level: 1 }).waitFor();
    const source = secretary.getByRole('link', { name: 'Văn bản chỉ đạo – xem văn bản' });
    expect(await source.getAttribute('href')).toBe(`/van-ban/${directive.id}`);
    // The lead unit's only member answers for it.
    await secretary.getByRole('main').getByText(MEMBER_NAME).first().waitFor();
  });

  it('lets the district hand a task down to Phúc La and follow each copy there (hierarchy)', async () => {
    const district = await j.openPage();
    j.current = district;
    await signIn(district, 'quan.hd');
    const mine = (await apiAs(district, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; name: string; unitId: string }[];
    };
    const haDong = mine.items.find((c) => c.name === DISTRICT)!;
    const task = (await apiAs(district, 'POST', `/api/v1/committees/${haDong.id}/tasks`, {
      title: CASCADE_TASK,
      leadUnitId: haDong.unitId,
      deadline: addDays(today, 40),
    })) as { id: string };
    await district.goto(url(`/nhiem-vu/${task.id}`));
    await district.getByRole('heading', { name: CASCADE_TASK, level: 1 }).waitFor();
    expect(await district.getByRole('region', { name: 'Tiến độ ở cấp dưới' }).count()).toBe(0);

    await actions(district).getByRole('button', { name: 'Giao cho Ban Chỉ đạo cấp dưới' }).click();
    const dialog = district.getByRole('dialog', { name: 'Giao cho Ban Chỉ đạo cấp dưới' });
    // Hà Đông has five active wards below: Phúc La (its three predecessors merged into it) and four sample wards.
    await dialog.getByText('Tất cả Ban Chỉ đạo cấp dưới trực tiếp (5)').waitFor();
    await dialog.getByText('Chọn một số Ban Chỉ đạo').click();
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await dialog.getByText('Chọn ít nhất một Ban Chỉ đạo.').waitFor();
    await dialog.getByLabel(COMMITTEE).check();
    await saveScreenshot(district, 'followup-cascade-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await toast(district, 'Đã giao nhiệm vụ cho 1 Ban Chỉ đạo cấp dưới');

    const rollup = district.getByRole('region', { name: 'Tiến độ ở cấp dưới' });
    await expect.poll(() => rollup.locator('[data-rollup="onTime"]').textContent()).toBe('Trong hạn: 1');
    const copyLink = rollup.getByRole('table').getByRole('link', { name: COMMITTEE });
    const copyHref = await copyLink.getAttribute('href');
    expect(copyHref).toMatch(/^\/nhiem-vu\/[0-9a-f-]{36}$/);
    expect(copyHref).not.toBe(`/nhiem-vu/${task.id}`);
    await rollup
      .getByRole('table')
      .getByText(vn(addDays(today, 40)))
      .waitFor();
    await saveScreenshot(district, 'followup-cascade-rollup');
    const phone = await j.phoneOf(district);
    j.current = phone;
    await phone.goto(url(`/nhiem-vu/${task.id}`));
    await phone
      .getByRole('region', { name: 'Tiến độ ở cấp dưới' })
      .getByRole('list', { name: 'Tiến độ của từng Ban Chỉ đạo cấp dưới' })
      .getByRole('link', { name: COMMITTEE })
      .waitFor();
    await saveScreenshot(phone, 'followup-cascade-rollup-phone');

    // Phúc La already holds its copy: shown ticked and locked, and handing it to Phúc La again creates nothing.
    j.current = district;
    await actions(district).getByRole('button', { name: 'Giao cho Ban Chỉ đạo cấp dưới' }).click();
    await dialog.getByText('Chọn một số Ban Chỉ đạo').click();
    expect(await dialog.getByLabel(COMMITTEE).isChecked()).toBe(true);
    expect(await dialog.getByLabel(COMMITTEE).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const phucLaId = (
      (await apiAs(district, 'GET', `/api/v1/tasks/${task.id}/rollup`)) as { rows: { committeeId: string }[] }
    ).rows[0]!.committeeId;
    const again = (await apiAs(district, 'POST', `/api/v1/tasks/${task.id}/cascade`, {
      committeeIds: [phucLaId],
    })) as { created: number };
    expect(again.created).toBe(0);

    // The ward's copy: led by its People's Committee (R1), its source leads back to the district's task.
    j.current = secretary;
    await secretary.goto(url(copyHref!));
    await secretary.getByRole('heading', { name: CASCADE_TASK, level: 1 }).waitFor();
    const parent = secretary.getByRole('link', { name: 'Nhiệm vụ cấp trên – xem nhiệm vụ' });
    expect(await parent.getAttribute('href')).toBe(`/nhiem-vu/${task.id}`);
    await secretary.getByRole('main').getByText('Phường Phúc La', { exact: true }).first().waitFor();

    // The district's list counts its own tasks and its wards' together.
    j.current = district;
    await district.goto(url(`/nhiem-vu?ban=${haDong.id}`));
    const subtree = district.getByRole('region', { name: 'Toàn bộ Ban Chỉ đạo cấp dưới' });
    const counters = (await apiAs(district, 'GET', `/api/v1/committees/${haDong.id}/tasks/counters`)) as {
      total: number;
      byStatus: Record<string, number>;
    };
    expect(counters.byStatus.new).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => subtree.locator('[data-subtree="total"] p').last().textContent())
      .toBe(String(counters.total));
    await expect
      .poll(() => subtree.locator('[data-subtree="new"] p').last().textContent())
      .toBe(String(counters.byStatus.new));
    await saveScreenshot(district, 'followup-subtree-counters');
  });

  it('draws the dashboard charts: my tasks by deadline status, and the committee’s by status and domain', async () => {
    j.current = member;
    await member.goto(url('/'));
    const overdue = await counter(member, 'overdue');
    const chart = member.getByRole('list', { name: 'Nhiệm vụ của tôi theo tình trạng thời hạn' });
    await expect
      .poll(() => chart.locator('[data-bar="overdue"] p').last().textContent())
      .toBe(String(overdue));
    // A member who does not manage the committee's tasks sees no committee charts.
    expect(await member.getByRole('region', { name: 'Nhiệm vụ của Ban Chỉ đạo' }).count()).toBe(0);

    j.current = head;
    await head.goto(url('/'));
    const charts = head.getByRole('region', { name: 'Nhiệm vụ của Ban Chỉ đạo' });
    const byStatus = charts
      .getByRole('article', { name: COMMITTEE })
      .getByRole('list', { name: 'Theo trạng thái' });
    const done = (await apiAs(
      head,
      'GET',
      `/api/v1/committees/${committeeId}/tasks?status=done&limit=1`,
    )) as {
      total: number;
    };
    expect(done.total).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => byStatus.locator('[data-bar="done"] p').last().textContent())
      .toBe(String(done.total));
    await charts.getByRole('list', { name: 'Theo lĩnh vực (mọi trạng thái)' }).waitFor();
    await saveScreenshot(head, 'followup-dashboard-charts');
    const phone = await j.phoneOf(head);
    j.current = phone;
    await phone.goto(url('/'));
    await phone.getByRole('region', { name: 'Nhiệm vụ của Ban Chỉ đạo' }).waitFor();
    await saveScreenshot(phone, 'followup-dashboard-charts-phone');
  });

  it('raised no script errors', () => {
    expect(j.pageErrors).toEqual([]);
  });
});
