import { WorkingCalendar } from '@steerco/calendar';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import {
  addDays,
  apiAs,
  journey,
  resetServerClock,
  serverToday,
  setServerClock,
  testToday,
  tinyPdf,
  url,
  vn,
} from './harness.ts';
import { rsvpLinkOf, waitForMail } from './mail.ts';
import { choose, noToasts, signIn, toast } from './session.ts';

/*
 * The Phúc La quarterly meeting, end to end (R8–R13), on the server's test clock and in the order of its life:
 * the secretary (huan.vt) schedules it (the form tells him at once that a Saturday is the chair's to decide),
 * builds the agenda (one item takes opinions) and sends the notice; Trịnh Xuân Hoàn confirms from the link in his
 * e-mail without signing in, Thiều Phương Anh names a substitute from hers; Đỗ Minh Tuấn reports an absence; both
 * approved by the chair (hang.ntt); Đỗ Minh Tuấn writes his opinion. Then the clock moves to the meeting day: the
 * secretary checks people in — himself as the minute-taker (thư ký cuộc họp) — writes the minutes and the
 * conclusions once the meeting has started; the chair approves them; the conclusion notice is drafted and issued
 * that day. A meeting called at short notice: the chair sends it late with her reason; the secretary's late notice
 * becomes a request the chair approves from the link in her e-mail; the chair schedules a Saturday meeting with
 * her reason. One context per person; the clock goes back at the end for the journeys that follow.
 */

const mailDir = inject('mailDir');
const MAIL_DOMAIN = 'phucla.demo.steerco.vn';

const TITLE = 'Họp Ban Chỉ đạo định kỳ quý III năm 2026';
const ITEM_RESULTS = 'Kết quả CCHC, CĐS và Đề án 06 quý III';
const ITEM_REPORT = 'Dự thảo báo cáo sơ kết gửi UBND quận Hà Đông';
const SUBSTITUTE = 'Nguyễn Thu Trang';

const j = journey('meeting');
let secretary: Page;
let head: Page;
let tuan: Page;
let meetingUrl = '';

const today = testToday;
/** The national working-day calendar (the demo has no local overrides): what the server counts with. */
const calendar = new WorkingCalendar();
/** Eight working days ahead: the notice is on time (2 working days) and everyone may still answer. */
const MEETING_DAY = calendar.addWorkingDays(today, 8);
/** The first Saturday after `from` that is a day off. */
function saturdayAfter(from: string) {
  let day = addDays(from, 1);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6 || calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
const GUEST = 'Hoàng Minh Quân';
/** The conclusion's task: due twenty days after the meeting, before the next quarterly meeting. */
const TASK_DEADLINE = addDays(MEETING_DAY, 20);

async function openTab(page: Page, name: string) {
  await page.getByRole('tablist', { name: 'Các mục của cuộc họp' }).getByRole('tab', { name }).click();
}

beforeAll(async () => {
  secretary = await j.openPage();
  head = await j.openPage();
  tuan = await j.openPage();
});
// The journeys share one server and run in name order: the next one starts from the run's clock again.
afterAll(() => resetServerClock());

describe('the Phúc La quarterly meeting', () => {
  it('lets the secretary schedule the meeting', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt');
    await secretary
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Cuộc họp' })
      .click();
    await secretary.getByRole('heading', { name: 'Cuộc họp', level: 1 }).waitFor();
    // His only committee is chosen for him.
    await expect
      .poll(() => secretary.getByRole('textbox', { name: 'Ban Chỉ đạo' }).inputValue())
      .toMatch(/Phúc La$/);

    await secretary.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await dialog.getByRole('textbox', { name: 'Tên cuộc họp' }).fill(TITLE);
    // A wrong date-time is caught before anything is sent.
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill('31/02/2026 08:00');
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await dialog.getByText('Nhập theo dạng dd/mm/yyyy hh:mm, ví dụ 25/09/2026 14:00').first().waitFor();
    // A Saturday: the form says at once that only the chair decides a meeting on a day off.
    const saturday = saturdayAfter(today);
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(saturday)} 08:00`);
    await dialog
      .getByText(
        new RegExp(
          `^Ngày ${vn(saturday)} là ngày nghỉ \\(.+\\)\\. Chỉ người chủ trì quyết định họp vào ngày nghỉ`,
        ),
      )
      .waitFor();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Lý do họp vào ngày nghỉ' }).count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(MEETING_DAY)} 08:00`);
    await dialog.getByRole('textbox', { name: 'Kết thúc' }).fill(`${vn(MEETING_DAY)} 10:30`);
    await dialog.getByRole('textbox', { name: 'Địa điểm' }).fill('Phòng họp tầng 2, UBND phường Phúc La');
    // The district's chairman is invited as a guest (R3).
    await choose(
      secretary,
      dialog.getByRole('textbox', { name: 'Khách mời ngoài Ban Chỉ đạo' }),
      new RegExp(GUEST),
      GUEST,
    );
    await dialog.getByRole('button', { name: `Bỏ khách mời ${GUEST}` }).waitFor();
    await expect.poll(() => dialog.getByText(/là ngày nghỉ/).count()).toBe(0);
    await saveScreenshot(secretary, 'meeting-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await secretary.waitForURL(/\/cuoc-hop\/[0-9a-f-]{36}/);
    meetingUrl = new URL(secretary.url()).pathname;
    await secretary.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await secretary.getByText('Dự kiến', { exact: true }).first().waitFor();
    await secretary.getByText(`08:00 – 10:30, ngày ${vn(MEETING_DAY)}`).waitFor();
  });

  it('builds the agenda, one item taking opinions, with its document', async () => {
    j.current = secretary;
    await openTab(secretary, 'Chương trình');
    const form = secretary.getByRole('form', { name: 'Thêm nội dung' });
    await form.getByRole('textbox', { name: 'Nội dung' }).fill(ITEM_RESULTS);
    await form.getByRole('textbox', { name: 'Người/đơn vị trình bày' }).fill('Văn phòng UBND phường');
    await form.getByRole('textbox', { name: 'Thời lượng (phút)' }).fill('45');
    await form.getByRole('button', { name: 'Thêm vào chương trình' }).click();
    const agenda = secretary.getByRole('list', { name: 'Chương trình họp' });
    await agenda.getByRole('listitem', { name: ITEM_RESULTS }).waitFor();
    await expect.poll(() => form.getByRole('textbox', { name: 'Nội dung' }).inputValue()).toBe('');

    await form.getByRole('textbox', { name: 'Nội dung' }).fill(ITEM_REPORT);
    await form.getByRole('textbox', { name: 'Người/đơn vị trình bày' }).fill('Công an phường');
    await form.getByRole('textbox', { name: 'Thời lượng (phút)' }).fill('30');
    await form.getByRole('checkbox', { name: /Lấy ý kiến về vấn đề lớn/ }).check();
    await form.getByRole('button', { name: 'Thêm vào chương trình' }).click();
    const report = agenda.getByRole('listitem', { name: ITEM_REPORT });
    await report.getByText('Lấy ý kiến', { exact: true }).waitFor();
    expect(await agenda.getByRole('listitem').count()).toBe(2);
    await secretary.getByText('Tổng thời lượng dự kiến: 75 phút').waitFor();

    const chooser = secretary.waitForEvent('filechooser');
    await report.getByRole('button', { name: `Đính kèm tài liệu cho nội dung ${ITEM_REPORT}` }).click();
    await (await chooser).setFiles({
      name: 'du-thao-bao-cao-so-ket.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('Du thao bao cao so ket'),
    });
    await report.getByRole('link', { name: 'du-thao-bao-cao-so-ket.pdf' }).waitFor();
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meeting-agenda');
  });

  it('sends the notice on time, freezing the agenda', async () => {
    j.current = secretary;
    await openTab(secretary, 'Thông tin');
    await secretary.getByText(/^Chưa gửi giấy mời\. Để đúng Quy chế \(trước 2 ngày làm việc\)/).waitFor();
    await secretary.getByRole('button', { name: 'Gửi giấy mời' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Gửi giấy mời' });
    await dialog.getByText(/Chương trình gồm 2 nội dung được chốt là bản 1/).waitFor();
    await dialog.getByRole('button', { name: 'Gửi giấy mời' }).click();
    await toast(secretary, /^Đã gửi giấy mời tới \d+ người$/);
    await secretary.getByText(/^Đã gửi giấy mời lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\.$/).waitFor();
    await secretary.getByText('Đã gửi giấy mời', { exact: true }).first().waitFor();
    // The notice history (R9) and the meeting's own official documents.
    await secretary.getByText(/^Giấy mời \(lần 1\) — \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/).waitFor();
    await secretary
      .getByRole('region', { name: 'Văn bản của cuộc họp' })
      .getByRole('button', { name: 'Soạn giấy mời' })
      .waitFor();
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meeting-info');
  });

  it('lets a member confirm from the link in his e-mail, without signing in', async () => {
    const mail = await waitForMail(mailDir, `hoan.tx@${MAIL_DOMAIN}`, (m) => m.subject.includes(TITLE));
    expect(mail.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const phone = await j.openPage({ width: 375, height: 812 });
    j.current = phone;
    await phone.goto(rsvpLinkOf(mail));
    await phone.getByRole('heading', { name: 'Xác nhận tham dự', level: 1 }).waitFor();
    await phone.getByText('Kính gửi Trịnh Xuân Hoàn').waitFor();
    await phone.getByText(TITLE).waitFor();
    await saveScreenshot(phone, 'meeting-rsvp-mobile');
    await phone.getByRole('button', { name: 'Tôi sẽ tham dự' }).click();
    await phone.getByRole('status').getByText('Bạn đã xác nhận tham dự. Cảm ơn!').waitFor();
    // The answer leads to the meeting's page.
    expect(
      await phone.getByRole('link', { name: 'Xem cuộc họp (cần đăng nhập)' }).getAttribute('href'),
    ).toMatch(/^\/cuoc-hop\/[0-9a-f-]{36}$/);
    await saveScreenshot(phone, 'meeting-rsvp-done-mobile');
  });

  it('takes a substitute and an absence, both waiting for the chair', async () => {
    // Thiều Phương Anh names her substitute from the link in her e-mail, on her phone.
    const mail = await waitForMail(mailDir, `anh.tp@${MAIL_DOMAIN}`, (m) => m.subject.includes(TITLE));
    const phone = await j.openPage({ width: 375, height: 812 });
    j.current = phone;
    await phone.goto(rsvpLinkOf(mail));
    await phone.getByText('Kính gửi Thiều Phương Anh').waitFor();
    await phone.getByRole('button', { name: 'Tôi cử người dự thay' }).click();
    await phone.getByRole('textbox', { name: 'Họ tên người dự thay' }).fill(SUBSTITUTE);
    await phone.getByRole('textbox', { name: 'Chức vụ người dự thay' }).fill('Công chức Văn hóa – xã hội');
    // The substitute must have been briefed (R11).
    await phone.getByRole('button', { name: 'Gửi người dự thay' }).click();
    await phone.getByText('Người dự thay phải được phổ biến nội dung cuộc họp', { exact: true }).waitFor();
    await phone.getByRole('checkbox', { name: 'Người dự thay đã được phổ biến nội dung cuộc họp' }).check();
    await saveScreenshot(phone, 'meeting-rsvp-substitute-mobile');
    await phone.getByRole('button', { name: 'Gửi người dự thay' }).click();
    await phone.getByRole('status').getByText('Bạn đã cử người dự thay; người chủ trì sẽ xem xét.').waitFor();

    j.current = tuan;
    await signIn(tuan, 'tuan.dm');
    await tuan.goto(url(meetingUrl));
    await tuan
      .getByRole('region', { name: 'Xác nhận tham dự của tôi' })
      .getByRole('button', { name: 'Xác nhận tham dự' })
      .click();
    const dialog = tuan.getByRole('dialog', { name: 'Xác nhận tham dự' });
    // Nothing is chosen for him; each choice says what it means, and sending without one asks for one.
    for (const radio of await dialog.getByRole('radio').all()) expect(await radio.isChecked()).toBe(false);
    await dialog.getByText('Bạn sẽ có mặt tại cuộc họp.').waitFor();
    await saveScreenshot(tuan, 'meeting-respond-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Gửi xác nhận' }).click();
    await dialog.getByText('Hãy chọn một câu trả lời').waitFor();
    await dialog.getByRole('radio', { name: 'Vắng mặt' }).check();
    await dialog.getByRole('button', { name: 'Gửi xác nhận' }).click();
    await dialog.getByText('Cần nêu lý do vắng mặt').waitFor();
    await dialog.getByRole('textbox', { name: 'Lý do vắng mặt' }).fill('Đi công tác tại Sở Nội vụ thành phố');
    await dialog.getByRole('button', { name: 'Gửi xác nhận' }).click();
    await toast(tuan, 'Đã báo vắng; chờ người chủ trì đồng ý');
    await tuan
      .getByRole('region', { name: 'Xác nhận tham dự của tôi' })
      .getByText('Xin vắng – chờ duyệt')
      .waitFor();
  });

  it('lets the chair approve the substitute and the absence on the live roll', async () => {
    j.current = head;
    await signIn(head, 'hang.ntt');
    await head.goto(url(meetingUrl));
    await openTab(head, 'Giấy mời & xác nhận');
    await head.getByText('2 đề nghị vắng mặt hoặc dự thay đang chờ bạn duyệt.').waitFor();
    const summary = head.getByRole('list', { name: 'Tình hình xác nhận' });
    await summary.getByRole('listitem', { name: 'Đã xác nhận tham dự: 1' }).waitFor();

    const anhRow = head.getByRole('listitem', { name: 'Thiều Phương Anh' });
    await anhRow.getByText(`Người dự thay: ${SUBSTITUTE} (Công chức Văn hóa – xã hội)`).waitFor();
    await anhRow.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    let dialog = head.getByRole('dialog', { name: 'Đồng ý người dự thay Thiều Phương Anh' });
    await dialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await anhRow.getByText('Dự thay – đã đồng ý').waitFor();

    const tuanRow = head.getByRole('listitem', { name: 'Đỗ Minh Tuấn' });
    await tuanRow.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    dialog = head.getByRole('dialog', { name: 'Đồng ý cho Đỗ Minh Tuấn vắng mặt' });
    await dialog
      .getByRole('textbox', { name: 'Ý kiến (không bắt buộc)' })
      .fill('Đồng ý; gửi ý kiến bằng văn bản.');
    await dialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await tuanRow.getByText('Vắng – đã đồng ý').waitFor();
    await noToasts(head);
    await saveScreenshot(head, 'meeting-invitations');
  });

  it('lets the secretary chase those who have not answered', async () => {
    j.current = secretary;
    await secretary.reload();
    await openTab(secretary, 'Giấy mời & xác nhận');
    await secretary.getByRole('button', { name: 'Nhắc người chưa trả lời' }).click();
    await toast(secretary, /^Đã nhắc \d+ người chưa trả lời$/);
    await waitForMail(mailDir, `lan.pt@${MAIL_DOMAIN}`, (m) => /nhắc|Nhắc/.test(m.subject));
  });

  it('takes the absent member’s written opinion, and shows the chair who still owes one (R12)', async () => {
    j.current = tuan;
    await tuan.reload();
    await openTab(tuan, 'Ý kiến bằng văn bản');
    const mine = tuan.getByRole('region', { name: 'Ý kiến của tôi' });
    await mine
      .getByRole('textbox', { name: `Ý kiến về: ${ITEM_REPORT}` })
      .fill('Nhất trí với dự thảo; đề nghị bổ sung số liệu tài khoản định danh điện tử mức 2.');
    await mine.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await toast(tuan, `Đã gửi ý kiến về “${ITEM_REPORT}”`);
    await mine.getByRole('button', { name: 'Cập nhật ý kiến' }).waitFor();

    j.current = head;
    await openTab(head, 'Ý kiến bằng văn bản');
    await head
      .getByRole('listitem', { name: 'Ý kiến của Đỗ Minh Tuấn' })
      .getByText(/định danh điện tử mức 2/)
      .waitFor();
    // Thiều Phương Anh sends a substitute: her opinion is still due.
    await head
      .getByRole('list', { name: 'Ý kiến còn thiếu' })
      .getByText(`Thiều Phương Anh — ${ITEM_REPORT}`)
      .waitFor();
    await saveScreenshot(head, 'meeting-opinions');
  });

  it('shows before the meeting who has not confirmed, and when check-in opens', async () => {
    j.current = secretary;
    await secretary.reload();
    await openTab(secretary, 'Điểm danh');
    const list = secretary.getByRole('list', { name: 'Danh sách điểm danh' });
    // Nobody is "absent without leave" before the meeting: those who have not answered are "not confirmed".
    await list.getByRole('listitem', { name: 'Nguyễn Văn Bình' }).getByText('Chưa xác nhận').waitFor();
    await list.getByRole('listitem', { name: 'Trịnh Xuân Hoàn' }).getByText('Chưa đến').waitFor();
    expect(await list.getByText('Vắng không phép').count()).toBe(0);
    await secretary
      .getByText(`Điểm danh mở từ 07:00 ngày ${vn(MEETING_DAY)}, trước giờ họp 60 phút.`)
      .waitFor();
    expect(await list.getByRole('button', { name: /^Điểm danh / }).count()).toBe(0);
    await saveScreenshot(secretary, 'meeting-attendance-before');
  });

  it('on the meeting day, checks people in — the secretary as the minute-taker — with the headcount', async () => {
    // Half an hour before the start: check-in has opened (60 minutes before, the committee's setting).
    await setServerClock(`${MEETING_DAY}T07:30:00+07:00`);
    j.current = secretary;
    await secretary.reload();
    await openTab(secretary, 'Điểm danh');
    const list = secretary.getByRole('list', { name: 'Danh sách điểm danh' });
    for (const name of [
      'Nguyễn Thị Thu Hằng',
      'Lê Quang Minh',
      'Trịnh Xuân Hoàn',
      'Thiều Phương Anh',
      'Phạm Thị Lan',
      GUEST,
    ]) {
      await list.getByRole('button', { name: `Điểm danh ${name}` }).click();
      await list
        .getByRole('listitem', { name })
        .getByText(/^Có mặt lúc /)
        .waitFor();
    }
    // The secretary takes the minutes: marked as such, and present.
    await list.getByRole('button', { name: 'Ghi nhận Vũ Trọng Huân là thư ký cuộc họp' }).click();
    await toast(secretary, 'Đã ghi nhận Vũ Trọng Huân là thư ký cuộc họp (có mặt)');
    const huan = list.getByRole('listitem', { name: 'Vũ Trọng Huân' });
    await huan.getByText('Thư ký cuộc họp', { exact: true }).waitFor();
    await huan.getByText('Có mặt', { exact: true }).waitFor();
    await list
      .getByRole('listitem', { name: 'Thiều Phương Anh' })
      .getByText('Người dự thay có mặt')
      .waitFor();
    await list.getByRole('listitem', { name: 'Đỗ Minh Tuấn' }).getByText('Vắng có phép').waitFor();
    await list.getByRole('listitem', { name: GUEST }).getByText('Khách mời có mặt').waitFor();
    // Still before the end: whoever has not come is not yet absent.
    await list.getByRole('listitem', { name: 'Nguyễn Văn Bình' }).getByText('Chưa xác nhận').waitFor();
    await secretary.getByText('Đủ số lượng', { exact: true }).waitFor();
    await secretary
      .getByTestId('attendance-headcount')
      .getByText('Có mặt: 5 thành viên, 1 người dự thay, 1 khách mời')
      .waitFor();
    await secretary.getByText(/^Có mặt 6\/9 thành viên/).waitFor();
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meeting-attendance');
    // The QR code for the room's screen opens this tab on a member's phone (self check-in).
    await secretary.getByRole('button', { name: 'Mã QR tự điểm danh' }).click();
    const qr = secretary.getByRole('dialog', { name: 'Quét mã để tự điểm danh' });
    await qr.getByRole('img', { name: 'Mã QR mở trang điểm danh của cuộc họp' }).locator('svg').waitFor();
    expect(await qr.getByRole('link').textContent()).toMatch(/\/cuoc-hop\/[0-9a-f-]{36}\?tab=diem-danh$/);
    await saveScreenshot(secretary, 'meeting-check-in-qr');
    await secretary.keyboard.press('Escape');
    await qr.waitFor({ state: 'hidden' });
  });

  it('lets the secretary write the minutes and conclusions with a task proposal, and submit them', async () => {
    j.current = secretary;
    await openTab(secretary, 'Biên bản & kết luận');
    // Drafted before the start, perhaps; submitted only once the meeting has begun.
    await secretary.getByText(/^Biên bản và kết luận có thể soạn trước; trình người chủ trì/).waitFor();
    expect(await secretary.getByRole('button', { name: 'Trình duyệt' }).count()).toBe(0);
    const minutes = secretary.getByRole('form', { name: 'Biên bản họp' });
    await minutes
      .getByRole('textbox', { name: 'Tóm tắt chung' })
      .fill('Ban Chỉ đạo đánh giá kết quả quý III và cho ý kiến dự thảo báo cáo sơ kết.');
    await minutes
      .getByRole('textbox', { name: `Nội dung 1: ${ITEM_RESULTS}` })
      .fill('Văn phòng báo cáo: 98% hồ sơ đúng hạn; 1.240 tài khoản định danh mức 2 được kích hoạt.');
    await minutes
      .getByRole('textbox', { name: `Nội dung 2: ${ITEM_REPORT}` })
      .fill('Các thành viên thống nhất dự thảo, bổ sung số liệu theo ý kiến bằng văn bản.');
    await minutes.getByRole('button', { name: 'Lưu biên bản' }).click();
    await toast(secretary, 'Đã lưu biên bản');
    // The written opinion is in the minutes by itself.
    await secretary
      .getByRole('region', { name: 'Ý kiến bằng văn bản của thành viên vắng mặt' })
      .getByText(/Đỗ Minh Tuấn — /)
      .waitFor();

    const conclusions = secretary.getByRole('form', { name: 'Kết luận' });
    await conclusions.getByRole('button', { name: 'Thêm kết luận' }).click();
    const first = conclusions.getByRole('group', { name: 'Kết luận 1' });
    await first
      .getByRole('textbox', { name: 'Nội dung kết luận' })
      .fill('Hoàn thiện báo cáo sơ kết, gửi UBND quận trước ngày 15 của tháng sau.');
    await choose(secretary, first.getByRole('textbox', { name: 'Lĩnh vực' }), /^ĐA06/);
    await first.getByRole('button', { name: 'Thêm nhiệm vụ đề xuất' }).click();
    const task = first.getByRole('group', { name: 'Nhiệm vụ 1' });
    await task
      .getByRole('textbox', { name: 'Nhiệm vụ' })
      .fill('Bổ sung số liệu định danh điện tử vào báo cáo');
    // R1: a lead is required.
    await conclusions.getByRole('button', { name: 'Lưu kết luận' }).click();
    await task.getByText('Chọn đơn vị hoặc thành viên chủ trì (không giao cho cả Ban Chỉ đạo)').waitFor();
    await choose(secretary, task.getByRole('textbox', { name: 'Đơn vị chủ trì' }), 'Công an phường Phúc La');
    await task.getByRole('textbox', { name: 'Thời hạn' }).fill(vn(TASK_DEADLINE));
    await task.getByRole('textbox', { name: 'Thời hạn' }).blur();
    await choose(
      secretary,
      task.getByRole('textbox', { name: 'Đơn vị phối hợp' }),
      'Văn phòng UBND phường Phúc La',
    );
    await secretary.keyboard.press('Escape');
    await conclusions.getByRole('button', { name: 'Lưu kết luận' }).click();
    await toast(secretary, 'Đã lưu kết luận');
    await noToasts(secretary);

    // The meeting has begun (08:10): the minutes can go to the chair.
    await setServerClock(`${MEETING_DAY}T08:10:00+07:00`);
    await secretary.reload();
    await openTab(secretary, 'Biên bản & kết luận');
    const attendance = secretary.getByRole('region', { name: 'Thành phần tham dự' });
    await attendance
      .getByTestId('minutes-headcount')
      .getByText('Có mặt: 5 thành viên, 1 người dự thay, 1 khách mời')
      .waitFor();
    await attendance.getByText('Thư ký cuộc họp (người ghi biên bản): Vũ Trọng Huân').waitFor();
    await saveScreenshot(secretary, 'meeting-minutes');
    await secretary.getByRole('button', { name: 'Trình duyệt' }).click();
    await toast(secretary, 'Đã trình người chủ trì duyệt');
    await secretary.getByText('Chờ người chủ trì duyệt').waitFor();
  });

  it('lets the chair approve: the conclusions are locked and published (R13)', async () => {
    j.current = head;
    await head.reload();
    await openTab(head, 'Biên bản & kết luận');
    await head.getByText('Biên bản và kết luận đang chờ bạn duyệt.').waitFor();
    await head.getByRole('button', { name: 'Duyệt và ban hành' }).click();
    await toast(head, 'Đã duyệt; kết luận được gửi tới toàn thể thành viên');
    await head.getByText('Kết luận đã được duyệt, khóa và gửi tới toàn thể thành viên.').waitFor();
    const published = head.getByRole('region', { name: 'Kết luận' });
    await published
      .getByText(
        new RegExp(
          `Bổ sung số liệu định danh điện tử vào báo cáo — chủ trì: Công an phường Phúc La; thời hạn: ${vn(TASK_DEADLINE)}`,
        ),
      )
      .waitFor();
    await head.getByText('Đã ban hành kết luận', { exact: true }).first().waitFor();
    await noToasts(head);
    await saveScreenshot(head, 'meeting-conclusions');

    // Every member now reads them.
    j.current = tuan;
    await tuan.reload();
    await openTab(tuan, 'Biên bản & kết luận');
    await tuan.getByText('Hoàn thiện báo cáo sơ kết, gửi UBND quận trước ngày 15 của tháng sau.').waitFor();
  });

  it('drafts the conclusion notice the same day, as a clerk would write it, and issues it', async () => {
    j.current = secretary;
    await secretary.goto(url(meetingUrl));
    await secretary
      .getByRole('region', { name: 'Văn bản của cuộc họp' })
      .getByRole('button', { name: 'Soạn thông báo kết luận' })
      .click();
    await secretary.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    const documentUrl = new URL(secretary.url()).pathname;
    const preview = secretary.getByTestId('document-preview');
    await expect.poll(() => preview.textContent()).toContain('THÔNG BÁO');
    const text = (await preview.textContent()) ?? '';
    for (const part of [
      `Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp Ban Chỉ đạo định kỳ quý III năm 2026`,
      `Ngày ${vn(MEETING_DAY)}`,
      'Tham dự: 5 thành viên, 1 người dự thay, 1 khách mời.',
      `thời hạn: ${vn(TASK_DEADLINE)}`,
    ]) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toContain('tại họp');
    expect(text).not.toMatch(/\bR\d{1,2}\b/);
    await secretary.getByRole('button', { name: 'Trình duyệt' }).click();
    await toast(secretary, 'Đã trình duyệt');

    j.current = head;
    await head.goto(url(documentUrl));
    await head.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await toast(head, 'Đã duyệt văn bản');
    await head.getByRole('button', { name: 'Ký ban hành' }).click();
    const issue = head.getByRole('dialog', { name: 'Ký ban hành' });
    await issue.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await toast(head, /Đã ban hành văn bản số \d{2}\/TB-BCĐ/);
    const issued = (await head.getByTestId('document-preview').textContent()) ?? '';
    // Dated the meeting day: never before it.
    const [y, m, d] = MEETING_DAY.split('-').map(Number) as [number, number, number];
    expect(issued).toContain(
      `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`,
    );
    // The download has a clean name: the number already says it is a notice.
    const docx = await head.request.get(url(`/api/v1/documents${documentUrl.slice('/van-ban'.length)}/docx`));
    expect(decodeURIComponent(docx.headers()['content-disposition'] ?? '')).toMatch(
      /filename\*=UTF-8''\d{2}-TB-BCĐ\.docx$/,
    );
    await noToasts(head);
    await saveScreenshot(head, 'meeting-conclusion-notice');
  });

  it('lists the meeting among the past and upcoming ones, and fits a phone', async () => {
    j.current = secretary;
    await secretary.goto(url('/cuoc-hop'));
    await secretary.getByRole('region', { name: 'Sắp diễn ra' }).getByRole('link', { name: TITLE }).waitFor();
    await saveScreenshot(secretary, 'meetings-list');
    // The dashboard lists it among my upcoming meetings.
    await secretary.goto(url('/'));
    await secretary
      .getByRole('region', { name: 'Cuộc họp sắp tới' })
      .getByRole('link', { name: TITLE })
      .waitFor();
    await secretary.setViewportSize({ width: 375, height: 812 });
    await secretary.goto(url(`${meetingUrl}?tab=giay-moi`));
    await secretary.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await saveScreenshot(secretary, 'meeting-invitations-mobile');
    await secretary.goto(url(`${meetingUrl}?tab=bien-ban`));
    await secretary.getByText('Kết luận đã được duyệt, khóa và gửi tới toàn thể thành viên.').waitFor();
    await saveScreenshot(secretary, 'meeting-minutes-mobile');
    await secretary.setViewportSize({ width: 1366, height: 860 });
  });
});

describe('the next quarterly meeting (R8)', () => {
  it('opens with the unfinished tasks, the approved conclusion’s task among them', async () => {
    j.current = secretary;
    await secretary.goto(url('/cuoc-hop'));
    await secretary.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await dialog
      .getByRole('textbox', { name: 'Tên cuộc họp' })
      .fill('Họp Ban Chỉ đạo định kỳ quý IV năm 2026');
    const day = calendar.addWorkingDays(await serverToday(), 25);
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(day)} 08:00`);
    await dialog.getByRole('textbox', { name: 'Kết thúc' }).fill(`${vn(day)} 10:00`);
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await secretary
      .getByRole('heading', { name: 'Họp Ban Chỉ đạo định kỳ quý IV năm 2026', level: 1 })
      .waitFor();
    await openTab(secretary, 'Chương trình');
    await secretary.getByRole('button', { name: 'Chọn nhiệm vụ' }).click();
    const picker = secretary.getByRole('dialog', { name: 'Nhiệm vụ chưa hoàn thành chuyển kỳ' });
    const task = picker.getByRole('checkbox', { name: 'Bổ sung số liệu định danh điện tử vào báo cáo' });
    await task.waitFor();
    expect(await task.isChecked()).toBe(true);
    await picker.getByRole('button', { name: 'Đưa vào chương trình' }).click();
    await toast(secretary, /^Đã đưa \d+ nhiệm vụ vào chương trình họp$/);
    const first = secretary.getByRole('list', { name: 'Chương trình họp' }).getByRole('listitem').first();
    await first.getByText('Chuyển từ kỳ trước').waitFor();
    await first
      .getByRole('list', { name: 'Nhiệm vụ chuyển kỳ' })
      .getByText(/Bổ sung số liệu định danh điện tử vào báo cáo/)
      .waitFor();
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meeting-carry-over');
  });
});

describe('the yearly meeting calendar (R8)', () => {
  it('drafts the four periodic meetings of a year from the regulation, once', async () => {
    j.current = secretary;
    const year = Number(today.slice(0, 4)) + 2;
    await secretary.goto(url('/cuoc-hop'));
    for (const expected of [
      `Đã tạo 4 cuộc họp dự kiến năm ${year}`,
      `Các quý năm ${year} đều đã có cuộc họp`,
    ]) {
      await secretary.getByRole('button', { name: 'Lập lịch họp năm' }).click();
      const dialog = secretary.getByRole('dialog', { name: 'Lập lịch họp năm' });
      await dialog.getByRole('textbox', { name: 'Năm' }).fill(String(year));
      await dialog.getByRole('button', { name: 'Lập lịch' }).click();
      await toast(secretary, expected);
      await dialog.waitFor({ state: 'hidden' });
    }
    await choose(secretary, secretary.getByRole('textbox', { name: 'Năm' }), String(year));
    const list = secretary.getByRole('region', { name: 'Sắp diễn ra' });
    await list.getByRole('link', { name: `Sơ kết 6 tháng đầu năm ${year}` }).waitFor();
    await list.getByRole('link', { name: `Tổng kết năm ${year}` }).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(4);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meetings-year-calendar');
  });
});

describe('a meeting called at short notice (R9)', () => {
  it('tells the chair at once that the notice is late, takes her reason and shows it on the meeting', async () => {
    j.current = head;
    const day = calendar.addWorkingDays(await serverToday(), 1);
    await head.goto(url('/cuoc-hop'));
    await head.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = head.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await choose(head, dialog.getByRole('textbox', { name: 'Loại cuộc họp' }), 'Họp đột xuất');
    await dialog
      .getByRole('textbox', { name: 'Tên cuộc họp' })
      .fill('Họp đột xuất về dịch vụ công trực tuyến');
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(day)} 14:00`);
    await dialog.getByRole('textbox', { name: 'Kết thúc' }).fill(`${vn(day)} 15:00`);
    await dialog.getByRole('textbox', { name: 'Địa điểm' }).fill('Phòng họp tầng 2, UBND phường Phúc La');
    // The head invites the district chairman, who does not sit on the ward's committee (R3); members are
    // offered greyed out, marked as members.
    const guests = dialog.getByRole('textbox', { name: 'Khách mời ngoài Ban Chỉ đạo' });
    await guests.fill('Hằng');
    await head.getByRole('option', { name: /Nguyễn Thị Thu Hằng.*đã là thành viên/ }).waitFor();
    await choose(head, guests, /Hoàng Minh Quân/, 'Hoàng Minh Quân');
    await dialog.getByRole('button', { name: 'Bỏ khách mời Hoàng Minh Quân' }).waitFor();
    await saveScreenshot(head, 'meeting-create-guest', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await head.getByRole('heading', { name: 'Họp đột xuất về dịch vụ công trực tuyến', level: 1 }).waitFor();
    // Said on the page before anyone tries to send it.
    await head
      .getByText(/^Để đúng Quy chế \(trước 2 ngày làm việc\), giấy mời phải gửi chậm nhất ngày/)
      .waitFor();

    await head.getByRole('button', { name: 'Gửi giấy mời' }).click();
    const notice = head.getByRole('dialog', { name: 'Gửi giấy mời' });
    // The chair decides: the dialog asks for her reason at once.
    await notice
      .getByText('Bạn là người chủ trì: nêu lý do gửi muộn; lý do được ghi lại và hiển thị trên cuộc họp.')
      .waitFor();
    await notice.getByRole('button', { name: 'Gửi giấy mời kèm lý do' }).click();
    await notice.getByText('Cần nêu lý do gửi muộn').waitFor();
    await notice
      .getByRole('textbox', { name: 'Lý do gửi muộn' })
      .fill('Thực hiện chỉ đạo khẩn của UBND quận về dịch vụ công trực tuyến.');
    await saveScreenshot(head, 'meeting-late-notice', { fullPage: false });
    await notice.getByRole('button', { name: 'Gửi giấy mời kèm lý do' }).click();
    await toast(head, /^Đã gửi giấy mời tới \d+ người$/);
    await head.getByText('Giấy mời gửi muộn', { exact: true }).waitFor();
    await head
      .getByText('Lý do của người chủ trì: Thực hiện chỉ đạo khẩn của UBND quận về dịch vụ công trực tuyến.')
      .waitFor();
    // The guest was invited with the members.
    await openTab(head, 'Giấy mời & xác nhận');
    await head
      .getByRole('listitem', { name: 'Hoàng Minh Quân' })
      .getByText('Khách mời', { exact: true })
      .waitFor();
  });

  it('turns the secretary’s late notice into a request the chair approves from the link in her e-mail', async () => {
    j.current = secretary;
    const title = 'Họp đột xuất về hồ sơ tồn đọng tại bộ phận một cửa';
    const day = calendar.addWorkingDays(await serverToday(), 1);
    await secretary.goto(url('/cuoc-hop'));
    await secretary.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await choose(secretary, dialog.getByRole('textbox', { name: 'Loại cuộc họp' }), 'Họp đột xuất');
    await dialog.getByRole('textbox', { name: 'Tên cuộc họp' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(day)} 15:30`);
    await dialog.getByRole('textbox', { name: 'Kết thúc' }).fill(`${vn(day)} 16:30`);
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await secretary.getByRole('heading', { name: title, level: 1 }).waitFor();
    const lateMeetingUrl = new URL(secretary.url()).pathname;

    await secretary.getByRole('button', { name: 'Gửi giấy mời' }).click();
    const notice = secretary.getByRole('dialog', { name: 'Gửi giấy mời' });
    // At once: only the chair may send it late; the reason goes to her as a request.
    await notice
      .getByText(
        /^Chỉ người chủ trì quyết định gửi giấy mời muộn\. Nêu lý do để gửi đề nghị tới người chủ trì \(Nguyễn Thị Thu Hằng\)/,
      )
      .waitFor();
    await notice
      .getByRole('textbox', { name: 'Lý do gửi muộn' })
      .fill('Số hồ sơ tồn đọng tăng đột biến; cần thống nhất biện pháp ngay trong tuần.');
    await saveScreenshot(secretary, 'meeting-late-request-dialog', { fullPage: false });
    await notice.getByRole('button', { name: 'Gửi đề nghị tới người chủ trì' }).click();
    await toast(secretary, 'Đã gửi đề nghị tới người chủ trì');
    const request = secretary.getByRole('region', { name: 'Đề nghị gửi giấy mời muộn' });
    await request
      .getByText(/^Đang chờ Nguyễn Thị Thu Hằng quyết định — đề nghị của Vũ Trọng Huân lúc/)
      .waitFor();
    await saveScreenshot(secretary, 'meeting-late-request-pending');

    // The chair opens the link in her e-mail on her phone, without signing in, and approves in one click.
    const mail = await waitForMail(
      mailDir,
      `hang.ntt@${MAIL_DOMAIN}`,
      (m) => m.subject === `Đề nghị gửi giấy mời muộn: ${title}`,
    );
    const link = /https?:\/\/[^\s"'<>]+\/duyet-gui-muon\?token=[^\s"'<>]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    const phone = await j.openPage({ width: 375, height: 812 });
    j.current = phone;
    await phone.goto(link!);
    await phone.getByRole('heading', { name: 'Đề nghị gửi giấy mời muộn', level: 1 }).waitFor();
    await phone.getByText('Kính gửi Nguyễn Thị Thu Hằng').waitFor();
    await phone
      .getByText('Lý do: Số hồ sơ tồn đọng tăng đột biến; cần thống nhất biện pháp ngay trong tuần.')
      .waitFor();
    await saveScreenshot(phone, 'meeting-late-request-link-mobile');
    await phone.getByRole('button', { name: 'Đồng ý, gửi giấy mời' }).click();
    await phone.getByRole('status').getByText('Bạn đã đồng ý; giấy mời đã gửi tới mọi người.').waitFor();
    await saveScreenshot(phone, 'meeting-late-request-approved-mobile');

    // The secretary sees the answer on the meeting; the notice went out, late, with his reason.
    j.current = secretary;
    await secretary.goto(url(lateMeetingUrl));
    await secretary
      .getByRole('region', { name: 'Đề nghị gửi giấy mời muộn' })
      .getByText(/^Nguyễn Thị Thu Hằng đồng ý lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}; giấy mời đã gửi\.$/)
      .waitFor();
    await secretary.getByText('Đã gửi giấy mời', { exact: true }).first().waitFor();
    await secretary
      .getByText(
        'Lý do của người chủ trì: Số hồ sơ tồn đọng tăng đột biến; cần thống nhất biện pháp ngay trong tuần.',
      )
      .waitFor();
    await waitForMail(mailDir, `lan.pt@${MAIL_DOMAIN}`, (m) => m.subject === `Giấy mời họp: ${title}`);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meeting-late-request-done');
  });
});

describe('a meeting held before the committee used the system', () => {
  it('is recorded afterwards with its reason, without notice, and says so', async () => {
    j.current = secretary;
    const day = calendar.addWorkingDays(await serverToday(), -30);
    const title = 'Họp Ban Chỉ đạo định kỳ quý II năm 2026 (họp trên giấy)';
    await secretary.goto(url('/cuoc-hop'));
    await secretary.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await dialog.getByRole('textbox', { name: 'Tên cuộc họp' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(day)} 14:00`);
    await dialog.getByRole('textbox', { name: 'Kết thúc' }).fill(`${vn(day)} 16:00`);
    // A past time: only as a meeting already held, recorded afterwards with its reason.
    await dialog.getByText(/^Thời gian này đã qua\. Cuộc họp đã diễn ra thì chọn/).waitFor();
    await dialog.getByRole('checkbox', { name: 'Ghi nhận cuộc họp đã diễn ra' }).check();
    await dialog
      .getByRole('textbox', { name: 'Lý do ghi nhận sau' })
      .fill('Ban Chỉ đạo bắt đầu dùng hệ thống từ quý IV; cuộc họp quý II đã tổ chức trên giấy.');
    await saveScreenshot(secretary, 'meeting-recorded-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await secretary.getByRole('heading', { name: title, level: 1 }).waitFor();
    await secretary.getByText('Ghi nhận sau', { exact: true }).first().waitFor();
    await secretary.getByText('Đã họp', { exact: true }).first().waitFor();
    await secretary.getByText('Cuộc họp ghi nhận sau', { exact: true }).waitFor();
    await secretary
      .getByText(
        'Lý do ghi nhận sau: Ban Chỉ đạo bắt đầu dùng hệ thống từ quý IV; cuộc họp quý II đã tổ chức trên giấy.',
      )
      .waitFor();
    await secretary.getByText('Cuộc họp ghi nhận sau không có giấy mời.').waitFor();
    const documents = secretary.getByRole('region', { name: 'Văn bản của cuộc họp' });
    await documents.getByRole('button', { name: 'Soạn biên bản họp' }).waitFor();
    expect(await documents.getByRole('button', { name: 'Soạn giấy mời' }).count()).toBe(0);
    expect(await secretary.getByRole('button', { name: 'Gửi giấy mời' }).count()).toBe(0);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'meeting-recorded-info');
  });
});

describe('a meeting on a day off', () => {
  it('is scheduled by the chair with her reason, recorded and shown', async () => {
    j.current = head;
    const saturday = saturdayAfter(await serverToday());
    const title = 'Họp chuyên đề ra quân làm sạch dữ liệu dân cư';
    await head.goto(url('/cuoc-hop'));
    await head.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = head.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await choose(head, dialog.getByRole('textbox', { name: 'Loại cuộc họp' }), 'Họp chuyên đề');
    await dialog.getByRole('textbox', { name: 'Tên cuộc họp' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Bắt đầu' }).fill(`${vn(saturday)} 08:00`);
    await dialog.getByRole('textbox', { name: 'Kết thúc' }).fill(`${vn(saturday)} 10:00`);
    await dialog
      .getByText(
        new RegExp(
          `^Ngày ${vn(saturday)} là ngày nghỉ \\(.+\\)\\. Người chủ trì quyết định họp vào ngày nghỉ`,
        ),
      )
      .waitFor();
    await dialog
      .getByRole('textbox', { name: 'Lý do họp vào ngày nghỉ' })
      .fill('Ra quân cao điểm cấp căn cước cho người dân đi làm trong tuần.');
    await saveScreenshot(head, 'meeting-day-off', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await head.getByRole('heading', { name: title, level: 1 }).waitFor();
    await head.getByText('Họp ngày nghỉ', { exact: true }).first().waitFor();
    await head.getByText(/^Họp vào ngày nghỉ \(.+\)$/).waitFor();
    await head
      .getByText(
        /^Nguyễn Thị Thu Hằng xác nhận họp vào ngày nghỉ lúc .+ Lý do: Ra quân cao điểm cấp căn cước/,
      )
      .waitFor();
    // Its confirmation deadline is the last working day before it, never the Saturday or the Friday night.
    const meeting = (await apiAs(
      head,
      'GET',
      `/api/v1/meetings/${new URL(head.url()).pathname.split('/').pop()}`,
    )) as {
      confirmationDeadline: string;
    };
    const deadlineDay = new Date(new Date(meeting.confirmationDeadline).getTime() + 7 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    expect(deadlineDay).toBe(calendar.previousWorkingDay(saturday));
    await noToasts(head);
    await saveScreenshot(head, 'meeting-day-off-info');
  });

  it('raised no error in any page', () => {
    expect(j.pageErrors).toEqual([]);
  });
});
