import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { journey, url } from './harness.ts';
import { noToasts, signIn, toast } from './session.ts';

/*
 * Official documents of BCĐ phường Phúc La, end to end (R13, Decree 30/2020): the secretary (huan.vt) drafts a
 * report from the form and submits it; the head (hang.ntt) approves it, signs and issues it (a number is
 * assigned: "…/BC-BCĐ"), sends it to every member and sees the distribution list; the register finds it by a
 * search typed without diacritics. Screenshots at desktop width and at 375 px. One context per person.
 */

const TITLE = 'Kết quả thực hiện cải cách hành chính, chuyển đổi số quý IV năm 2026';
const SECTION = 'I. KẾT QUẢ ĐẠT ĐƯỢC';
const SECTION_TEXT =
  'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 85%.\nTỷ lệ giải quyết đúng hạn đạt 98,6%.';

const j = journey('documents');
let secretary: Page;
let head: Page;
let documentUrl = '';

beforeAll(async () => {
  secretary = await j.openPage();
  head = await j.openPage();
});

describe('official documents of BCĐ phường Phúc La', () => {
  it('lets the secretary draft a report from the form and submit it', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt');
    await secretary.goto(url('/van-ban'));
    await secretary.getByRole('heading', { name: 'Văn bản', exact: true }).waitFor();
    await secretary.getByRole('button', { name: 'Soạn văn bản' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Soạn văn bản' });
    await dialog.getByLabel('Trích yếu').fill(TITLE);
    await dialog.getByLabel('Tiêu đề phần').fill(SECTION);
    await dialog.getByLabel('Nội dung (mỗi dòng một đoạn)').fill(SECTION_TEXT);
    await saveScreenshot(secretary, 'documents-draft-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await toast(secretary, 'Đã tạo dự thảo');
    await secretary.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    documentUrl = new URL(secretary.url()).pathname;

    const preview = secretary.getByTestId('document-preview');
    await expect.poll(() => preview.textContent()).toContain('BÁO CÁO');
    const text = (await preview.textContent()) ?? '';
    for (const part of [
      'UBND PHƯỜNG PHÚC LA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số:',
      '/BC-BCĐ',
      TITLE,
      SECTION,
      'Tỷ lệ giải quyết đúng hạn đạt 98,6%.',
      'Nơi nhận:',
      'DỰ THẢO',
    ]) {
      expect(text, part).toContain(part);
    }
    await expect.poll(() => secretary.getByText('Dự thảo', { exact: true }).count()).toBeGreaterThan(0);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'documents-draft-desktop');

    await secretary.getByRole('button', { name: 'Trình duyệt' }).click();
    await toast(secretary, 'Đã trình duyệt');
    await secretary.getByText('Chờ duyệt', { exact: true }).first().waitFor();
  });

  it('lets the head approve, sign and issue it, then send it to every member', async () => {
    j.current = head;
    await signIn(head, 'hang.ntt');
    await head.goto(url(documentUrl));
    await head.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await toast(head, 'Đã duyệt văn bản');
    await head.getByRole('button', { name: 'Ký ban hành' }).click();
    const issue = head.getByRole('dialog', { name: 'Ký ban hành' });
    await expect.poll(() => issue.getByLabel('Người ký').inputValue()).toContain('Nguyễn Thị Thu Hằng');
    await issue.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await toast(head, /Đã ban hành văn bản số \d{2}\/BC-BCĐ/);
    const preview = head.getByTestId('document-preview');
    await expect.poll(async () => (await preview.textContent()) ?? '').toMatch(/Số: \d{2}\/BC-BCĐ/);
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('TM. BAN CHỈ ĐẠO');
    expect(text).toContain('Nguyễn Thị Thu Hằng');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toMatch(/Phúc La, ngày \d{2} tháng \d{1,2} năm \d{4}/);

    await head.getByRole('button', { name: 'Gửi văn bản' }).click();
    const send = head.getByRole('dialog', { name: 'Gửi văn bản' });
    await send.getByRole('button', { name: 'Gửi', exact: true }).click();
    await toast(head, /Đã gửi văn bản cho \d+ người/);
    const list = head.getByTestId('distribution-list');
    await list.getByText('Vũ Trọng Huân').waitFor();
    await list.getByText('Trịnh Xuân Hoàn').waitFor();
    await noToasts(head);
    await saveScreenshot(head, 'documents-issued-desktop');
    await head.setViewportSize({ width: 375, height: 812 });
    await head.reload();
    await head.getByTestId('document-preview').waitFor();
    await saveScreenshot(head, 'documents-issued-375');
    await head.setViewportSize({ width: 1366, height: 860 });
  });

  it('finds the issued report in the register with a search typed without diacritics', async () => {
    j.current = secretary;
    await secretary.goto(url('/van-ban'));
    await secretary.getByLabel('Tìm toàn văn').fill('ket qua cai cach hanh chinh quy iv');
    const row = secretary.getByRole('link', { name: TITLE, exact: true });
    await row.waitFor();
    await expect.poll(() => secretary.getByRole('row').count()).toBe(2);
    const cells = await secretary.getByRole('row').nth(1).textContent();
    expect(cells).toMatch(/\d{2}\/BC-BCĐ/);
    expect(cells).toContain('Đã ban hành');
    await secretary.getByLabel('Tìm toàn văn').fill('khong co van ban nay');
    await secretary.getByText('Chưa có văn bản phù hợp').waitFor();
    await secretary.getByLabel('Tìm toàn văn').fill('ket qua cai cach hanh chinh quy iv');
    await row.waitFor();
    await saveScreenshot(secretary, 'documents-register-desktop');
    await secretary.setViewportSize({ width: 375, height: 812 });
    await row.waitFor();
    await saveScreenshot(secretary, 'documents-register-375');
    await secretary.setViewportSize({ width: 1366, height: 860 });
  });

  it('registers an incoming directive with its file, found by its issuer typed without diacritics', async () => {
    j.current = secretary;
    await secretary.goto(url('/van-ban'));
    await secretary.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Vào sổ văn bản đến' });
    await dialog.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await expect.poll(() => dialog.getByText('Vui lòng nhập thông tin này').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Số, ký hiệu').fill('125/KH-UBND');
    await dialog.getByLabel('Ngày văn bản').fill('02/03/2026');
    await dialog.getByLabel('Ngày văn bản').blur();
    await dialog.getByLabel('Nơi ban hành').fill('UBND quận Hà Đông');
    await dialog.getByLabel('Trích yếu').fill('Kế hoạch triển khai Đề án 06 năm 2026 trên địa bàn quận');
    await dialog.getByLabel('Hạn xử lý (nếu có)').fill('30/04/2026');
    await dialog.getByLabel('Hạn xử lý (nếu có)').blur();
    await secretary.locator('input[type="file"]').setInputFiles({
      name: 'ke-hoach-125.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(MINIMAL_PDF),
    });
    await dialog.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await toast(secretary, 'Đã vào sổ văn bản đến');
    await secretary.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    await secretary.getByText('Hạn xử lý').waitFor();
    await secretary.getByText('30/04/2026').waitFor();
    const download = secretary.getByRole('link', { name: 'Tải tệp đính kèm' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);

    await secretary.goto(url('/van-ban'));
    await secretary.getByLabel('Nơi ban hành').fill('ha dong');
    const link = secretary.getByRole('link', {
      name: 'Kế hoạch triển khai Đề án 06 năm 2026 trên địa bàn quận',
      exact: true,
    });
    await link.waitFor();
    await expect.poll(() => secretary.getByRole('row').count()).toBe(2);
    expect(await secretary.getByRole('row').nth(1).textContent()).toContain('125/KH-UBND');
    expect(j.pageErrors).toEqual([]);
  });
});

/** The smallest PDF the server's content check accepts as a PDF. */
const MINIMAL_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;
