import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { apiAs, journey, testToday, tinyPdf, url } from './harness.ts';
import { choose, noToasts, signIn, toast } from './session.ts';

/*
 * Indicators (R19) on the sample hierarchy: Phúc La's police (hoan.tx, standing agency for Đề án 06) enters the
 * quarter's VNeID activation figure with an evidence file; the standing agency's secretary (huan.vt) approves
 * it; the scorecard shows it amber with the early warning (the year-end projection misses the target).
 * Phúc La completes its PAR INDEX self-assessment with evidence from the document register; the head
 * (hang.ntt) submits it; Hà Đông (quan.hd, the level above) appraises, adjusts one score with a reason and
 * finalises; Hà Đông's ranking chart shows its wards. Screenshots on a desktop and a 375 px phone.
 */

const PHUC_LA = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La';
const HA_DONG = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 quận Hà Đông';
const YEAR = Number(testToday.slice(0, 4));
const VNEID = 'Tỷ lệ kích hoạt tài khoản định danh điện tử VNeID mức 2';

// Scoring 24 criteria through the page takes a while on a busy machine.
vi.setConfig({ testTimeout: 360_000 });

const j = journey('indicators');
let police: Page;
let secretary: Page;
let head: Page;
let above: Page;
let phucLaUrl = '';
let parUrl = '';

async function openTab(page: Page, committee: string) {
  await page.goto(url('/ban-chi-dao'));
  await page.getByRole('link', { name: committee }).first().click();
  await page.getByRole('tab', { name: 'Chỉ số' }).click();
  await page.getByRole('heading', { name: 'Chỉ số', exact: true }).waitFor();
}
const vneidRow = (page: Page) => page.locator('tr[data-code="DA06.VNEID"]');

beforeAll(async () => {
  police = await j.openPage();
  secretary = await j.openPage();
  head = await j.openPage();
  above = await j.openPage();
});

describe('indicators of BCĐ phường Phúc La and its district', () => {
  it('the police enters the quarter’s VNeID activation with an evidence file', async () => {
    j.current = police;
    await signIn(police, 'hoan.tx');
    await openTab(police, PHUC_LA);
    phucLaUrl = new URL(police.url()).pathname;
    await vneidRow(police).getByText('Quý II').waitFor();
    await vneidRow(police).getByRole('button', { name: 'Nhập số liệu' }).click();
    const dialog = police.getByRole('dialog', { name: `Nhập số liệu: ${VNEID}` });
    expect(await dialog.getByRole('textbox', { name: 'Kỳ' }).inputValue()).toBe('Quý III');
    await dialog.getByRole('textbox', { name: 'Giá trị' }).fill('69');
    await dialog.getByRole('textbox', { name: 'Ghi chú' }).fill('Số liệu kích hoạt VNeID đến hết quý III');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'bao-cao-vneid-quy-3.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('Bao cao VNeID quy III'),
    });
    await dialog.getByRole('button', { name: 'Gửi phê duyệt' }).click();
    await toast(police, 'Đã gửi số liệu, chờ cơ quan thường trực phê duyệt');
    await vneidRow(police)
      .getByText(/Có số liệu chờ phê duyệt/)
      .waitFor();
  });

  it('the standing agency approves; the scorecard shows amber with the early warning', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt');
    await openTab(secretary, PHUC_LA);
    const pending = secretary.locator('[data-value-id]').filter({ hasText: VNEID });
    await pending.getByRole('link', { name: 'bao-cao-vneid-quy-3.pdf' }).waitFor();
    await pending.getByRole('button', { name: 'Phê duyệt' }).click();
    await toast(secretary, 'Đã phê duyệt số liệu');
    const row = vneidRow(secretary);
    await row.getByText('Quý III').waitFor();
    // 58, 64, 69 in Q1–Q3 → 74,67 % projected at the year end against the target of 80 %: at risk, warned.
    await row.locator('[data-light="atRisk"]').waitFor();
    await row.getByText('Có nguy cơ không đạt').waitFor();
    await row.getByText(/Cảnh báo sớm: dự báo cuối năm 74,67 % chưa đạt chỉ tiêu 80 %/).waitFor();
    await saveScreenshot(secretary, 'indicators-scorecard-desktop');
    const phone = await j.phoneOf(secretary);
    await openTab(phone, PHUC_LA);
    await vneidRow(phone).getByText('Có nguy cơ không đạt').waitFor();
    await saveScreenshot(phone, 'indicators-scorecard-phone');
  });

  it('Phúc La scores its PAR INDEX with evidence from the document register, and the head submits', async () => {
    j.current = secretary;
    const committeeId = phucLaUrl.split('/').pop()!;
    await apiAs(secretary, 'POST', `/api/v1/committees/${committeeId}/documents/incoming`, {
      numberText: '25/KH-UBND',
      issuedOn: testToday,
      issuer: 'UBND phường Phúc La',
      title: `Kế hoạch cải cách hành chính năm ${YEAR}`,
    });
    await secretary.getByRole('button', { name: `Bắt đầu tự đánh giá ${YEAR}` }).click();
    await secretary.waitForURL(/\/chi-so-cai-cach\/[0-9a-f-]{36}$/);
    parUrl = new URL(secretary.url()).pathname;
    const criteria = secretary.locator('[data-criterion]');
    await expect.poll(() => criteria.count()).toBe(24);
    const first = criteria.first();
    await choose(secretary, first.getByRole('textbox', { name: 'Văn bản trong sổ văn bản' }), /25\/KH-UBND/);
    await first.getByRole('textbox', { name: 'Mục, trang' }).fill('Mục II, trang 2');
    await first.getByRole('button', { name: 'Thêm' }).click();
    await first.getByTestId('evidence').filter({ hasText: 'Mục II, trang 2' }).waitFor();
    for (let k = 0; k < 24; k++) {
      const c = criteria.nth(k);
      const max = Number(((await c.getByText(/Tối đa/).innerText()).match(/[\d.]+/) ?? ['1'])[0]);
      await c
        .getByRole('textbox', { name: 'Điểm tự chấm' })
        .fill(String(k === 0 ? max : Math.floor(max * 0.8)));
      if (k > 0)
        await c
          .getByRole('textbox', { name: 'Giải trình (khi chưa có tài liệu kiểm chứng)' })
          .fill('Tài liệu kiểm chứng lưu tại Văn phòng UBND phường');
    }
    await secretary.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await toast(secretary, 'Đã lưu');
    await saveScreenshot(secretary, 'indicators-par-self-desktop');

    j.current = head;
    await signIn(head, 'hang.ntt');
    await head.goto(url(parUrl));
    await head
      .getByText(/Kế hoạch cải cách hành chính năm \d{4}.*\(Mục II, trang 2\)/)
      .first()
      .waitFor();
    await head.getByRole('button', { name: 'Phê duyệt và gửi thẩm định' }).click();
    await toast(head, 'Đã gửi thẩm định');
    await head.getByText('Đã gửi thẩm định').first().waitFor();
  });

  it('Hà Đông appraises, adjusts one score with its reason and finalises; the unit sees the history', async () => {
    j.current = above;
    await signIn(above, 'quan.hd');
    await openTab(above, HA_DONG);
    await above.getByRole('link', { name: PHUC_LA }).click();
    await above.waitForURL(/\/chi-so-cai-cach\//);
    const second = above.locator('[data-criterion]').nth(1);
    const self = Number(
      (await second.getByRole('textbox', { name: 'Điểm tự chấm' }).inputValue()).replace(',', '.'),
    );
    await second.getByRole('textbox', { name: 'Điểm thẩm định' }).fill(String(self - 0.5));
    // Without a reason the server refuses the adjustment.
    await above.getByRole('button', { name: 'Lưu thẩm định' }).click();
    await above.getByRole('alert').getByText('Điều chỉnh điểm thẩm định cần nêu lý do').waitFor();
    await second.getByRole('textbox', { name: 'Lý do điều chỉnh' }).fill('Chưa có văn bản kiểm tra định kỳ');
    await above.getByRole('button', { name: 'Lưu thẩm định' }).click();
    await toast(above, 'Đã lưu kết quả thẩm định');
    await above
      .getByTestId('appraisal-line')
      .filter({ hasText: 'Chưa có văn bản kiểm tra định kỳ' })
      .waitFor();
    // The saved notice sits over the page's action bar (bottom right) until it closes.
    await noToasts(above);
    await above.getByRole('button', { name: 'Chốt kết quả' }).click();
    await toast(above, 'Đã chốt kết quả thẩm định');
    await above.getByText(/^Kết quả sau thẩm định: /).waitFor();
    await saveScreenshot(above, 'indicators-par-appraised-desktop');
    const phone = await j.phoneOf(head);
    await phone.goto(url(parUrl));
    await phone
      .getByTestId('appraisal-line')
      .filter({ hasText: 'Chưa có văn bản kiểm tra định kỳ' })
      .waitFor();
    await saveScreenshot(phone, 'indicators-par-appraised-phone');
  });

  it('Hà Đông’s ranking chart shows its wards', async () => {
    j.current = above;
    await openTab(above, HA_DONG);
    await vneidRow(above)
      .getByText(/Tổng hợp 5 đơn vị cấp dưới/)
      .waitFor();
    await vneidRow(above).getByRole('button', { name: 'Chi tiết' }).click();
    const drawer = above.getByRole('dialog', { name: VNEID });
    await drawer.getByRole('heading', { name: /Xếp hạng đơn vị cấp dưới/ }).waitFor();
    const chart = drawer.locator('.recharts-wrapper').nth(1);
    await chart.waitFor();
    // One bar per ward, and the wards ranked in the table beside it.
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(5);
    const table = drawer.getByRole('table', { name: 'Xếp hạng đơn vị cấp dưới' });
    for (const ward of ['Phúc La', 'Văn Quán', 'Mộ Lao', 'Quang Trung', 'Nguyễn Trãi'])
      await table.getByText(new RegExp(ward)).first().waitFor();
    // Values on hover.
    await chart.locator('.recharts-bar-rectangle').first().hover();
    await drawer
      .locator('.recharts-tooltip-wrapper')
      .filter({ hasText: /Giá trị/ })
      .first()
      .waitFor();
    await saveScreenshot(above, 'indicators-ranking-desktop', { fullPage: false });
    const phone = await j.phoneOf(above);
    await openTab(phone, HA_DONG);
    await vneidRow(phone).getByRole('button', { name: 'Chi tiết' }).click();
    const phoneDrawer = phone.getByRole('dialog', { name: VNEID });
    await expect
      .poll(() => phoneDrawer.locator('.recharts-wrapper').nth(1).locator('.recharts-bar-rectangle').count())
      .toBe(5);
    await phoneDrawer
      .getByRole('table', { name: 'Xếp hạng đơn vị cấp dưới' })
      .getByText(/Văn Quán/)
      .first()
      .waitFor();
    await saveScreenshot(phone, 'indicators-ranking-phone', { fullPage: false });
    expect(j.pageErrors).toEqual([]);
    expect(j.foreignRequests).toEqual([]);
  });

  it('Hà Đông sets Phúc La’s yearly VNeID target from the scorecard; Phúc La sets its own only in its plan', async () => {
    j.current = above;
    await above.goto(url(phucLaUrl));
    await above.getByRole('tab', { name: 'Chỉ số' }).click();
    const row = vneidRow(above);
    await row.locator('[data-light="atRisk"]').waitFor();
    await row.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
    const dialog = above.getByRole('dialog', { name: `Chỉ tiêu năm: ${VNEID}` });
    await dialog.getByText(`Ban Chỉ đạo cấp trên giao chỉ tiêu năm ${YEAR}`).waitFor();
    // A percentage target cannot exceed 100 %.
    const value = dialog.getByRole('textbox', { name: `Chỉ tiêu năm ${YEAR}` });
    await value.fill('120');
    await value.blur();
    expect(await value.inputValue()).toBe('100 %');
    await value.fill('74');
    await dialog
      .getByRole('textbox', { name: 'Ghi chú (căn cứ giao chỉ tiêu)' })
      .fill('Theo Kế hoạch của quận');
    await dialog.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await toast(above, 'Đã lưu chỉ tiêu năm');
    // Projected 74,67 % against 74 %: the light turns green and the warning goes.
    await row.locator('[data-light="meets"]').waitFor();
    await row.getByText('74 %', { exact: true }).waitFor();
    expect(await row.getByText(/Cảnh báo sớm/).count()).toBe(0);

    // Phúc La's own standing agency may set a target only in its annual work plan: the plan item is asked for.
    j.current = secretary;
    await openTab(secretary, PHUC_LA);
    await vneidRow(secretary).locator('[data-light="meets"]').waitFor();
    await vneidRow(secretary).getByRole('button', { name: 'Giao chỉ tiêu' }).click();
    const own = secretary.getByRole('dialog', { name: `Chỉ tiêu năm: ${VNEID}` });
    await own.getByRole('textbox', { name: `Nhiệm vụ trong kế hoạch công tác năm ${YEAR}` }).waitFor();
    await own.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await own.getByText('Chọn nhiệm vụ trong kế hoạch').waitFor();
    await secretary.keyboard.press('Escape');
    await own.waitFor({ state: 'hidden' });
    // The committee's own steering indicators are computed from its records; the secretary recomputes them now.
    await choose(
      secretary,
      secretary.getByRole('textbox', { name: 'Bộ chỉ số' }),
      'Chỉ số điều hành của Ban Chỉ đạo (tính từ hệ thống)',
    );
    await secretary.locator('tr[data-code="BCD.DUNGHAN"]').waitFor();
    expect(
      await secretary
        .locator('tr[data-code="BCD.DUNGHAN"]')
        .getByRole('button', { name: 'Nhập số liệu' })
        .count(),
    ).toBe(0);
    await secretary.getByRole('button', { name: 'Tính lại từ dữ liệu của Ban' }).click();
    await toast(secretary, /Đã tính lại các chỉ số từ dữ liệu: \d+ giá trị thay đổi/);

    // The police enters figures but sets no targets.
    j.current = police;
    await police.reload();
    await vneidRow(police).locator('[data-light="meets"]').waitFor();
    expect(await vneidRow(police).getByRole('button', { name: 'Giao chỉ tiêu' }).count()).toBe(0);

    // At 375 px the page itself never scrolls sideways: the scorecard's table scrolls in its own box.
    const phone = await j.phoneOf(above);
    await phone.goto(url(phucLaUrl));
    await phone.getByRole('tab', { name: 'Chỉ số' }).click();
    await vneidRow(phone).locator('[data-light="meets"]').waitFor();
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'indicators-target-phone');
    expect(j.pageErrors).toEqual([]);
    expect(j.foreignRequests).toEqual([]);
  });
});
