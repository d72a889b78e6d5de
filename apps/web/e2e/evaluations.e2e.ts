import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { addDays, apiAs, journey, resetServerClock, setServerClock, testToday, url } from './harness.ts';
import { choose, signIn, toast } from './session.ts';

/*
 * The annual evaluation of members (R17). Phúc La's standing deputy (tuan.dm, the committee's default proposer)
 * opens the year's evaluation, pre-filled from the year's records; the member Thiều Phương Anh (anh.tp)
 * self-scores her general criteria; the deputy proposes levels — two "Hoàn thành xuất sắc nhiệm vụ", over the
 * 20% cap, which the page shows; the head (hang.ntt) decides them with a reason; Anh reads her result and the
 * figures behind it. The evaluation is due before 15/12: on a December clock the journey moves to November.
 */

const PHUC_LA = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La';
const ANH = 'Thiều Phương Anh';
const HOAN = 'Trịnh Xuân Hoàn';
const HUAN = 'Vũ Trọng Huân';
const EXCELLENT = 'Hoàn thành xuất sắc nhiệm vụ';
const GOOD = 'Hoàn thành tốt nhiệm vụ';
const thisYear = Number(testToday.slice(0, 4));
const lateInYear = testToday > `${thisYear}-12-10`;
const YEAR = lateInYear ? thisYear + 1 : thisYear;

const j = journey('evaluations');
let deputy: Page;
let member: Page;
let head: Page;
let cycleId = '';

async function openTab(page: Page) {
  await page.goto(url('/ban-chi-dao'));
  await page.getByRole('link', { name: PHUC_LA }).first().click();
  await page.getByRole('tab', { name: 'Đánh giá' }).click();
  await page.getByRole('heading', { name: 'Đánh giá thành viên hằng năm' }).waitFor();
}

beforeAll(async () => {
  if (lateInYear) await setServerClock(`${YEAR}-11-20T09:00:00+07:00`);
  deputy = await j.openPage();
  member = await j.openPage();
  head = await j.openPage();
});
afterAll(() => resetServerClock());

const rows = (page: Page) => page.getByTestId('evaluation-members');

describe('the annual evaluation of members', () => {
  it('the standing deputy opens the year’s evaluation, pre-filled from the records', async () => {
    j.current = deputy;
    await signIn(deputy, 'tuan.dm');
    await signIn(member, 'anh.tp');
    // Two of Anh's tasks this year: one done on time, one returned once for rework before it was accepted.
    const mine = (await apiAs(deputy, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; shortName: string }[];
    };
    const committeeId = mine.items.find((c) => c.shortName === 'BCĐ phường Phúc La')!.id;
    const members = (await apiAs(deputy, 'GET', `/api/v1/committees/${committeeId}/members`)) as {
      items: { id: string; fullName: string }[];
    };
    const anhSeat = members.items.find((m) => m.fullName === ANH)!.id;
    for (const [i, title] of [
      'Số hóa hồ sơ văn hóa – xã hội',
      'Rà soát thủ tục hành chính lĩnh vực văn hóa',
    ].entries()) {
      const task = await apiAs(deputy, 'POST', `/api/v1/committees/${committeeId}/tasks`, {
        title,
        leadMembershipId: anhSeat,
        deadline: addDays(testToday > `${thisYear}-12-10` ? `${YEAR}-11-20` : testToday, 10),
      });
      await apiAs(member, 'POST', `/api/v1/tasks/${task.id}/submit-done`, {});
      if (i === 1) {
        await apiAs(deputy, 'POST', `/api/v1/tasks/${task.id}/return`, { reason: 'Thiếu danh mục thủ tục' });
        await apiAs(member, 'POST', `/api/v1/tasks/${task.id}/submit-done`, {});
      }
      await apiAs(deputy, 'POST', `/api/v1/tasks/${task.id}/approve-done`, {});
    }
    await openTab(deputy);
    await deputy.getByRole('button', { name: `Mở đợt đánh giá năm ${YEAR}` }).click();
    const dialog = deputy.getByRole('dialog', { name: 'Mở đợt đánh giá thành viên' });
    await dialog.getByRole('button', { name: `Mở đợt đánh giá năm ${YEAR}` }).click();
    await toast(deputy, 'Đã mở đợt đánh giá');
    await rows(deputy).locator(`tr[data-member="${ANH}"]`).waitFor();
    await deputy.getByText('Hạn hoàn thành: ').first().waitFor();
    // Pre-filled: the members' tasks of the year, each linked to its record.
    const committees = (await apiAs(deputy, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; shortName: string }[];
    };
    const phucLa = committees.items.find((c) => c.shortName === 'BCĐ phường Phúc La')!;
    const list = await apiAs(deputy, 'GET', `/api/v1/committees/${phucLa.id}/evaluations`);
    cycleId = list.items[0].id;
    const cycle = await apiAs(deputy, 'GET', `/api/v1/evaluations/${cycleId}`);
    const withTasks = cycle.members.filter(
      (m: { figures: { tasks: { records: unknown[] } } }) => m.figures.tasks.records.length > 0,
    );
    expect(withTasks.length).toBeGreaterThan(0);
    expect(withTasks.map((m: { fullName: string }) => m.fullName)).toContain(ANH);
    await rows(deputy).getByRole('button', { name: ANH }).click();
    const sheet = deputy.getByTestId('member-sheet');
    await sheet.getByText('Kết quả thực hiện nhiệm vụ').waitFor();
    await sheet.getByRole('link', { name: 'Rà soát thủ tục hành chính lĩnh vực văn hóa' }).waitFor();
    await sheet.getByText('1 lần trả lại').waitFor();
    await saveScreenshot(deputy, 'evaluations-member-sheet-deputy', { fullPage: false });
    await deputy.keyboard.press('Escape');
  });

  it('the member self-scores her general criteria', async () => {
    j.current = member;
    await openTab(member);
    await rows(member).getByRole('button', { name: ANH }).click();
    const sheet = member.getByTestId('member-sheet');
    const scores: [string, string][] = [
      ['I.1', '5'],
      ['I.2', '5'],
      ['II.1', '2,5'],
      ['II.2', '2,5'],
      ['II.3', '2,5'],
      ['II.4', '2,5'],
      ['III', '9'],
    ];
    for (const [code, value] of scores)
      await sheet.getByLabel(`Tự chấm ${code}`, { exact: true }).fill(value);
    await sheet.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await toast(member, 'Đã lưu điểm tự chấm');
    await sheet.getByText('Tiêu chí chung — 29/30').waitFor();
    await member.keyboard.press('Escape');
  });

  it('the deputy proposes levels; the page shows the cap exceeded before the head decides', async () => {
    j.current = deputy;
    await deputy.reload();
    await deputy.getByRole('tab', { name: 'Đánh giá' }).click();
    await rows(deputy).waitFor();
    await choose(deputy, deputy.getByLabel(`Đề xuất: ${ANH}`, { exact: true }).first(), EXCELLENT);
    await choose(deputy, deputy.getByLabel(`Đề xuất: ${HOAN}`, { exact: true }).first(), EXCELLENT);
    await choose(deputy, deputy.getByLabel(`Đề xuất: ${HUAN}`, { exact: true }).first(), GOOD);
    await deputy.getByRole('button', { name: 'Lưu đề xuất' }).click();
    await toast(deputy, 'Đã lưu đề xuất mức xếp loại');
    await expect
      .poll(() => deputy.getByTestId('cap-check').textContent())
      .toMatch(/^Vượt tỷ lệ: 2 thành viên Hoàn thành xuất sắc nhiệm vụ, tối đa 0/);
    await saveScreenshot(deputy, 'evaluations-proposed');
  });

  it('the head decides, over the cap only with a reason', async () => {
    j.current = head;
    await signIn(head, 'hang.ntt');
    await openTab(head);
    await head
      .getByTestId('cap-check')
      .getByText(/^Vượt tỷ lệ/)
      .waitFor();
    await head.getByRole('button', { name: 'Quyết định xếp loại' }).click();
    const dialog = head.getByRole('dialog', { name: 'Trưởng Ban quyết định xếp loại' });
    await dialog.getByText(/^Vượt tỷ lệ/).waitFor();
    await saveScreenshot(head, 'evaluations-decide-dialog', { fullPage: false });
    await dialog
      .getByLabel('Lý do vượt tỷ lệ')
      .fill('Hai thành viên có sáng kiến chuyển đổi số được công nhận');
    await dialog.getByRole('button', { name: 'Quyết định', exact: true }).click();
    await toast(head, 'Đã quyết định xếp loại');
    await head
      .getByText(
        'Trưởng Ban đã quyết định vượt tỷ lệ, lý do: Hai thành viên có sáng kiến chuyển đổi số được công nhận',
      )
      .waitFor();
    await saveScreenshot(head, 'evaluations-decided');
  });

  it('the member reads her sheet: the result and the figures behind it', async () => {
    j.current = member;
    await member.reload();
    await member.getByRole('tab', { name: 'Đánh giá' }).click();
    await expect.poll(() => rows(member).locator('tbody tr').count()).toBe(1);
    await rows(member).getByRole('button', { name: ANH }).click();
    const sheet = member.getByTestId('member-sheet');
    await sheet.getByText(EXCELLENT).first().waitFor();
    await sheet.getByText('Tham dự cuộc họp').waitFor();
    const href = await sheet.getByRole('link', { name: 'Phiếu đánh giá (DOCX)' }).getAttribute('href');
    const docx = await member.request.get(url(href!));
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await saveScreenshot(member, 'evaluations-member-sheet', { fullPage: false });
    expect(j.pageErrors).toEqual([]);
    expect(j.foreignRequests).toEqual([]);
  });
});
