import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { journey, testToday, url } from './harness.ts';
import { choose, signIn, toast } from './session.ts';

/*
 * Annual work plan (R5) of BCĐ phường Phúc La: the secretary (huan.vt, standing agency) drafts next year's plan
 * on the committee's "Kế hoạch công tác" tab, adds items by domain and quarter with a lead unit or member (R1),
 * is told by the server when a deadline falls before the item's quarter, and drafts the Kế hoạch document. The
 * head (hang.ntt) approves it: every item becomes a task, linked from the plan's table, and the review figures
 * count them. Screenshots on a desktop and a 375 px phone.
 */

const COMMITTEE = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La';
const YEAR = Number(testToday.slice(0, 4)) + 1;
const ITEMS = {
  cchc: 'Rà soát, đơn giản hóa thủ tục hành chính tiếp nhận tại bộ phận một cửa',
  cds: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
  da06: 'Làm sạch dữ liệu dân cư theo tiêu chí “đúng, đủ, sạch, sống”',
};

const j = journey('plans');
let secretary: Page;
let head: Page;
let planUrl = '';

async function segment(dialog: Locator, group: string, option: string) {
  await dialog.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
}

const LEAD_KIND = 'Chủ trì (một đơn vị hoặc một thành viên, không giao cho cả Ban Chỉ đạo)';

/** Fills the item dialog and saves it. */
async function addItem(
  page: Page,
  item: {
    domain: RegExp;
    quarter: string;
    title: string;
    lead: { unit: string } | { member: string };
    cooperating?: string[];
    product: string;
    deadline?: string;
  },
) {
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm nhiệm vụ vào kế hoạch' });
  await choose(page, dialog.getByRole('textbox', { name: 'Lĩnh vực' }), item.domain);
  await segment(dialog, 'Quý thực hiện', item.quarter);
  await dialog.getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).fill(item.title);
  if ('unit' in item.lead) {
    await choose(page, dialog.getByRole('textbox', { name: 'Đơn vị chủ trì' }), item.lead.unit);
  } else {
    await segment(dialog, LEAD_KIND, 'Thành viên chủ trì');
    await choose(page, dialog.getByRole('textbox', { name: 'Thành viên chủ trì' }), item.lead.member);
  }
  await dialog.getByRole('textbox', { name: 'Sản phẩm' }).fill(item.product);
  if (item.deadline) await dialog.getByRole('textbox', { name: 'Thời hạn hoàn thành' }).fill(item.deadline);
  for (const unit of item.cooperating ?? []) {
    await choose(page, dialog.getByRole('textbox', { name: 'Đơn vị phối hợp' }), unit);
    // Leave the multi-select (its list stays open after a choice); Escape would close the dialog.
    await dialog.getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).click();
  }
  return dialog;
}

beforeAll(async () => {
  secretary = await j.openPage();
  head = await j.openPage();
});

describe('the annual work plan of BCĐ phường Phúc La', () => {
  it('the secretary drafts next year’s plan on the committee’s tab', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt');
    await secretary.goto(url('/ban-chi-dao'));
    await secretary.getByRole('link', { name: COMMITTEE }).first().click();
    await secretary.getByRole('tab', { name: 'Kế hoạch công tác' }).click();
    await secretary.getByRole('heading', { name: 'Kế hoạch công tác năm', exact: true }).waitFor();
    await secretary.getByRole('button', { name: 'Lập kế hoạch' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Lập kế hoạch công tác năm' });
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Năm kế hoạch' }).inputValue())
      .toBe(String(YEAR));
    await dialog
      .getByRole('textbox', { name: 'Mục đích, yêu cầu' })
      .fill(
        'Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính, chuyển đổi số và Đề án 06 năm ' +
          YEAR +
          '.',
      );
    await dialog.getByRole('button', { name: 'Lập dự thảo' }).click();
    await toast(secretary, 'Đã lập dự thảo kế hoạch');
    await secretary.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    planUrl = new URL(secretary.url()).pathname;
    await secretary
      .getByRole('heading', { name: `Kế hoạch công tác năm ${YEAR} của ${COMMITTEE}` })
      .waitFor();
    await secretary.getByText('Kế hoạch chưa có nhiệm vụ nào').waitFor();
  });

  it('adds items by domain and quarter; the server refuses a deadline before the quarter', async () => {
    j.current = secretary;
    let dialog = await addItem(secretary, {
      domain: /^CCHC/,
      quarter: 'Quý I',
      title: ITEMS.cchc,
      lead: { unit: 'Văn phòng UBND phường Phúc La' },
      cooperating: ['Công an phường Phúc La'],
      product: 'Báo cáo kết quả rà soát',
    });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await toast(secretary, 'Đã lưu kế hoạch');

    dialog = await addItem(secretary, {
      domain: /^CĐS/,
      quarter: 'Quý III',
      title: ITEMS.cds,
      lead: { member: 'Vũ Trọng Huân' },
      product: 'Kho dữ liệu hồ sơ số hóa',
      deadline: `15/05/${YEAR}`,
    });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // Work planned for the third quarter cannot be due in May: the server says so on the field.
    await dialog
      .getByText(/Nhiệm vụ 2: hạn 15\/05\/\d{4} phải trong năm \d{4} và không trước Quý 3/)
      .waitFor();
    await dialog.getByRole('textbox', { name: 'Thời hạn hoàn thành' }).fill(`30/09/${YEAR}`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await toast(secretary, 'Đã lưu kế hoạch');
    await dialog.waitFor({ state: 'hidden' });

    dialog = await addItem(secretary, {
      domain: /^ĐA06/,
      quarter: 'Quý II',
      title: ITEMS.da06,
      lead: { unit: 'Công an phường Phúc La' },
      cooperating: ['Bộ phận Văn hóa – Xã hội phường Phúc La'],
      product: 'Dữ liệu dân cư được cập nhật',
    });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await toast(secretary, 'Đã lưu kế hoạch');
    await dialog.waitFor({ state: 'hidden' });

    const table = secretary.getByRole('table').first();
    await table.getByText(ITEMS.da06).waitFor();
    // Grouped by domain in the committee's order, then quarter, deadlines as dd/MM/yyyy.
    const rows = await table.locator('tbody tr').allInnerTexts();
    const flat = rows.map((r) => r.replace(/\s+/g, ' ').trim());
    const at = (text: string) => flat.findIndex((r) => r.includes(text));
    expect(at('CẢI CÁCH HÀNH CHÍNH')).toBeLessThan(at(ITEMS.cchc));
    expect(at(ITEMS.cchc)).toBeLessThan(at('CHUYỂN ĐỔI SỐ'));
    expect(at('CHUYỂN ĐỔI SỐ')).toBeLessThan(at(ITEMS.cds));
    expect(at(ITEMS.cds)).toBeLessThan(at('ĐỀ ÁN 06'));
    expect(flat[at(ITEMS.cchc)]).toContain(`31/03/${YEAR}`);
    expect(flat[at(ITEMS.cchc)]).toContain('Công an phường Phúc La');
    expect(flat[at(ITEMS.cds)]).toContain(`30/09/${YEAR}`);
    expect(flat[at(ITEMS.cds)]).toContain('Vũ Trọng Huân');
    expect(flat[at(ITEMS.da06)]).toContain(`30/06/${YEAR}`);
    await table.getByText('Quý III', { exact: true }).waitFor();

    // The Kế hoạch document, drafted through the documents module.
    await secretary.getByRole('button', { name: 'Soạn văn bản Kế hoạch' }).click();
    await toast(secretary, 'Đã soạn dự thảo văn bản Kế hoạch');
    await secretary.getByRole('link', { name: /Dự thảo — Mở văn bản/ }).waitFor();
    // The secretary drafts; approving is the head's.
    expect(await secretary.getByRole('button', { name: 'Phê duyệt kế hoạch' }).count()).toBe(0);
    await saveScreenshot(secretary, 'plans-draft-desktop');
  });

  it('the head approves it: every item becomes a task, linked from the table', async () => {
    j.current = head;
    await signIn(head, 'hang.ntt');
    await head.goto(url(planUrl));
    await head.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
    const dialog = head.getByRole('dialog', { name: `Phê duyệt kế hoạch công tác năm ${YEAR}` });
    await dialog.getByText(/3 nhiệm vụ được giao/).waitFor();
    await dialog.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
    await toast(head, 'Đã phê duyệt kế hoạch và giao 3 nhiệm vụ');
    await head.getByText('Đã phê duyệt', { exact: true }).first().waitFor();
    await head.getByText(/^Nguyễn Thị Thu Hằng, ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    expect(await head.getByRole('button', { name: 'Thêm nhiệm vụ' }).count()).toBe(0);
    const taskLinks = head.getByRole('link', { name: /^Mở nhiệm vụ: / });
    await expect.poll(() => taskLinks.count()).toBe(3);
    // The review of this plan's tasks: all three open and on time.
    await head.getByRole('heading', { name: 'Kết quả thực hiện kế hoạch' }).waitFor();
    const byDomain = head.getByRole('table').filter({ hasText: 'Theo lĩnh vực' });
    await expect
      .poll(async () => (await byDomain.locator('tfoot').innerText()).replace(/\s+/g, ' '))
      .toBe('Cộng 3 0 0 3 0 0');
    await saveScreenshot(head, 'plans-approved-desktop');

    const mobile = await j.phoneOf(head);
    await mobile.goto(url(planUrl));
    await mobile.getByRole('link', { name: `Mở nhiệm vụ: ${ITEMS.da06}` }).waitFor();
    await saveScreenshot(mobile, 'plans-approved-phone');

    // The committee's task list, filtered to the plan's tasks.
    await head.getByRole('link', { name: 'Danh sách nhiệm vụ theo kế hoạch' }).click();
    await head.waitForURL(/\/nhiem-vu\?/);
    for (const title of Object.values(ITEMS)) await head.getByText(title).first().waitFor();
    await head.goBack();
    await head.getByRole('link', { name: `Mở nhiệm vụ: ${ITEMS.da06}` }).click();
    await head.getByRole('heading', { name: ITEMS.da06 }).waitFor();
    await head.getByText('Kế hoạch công tác năm').first().waitFor();
    expect(j.pageErrors).toEqual([]);
  });
});
