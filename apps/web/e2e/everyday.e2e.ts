import { WorkingCalendar } from '@steerco/calendar';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { addDays, apiAs, journey, testToday, url } from './harness.ts';
import { ARTIFACTS_DIR } from './paths.ts';
import { noToasts, signIn, toast } from './session.ts';

/*
 * Everyday use (issue 19) on the Phúc La demo: the secretary (huan.vt) finds a task from the header's search by
 * typing its words without accents, with the keyboard only; the head (hang.ntt) works her inbox — "Việc chờ
 * tôi xử lý" — opening each item from the list and acting on its page until nothing is left, and reads the
 * notification history. The waiting items are made here through the API: a completion report, a document
 * submitted for signature and the invitation to a meeting she has not answered.
 */

const COMMITTEE = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La';
const TASK = 'Rà soát danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của phường';
const DOCUMENT = 'Báo cáo kết quả kiểm soát thủ tục hành chính tháng 11';
const MEETING = 'Họp chuyên đề về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính';

const j = journey('everyday');
let secretary: Page;
let head: Page;
let committeeId = '';
let taskId = '';
let documentId = '';
let meetingId = '';

type InboxItem = { kind: string; id: string; title: string; target: { type: string; id: string } };
const inboxOf = (page: Page) => apiAs<{ items: InboxItem[]; total: number }>(page, 'GET', '/api/v1/inbox');
const inboxList = (page: Page) => page.getByRole('list', { name: 'Việc chờ tôi xử lý' });

beforeAll(async () => {
  secretary = await j.openPage();
  head = await j.openPage();
});

describe('everyday use of BCĐ phường Phúc La', () => {
  it('lets the secretary find a task by typing its words without accents, keyboard only', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt');
    await signIn(head, 'hang.ntt');
    const committees = (await apiAs(secretary, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; name: string }[];
    };
    committeeId = committees.items.find((c) => c.name === COMMITTEE)!.id;
    const members = (await apiAs(secretary, 'GET', `/api/v1/committees/${committeeId}/members`)) as {
      items: { id: string; fullName: string }[];
    };
    const huan = members.items.find((m) => m.fullName === 'Vũ Trọng Huân')!;
    const task = await apiAs(secretary, 'POST', `/api/v1/committees/${committeeId}/tasks`, {
      title: TASK,
      leadMembershipId: huan.id,
      deadline: addDays(testToday, 30),
    });
    taskId = task.id;

    const search = secretary.getByRole('searchbox', { name: 'Tìm kiếm trong hệ thống' });
    await search.click();
    await search.pressSequentially('tham quyen thu tuc', { delay: 20 });
    const option = secretary.getByRole('option', { name: new RegExp(TASK) });
    await option.waitFor();
    await secretary.getByText('Nhiệm vụ', { exact: true }).first().waitFor();
    await saveScreenshot(secretary, 'everyday-search', { fullPage: false });
    await search.press('ArrowDown');
    await search.press('Enter');
    await secretary.waitForURL(new RegExp(`/nhiem-vu/${taskId}$`));
    await secretary.getByRole('heading', { name: TASK }).waitFor();
    expect(j.pageErrors).toEqual([]);
  });

  it('shows the head what waits for her, on the dashboard, in the sidebar and on its page', async () => {
    // The secretary reports the task done and submits a document; the head calls a meeting (she is invited).
    await apiAs(secretary, 'POST', `/api/v1/tasks/${taskId}/start`);
    await apiAs(secretary, 'POST', `/api/v1/tasks/${taskId}/submit-done`, { note: 'Đã rà soát xong.' });
    const doc = await apiAs(secretary, 'POST', `/api/v1/committees/${committeeId}/documents`, {
      type: 'report',
      title: DOCUMENT,
    });
    documentId = doc.id;
    await apiAs(secretary, 'POST', `/api/v1/documents/${documentId}/submit`);
    let day = addDays(testToday, 14);
    const calendar = new WorkingCalendar();
    while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
    const meeting = await apiAs(head, 'POST', '/api/v1/meetings', {
      committeeId,
      kind: 'thematic',
      title: MEETING,
      place: 'Phòng họp UBND phường Phúc La',
      startsAt: `${day}T14:00:00+07:00`,
      endsAt: `${day}T16:00:00+07:00`,
    });
    meetingId = meeting.id;
    await apiAs(head, 'POST', `/api/v1/meetings/${meetingId}/notice`, {});

    const before = await inboxOf(head);
    const ours = [taskId, documentId];
    expect(
      before.items
        .filter((i) => ours.includes(i.id))
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['documentSign', 'taskReview']);
    expect(before.items.some((i) => i.kind === 'invitation' && i.target.id === meetingId)).toBe(true);

    j.current = head;
    await head.goto(url('/'));
    const card = head.getByRole('region', { name: 'Việc chờ tôi xử lý' });
    await card.getByText(TASK).waitFor();
    await head.getByRole('link', { name: new RegExp(`^Việc chờ tôi xử lý.*${before.total}`) }).waitFor();
    await saveScreenshot(head, 'everyday-dashboard-inbox', { fullPage: false });

    await head
      .getByRole('link', { name: /^Việc chờ tôi xử lý/ })
      .first()
      .click();
    await head.waitForURL(/\/viec-cho-xu-ly$/);
    await head.getByRole('heading', { name: 'Việc chờ tôi xử lý', level: 1 }).waitFor();
    await inboxList(head).getByText(DOCUMENT).waitFor();
    await saveScreenshot(head, 'everyday-inbox');
  });

  it('lets the head work her inbox to zero, each item from its own page', async () => {
    j.current = head;
    const left = async () => (await inboxOf(head)).total;

    // The completion report: confirmed on the task page.
    await inboxList(head)
      .getByRole('link', { name: new RegExp(TASK) })
      .click();
    await head.waitForURL(new RegExp(`/nhiem-vu/${taskId}$`));
    const actions = head.getByRole('region', { name: 'Thao tác' });
    await actions.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    const confirm = head.getByRole('dialog', { name: 'Xác nhận hoàn thành' });
    await confirm.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await head.getByRole('main').getByText('Hoàn thành', { exact: true }).waitFor();

    // The document: approved (signed off) on its page.
    await head.goto(url('/viec-cho-xu-ly'));
    await expect.poll(() => inboxList(head).getByText(TASK).count()).toBe(0);
    await inboxList(head)
      .getByRole('link', { name: new RegExp(DOCUMENT) })
      .click();
    await head.waitForURL(new RegExp(`/van-ban/${documentId}$`));
    await head.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await toast(head, 'Đã duyệt văn bản');
    await noToasts(head);

    // Every invitation she has not answered (ours, and any the demo holds): answered on the meeting page.
    for (;;) {
      const invitation = (await inboxOf(head)).items.find((i) => i.kind === 'invitation');
      if (!invitation) break;
      await head.goto(url('/viec-cho-xu-ly'));
      await inboxList(head).locator(`a[href="/cuoc-hop/${invitation.target.id}"]`).first().click();
      await head.waitForURL(new RegExp(`/cuoc-hop/${invitation.target.id}$`));
      await head
        .getByRole('region', { name: 'Xác nhận tham dự của tôi' })
        .getByRole('button', { name: 'Xác nhận tham dự' })
        .click();
      const dialog = head.getByRole('dialog', { name: 'Xác nhận tham dự' });
      await dialog.getByRole('radio', { name: 'Tham dự' }).check();
      await dialog.getByRole('button', { name: 'Gửi xác nhận' }).click();
      await toast(head, 'Đã xác nhận tham dự');
      await noToasts(head);
    }

    const remaining = await inboxOf(head);
    // Nothing of ours is left; the demo data holds nothing else for her.
    expect(remaining.items.map((i) => `${i.kind}: ${i.title}`)).toEqual([]);
    expect(await left()).toBe(0);
    await head.goto(url('/viec-cho-xu-ly'));
    await head.getByText('Không có việc nào đang chờ ông/bà xử lý.').first().waitFor();
    // The sidebar's count is gone: the link is named by its label alone.
    await head.getByRole('link', { name: 'Việc chờ tôi xử lý', exact: true }).waitFor();
    await saveScreenshot(head, 'everyday-inbox-empty', { fullPage: false });
  });

  it('shows her the notification history behind the bell, filtered, and marks it all read', async () => {
    j.current = head;
    await head.getByRole('button', { name: /^Thông báo \(\d+ chưa đọc\)$/ }).click();
    await head.getByRole('button', { name: 'Xem tất cả thông báo' }).click();
    await head.waitForURL(/\/thong-bao$/);
    await head.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    await head.locator('label', { hasText: /^Chưa đọc$/ }).click();
    await expect.poll(() => head.getByRole('radio', { name: 'Chưa đọc' }).isChecked()).toBe(true);
    await saveScreenshot(head, 'everyday-notifications');
    const markAll = head.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' });
    if (await markAll.isEnabled()) await markAll.click();
    await head.getByText('Không có thông báo nào phù hợp.').waitFor();
    await head.getByText('0 chưa đọc').waitFor();
    expect(j.pageErrors).toEqual([]);
    expect(j.foreignRequests).toEqual([]);
  });

  it('shows her the weekly schedule with the meeting, prints it on A4 and gives her a calendar address', async () => {
    j.current = head;
    await head.goto(url('/lich-cong-tac'));
    await head.getByRole('heading', { name: 'Lịch công tác', level: 1 }).waitFor();
    await head.getByText(/^LỊCH CÔNG TÁC TUẦN/).waitFor();
    const meetingLink = head.getByRole('link', { name: MEETING });
    for (let i = 0; i < 5 && (await meetingLink.count()) === 0; i++) {
      await head.getByRole('button', { name: 'Sau' }).click();
      await head.waitForTimeout(300);
    }
    await meetingLink.waitFor();
    await saveScreenshot(head, 'everyday-schedule-week');
    // Printed on A4 (the PDF is kept with the screenshots), and as the print stylesheet shows it.
    await head.pdf({ path: `${ARTIFACTS_DIR}/everyday-schedule.pdf`, format: 'A4', printBackground: true });
    await head.emulateMedia({ media: 'print' });
    expect(await head.getByRole('button', { name: 'In lịch (A4)' }).isVisible()).toBe(false);
    await saveScreenshot(head, 'everyday-schedule-print');
    await head.emulateMedia({ media: 'screen' });

    await head.getByRole('radio', { name: 'Tháng' }).locator('..').click();
    await head.getByText(/^LỊCH CÔNG TÁC THÁNG/).waitFor();
    await saveScreenshot(head, 'everyday-schedule-month', { fullPage: false });

    // Her calendar address: the meeting is in it; once revoked, the address answers 404.
    await head.getByRole('button', { name: 'Tạo địa chỉ lịch' }).click();
    const address = await head.getByRole('textbox', { name: 'Địa chỉ lịch của tôi' }).inputValue();
    const feed = await head.request.get(address);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(`UID:meeting-${meetingId}@steerco`);
    await head.getByRole('button', { name: 'Thu hồi' }).click();
    await head.getByRole('button', { name: 'Tạo địa chỉ lịch' }).waitFor();
    expect((await head.request.get(address)).status()).toBe(404);
    expect(j.pageErrors).toEqual([]);
  });
});
