import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { addDays, apiAs, journey, resetServerClock, setServerClock, testToday, url } from './harness.ts';
import { signIn, toast } from './session.ts';

/*
 * Reports up the hierarchy (R16). Hà Đông (the level above the ward) issues a quarterly regime to its five wards;
 * after the Q4 cut-off the Phúc La secretary (huan.vt) opens the Q4 report, pre-filled from Phúc La's own
 * meetings and tasks of the window (a task assigned in the quarter is among the records its figure counts),
 * edits the narrative, overrides a figure with a note and submits; Hà Đông (quan.hd) returns it with a comment;
 * the secretary completes it and submits again; Hà Đông accepts it, sees the rollup grid and exports it. The
 * Báo cáo DOCX is converted by LibreOffice and read back with pdftotext. Screenshots on a desktop and a phone.
 */

const run = promisify(execFile);
const REGIME = 'Báo cáo quý về CCHC, CĐS và Đề án 06 (hành trình kiểm thử)';
const TASK = 'Rà soát quy trình nội bộ tiếp nhận hồ sơ trực tuyến (báo cáo quý)';
const YEAR = Number(testToday.slice(0, 4));
const Q4 = `Quý IV/${YEAR}`;
const NARRATIVE = 'Một số nhiệm vụ Đề án 06 chậm do thiếu thiết bị đọc căn cước.';

const j = journey('reports');
let district: Page;
let secretary: Page;
let reportUrl = '';

beforeAll(async () => {
  district = await j.openPage();
  secretary = await j.openPage();
});
afterAll(() => resetServerClock());

const mainArea = (page: Page) => page.getByRole('main');

describe('reports up the hierarchy', () => {
  it('Hà Đông issues the quarterly regime to its five wards', async () => {
    j.current = district;
    await signIn(district, 'quan.hd');
    await district
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Báo cáo' })
      .click();
    await district.getByRole('heading', { name: 'Báo cáo', level: 1 }).waitFor();
    await district.getByRole('button', { name: 'Ban hành chế độ báo cáo' }).click();
    const dialog = district.getByRole('dialog', { name: 'Ban hành chế độ báo cáo' });
    await dialog.getByLabel('Tên chế độ báo cáo').fill(REGIME);
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await toast(district, 'Đã ban hành chế độ báo cáo cho 5 đơn vị');
    await mainArea(district).locator(`[data-regime="${REGIME}"]`).waitFor();
    await saveScreenshot(district, 'reports-regimes');
  });

  it('the Phúc La secretary opens the Q4 report pre-filled from the quarter’s records, edits it and submits', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt');
    // A task assigned in the quarter (before its cut-off on 14/12).
    const mine = (await apiAs(secretary, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; unitId: string; shortName: string }[];
    };
    const phucLa = mine.items.find((c) => c.shortName === 'BCĐ phường Phúc La')!;
    await apiAs(secretary, 'POST', `/api/v1/committees/${phucLa.id}/tasks`, {
      title: TASK,
      leadUnitId: phucLa.unitId,
      deadline: addDays(testToday, 90),
    });
    // After the Q4 cut-off (15/09–14/12).
    await setServerClock(`${YEAR}-12-15T09:00:00+07:00`);
    await secretary.goto(url('/bao-cao'));
    const due = mainArea(secretary).getByRole('table', { name: 'Báo cáo phải gửi' });
    await due.getByRole('button', { name: `Lập báo cáo ${Q4} – ${REGIME}` }).click();
    await secretary.getByRole('heading', { name: `${REGIME} – ${Q4}`, level: 1 }).waitFor();
    reportUrl = secretary.url();
    await mainArea(secretary).getByText(`Số liệu từ 15/09/${YEAR} đến 14/12/${YEAR}`).waitFor();

    // The tasks assigned: the number opens the list of the records it counts, our task among them.
    const figures = mainArea(secretary).getByRole('table', { name: 'Biểu số liệu' });
    const assigned = figures.locator('[data-field="tasksAssigned"] td').nth(1);
    const n = Number(await assigned.textContent());
    expect(n).toBeGreaterThanOrEqual(1);
    await assigned.getByRole('button').click();
    const records = secretary.getByRole('dialog', { name: /Hồ sơ được tính: Nhiệm vụ được giao trong kỳ/ });
    await records.getByRole('link', { name: TASK }).waitFor();
    // The list loads after the dialog opens: wait for it rather than count what has arrived so far.
    await expect.poll(() => records.getByRole('listitem').count()).toBe(n);
    await secretary.keyboard.press('Escape');
    await records.waitFor({ state: 'hidden' });
    // The meetings held: as many as the records listed.
    const held = figures.locator('[data-field="meetingsHeld"] td').nth(1);
    const meetings = Number(await held.textContent());
    await held.getByRole('button').click();
    const list = secretary.getByRole('dialog', { name: /Hồ sơ được tính: Số cuộc họp Ban Chỉ đạo/ });
    await list.waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(meetings);
    await secretary.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });

    // An override needs a note.
    await figures
      .getByRole('button', { name: 'Điều chỉnh: Tỷ lệ hồ sơ thủ tục hành chính trực tuyến' })
      .click();
    const override = secretary.getByRole('dialog', { name: /Điều chỉnh số liệu/ });
    await override.getByLabel('Số liệu điều chỉnh').fill('87.5');
    await override.getByLabel('Lý do điều chỉnh (bắt buộc)').fill('Theo Hệ thống thông tin giải quyết TTHC');
    await override.getByRole('button', { name: 'Lưu' }).click();
    await override.waitFor({ state: 'hidden' });
    await figures.getByText('Theo Hệ thống thông tin giải quyết TTHC', { exact: false }).waitFor();

    await mainArea(secretary).getByLabel('Tồn tại, hạn chế và nguyên nhân').fill(NARRATIVE);
    await mainArea(secretary).getByRole('button', { name: 'Gửi báo cáo' }).click();
    await toast(secretary, 'Đã gửi báo cáo lên cấp trên');
    await mainArea(secretary).getByText('Đã gửi', { exact: true }).waitFor();
    await saveScreenshot(secretary, 'reports-submitted');
  });

  it('Hà Đông returns it with a comment; the secretary completes it and submits again', async () => {
    j.current = district;
    await district.goto(url('/bao-cao'));
    await mainArea(district)
      .locator(`[data-regime="${REGIME}"]`)
      .getByRole('link', { name: `Tổng hợp ${Q4}` })
      .click();
    const grid = mainArea(district).getByRole('table', { name: `Tổng hợp báo cáo ${Q4}` });
    await grid.getByRole('link', { name: /phường Phúc La/ }).click();
    await district.getByRole('heading', { name: `${REGIME} – ${Q4}`, level: 1 }).waitFor();
    // The override and its note are visible to the recipient.
    await mainArea(district).getByText('Theo Hệ thống thông tin giải quyết TTHC', { exact: false }).waitFor();
    await mainArea(district).getByRole('button', { name: 'Trả lại' }).click();
    const dialog = district.getByRole('dialog', { name: 'Trả lại báo cáo' });
    await dialog.getByLabel('Ý kiến (lý do trả lại)').fill('Đề nghị nêu rõ giải pháp khắc phục.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await toast(district, 'Đã trả lại báo cáo');

    j.current = secretary;
    await secretary.goto(reportUrl);
    await mainArea(secretary).getByText('Cấp trên trả lại: Đề nghị nêu rõ giải pháp khắc phục.').waitFor();
    await mainArea(secretary)
      .getByLabel('Nhiệm vụ trọng tâm kỳ tới')
      .fill('Trang bị thiết bị đọc căn cước cho bộ phận một cửa trong quý I.');
    await mainArea(secretary).getByRole('button', { name: 'Gửi báo cáo' }).click();
    await toast(secretary, 'Đã gửi báo cáo lên cấp trên');
    await mainArea(secretary).getByText('Phiên bản 2', { exact: true }).waitFor();
  });

  it('Hà Đông accepts it, sees the rollup grid and exports it', async () => {
    j.current = district;
    await district.goto(reportUrl);
    await mainArea(district).getByRole('button', { name: 'Tiếp nhận' }).click();
    await toast(district, 'Đã tiếp nhận báo cáo');
    await mainArea(district).getByText('Phiên bản 1', { exact: false }).first().waitFor();
    await district.goto(url('/bao-cao'));
    await mainArea(district)
      .locator(`[data-regime="${REGIME}"]`)
      .getByRole('link', { name: `Tổng hợp ${Q4}` })
      .click();
    const grid = mainArea(district).getByRole('table', { name: `Tổng hợp báo cáo ${Q4}` });
    const row = grid.getByRole('row').filter({ hasText: 'phường Phúc La' });
    await row.getByText('Đã tiếp nhận').waitFor();
    await mainArea(district).getByText('Đã gửi 1/5 đơn vị', { exact: false }).waitFor();
    await saveScreenshot(district, 'reports-rollup');
    const phone = await j.phoneOf(district);
    j.current = phone;
    await phone.goto(district.url());
    await mainArea(phone)
      .getByRole('table', { name: `Tổng hợp báo cáo ${Q4}` })
      .waitFor();
    await saveScreenshot(phone, 'reports-rollup-phone');
    await phone.goto(reportUrl);
    await phone.getByRole('heading', { name: `${REGIME} – ${Q4}`, level: 1 }).waitFor();
    await saveScreenshot(phone, 'reports-report-phone');

    j.current = district;
    const href = await mainArea(district).getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    const xlsx = await district.request.get(url(href!));
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain(`TỔNG HỢP BÁO CÁO ${Q4.toUpperCase()}`);
    expect(sheet.rowCount).toBe(3 + 5 + 1);
  });

  it('the dashboards show the period with its traffic light, for the recipient and the reporter', async () => {
    j.current = district;
    await district.goto(url('/'));
    const glance = district.getByRole('region', { name: 'Báo cáo' });
    const received = glance.getByRole('list', { name: 'Cấp dưới gửi lên' });
    const q4 = received.getByRole('listitem').filter({ hasText: `${REGIME} – ${Q4}` });
    await q4.getByText('Đã gửi 1/5 · chưa gửi 4', { exact: false }).waitFor();
    expect(await q4.getAttribute('data-light')).toBe('yellow');
    await saveScreenshot(district, 'reports-dashboard');
    await q4.getByRole('link', { name: `${REGIME} – ${Q4}` }).click();
    await mainArea(district)
      .getByRole('table', { name: `Tổng hợp báo cáo ${Q4}` })
      .waitFor();

    // The ward's report was accepted: its dashboard no longer lists the period among those to send.
    j.current = secretary;
    await secretary.goto(url('/'));
    await secretary.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await expect
      .poll(() =>
        secretary
          .getByRole('list', { name: 'Phải gửi' })
          .getByRole('listitem')
          .filter({ hasText: `${REGIME} – ${Q4}` })
          .count(),
      )
      .toBe(0);
  });

  it('the Báo cáo DOCX opens in LibreOffice (PDF read back with pdftotext)', async () => {
    const reportId = new URL(reportUrl).pathname.split('/').at(-1)!;
    const report = (await apiAs(secretary, 'GET', `/api/v1/reports/${reportId}`)) as { documentId: string };
    const docx = await secretary.request.get(url(`/api/v1/documents/${report.documentId}/docx`));
    expect(docx.status()).toBe(200);
    const work = mkdtempSync(path.join(tmpdir(), 'steerco-report-'));
    const file = path.join(work, 'bao-cao.docx');
    writeFileSync(file, await docx.body());
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        file,
      ],
      { timeout: 120_000 },
    );
    const { stdout } = await run('pdftotext', ['-layout', path.join(work, 'bao-cao.pdf'), '-'], {
      timeout: 60_000,
    });
    const text = stdout.normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Trang bị thiết bị đọc căn cước');
    expect(text).toContain('Ghi chú');
    expect(j.pageErrors).toEqual([]);
    expect(j.foreignRequests).toEqual([]);
  });
});
