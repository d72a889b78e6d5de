import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser.ts';

/*
 * The notification centre's e-mail settings (issue #8): a member of the Phúc La demo (tuan.dm) opens the bell,
 * turns the daily digest e-mail off, and finds it off again after a reload; the server holds the choice that the
 * reminder and digest jobs read.
 */

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'PhucLa@2024';
/** The password the other e2e files give the Phúc La people at their first login. */
const NEW_PASSWORD = 'BanChiDao2024moi';
const url = (path: string) => `${baseUrl}${path}`;

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Signs in, replacing the initial password at the first login (another e2e file may have done it already). */
async function signIn(username: string) {
  for (const password of [DEMO_PASSWORD, NEW_PASSWORD]) {
    await page.goto(url('/dang-nhap'));
    await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const outcome = await Promise.race([
      page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap')).then(() => 'in' as const),
      page
        .getByRole('alert')
        .getByText('Tên đăng nhập hoặc mật khẩu không đúng')
        .waitFor()
        .then(() => 'wrong' as const),
    ]);
    if (outcome === 'wrong') continue;
    if (new URL(page.url()).pathname === '/doi-mat-khau') {
      await page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(password);
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    }
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    return;
  }
  throw new Error(`Cannot sign in as ${username}`);
}

async function openSettings() {
  await page.getByRole('button', { name: /^Thông báo \(\d+ chưa đọc\)$/ }).click();
  await page.getByRole('button', { name: 'Cài đặt nhận thư' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cài đặt thông báo qua thư điện tử' });
  await dialog.waitFor();
  return dialog;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('e-mail settings in the notification centre', () => {
  it('turns the daily digest off and keeps the choice', async () => {
    await signIn('tuan.dm');
    let dialog = await openSettings();
    const digest = dialog.getByRole('switch', { name: 'Thư tổng hợp hằng ngày' });
    const reminders = dialog.getByRole('switch', { name: 'Nhắc hạn nhiệm vụ của tôi' });
    await expect.poll(() => digest.isChecked()).toBe(true);
    await expect.poll(() => reminders.isChecked()).toBe(true);
    await saveScreenshot(page, 'notification-preferences', { fullPage: false });
    await digest.click({ force: true });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page
      .locator('.mantine-Notification-root')
      .filter({ hasText: 'Đã lưu cài đặt nhận thư.' })
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const saved = await (await page.request.get(url('/api/v1/me/notification-preferences'))).json();
    expect(saved).toEqual({ emailReminders: true, emailEscalations: true, emailDigest: false });

    await page.reload();
    await page.getByRole('heading', { name: /^Xin chào, / }).waitFor();
    dialog = await openSettings();
    await expect
      .poll(() => dialog.getByRole('switch', { name: 'Thư tổng hợp hằng ngày' }).isChecked())
      .toBe(false);
    await expect
      .poll(() => dialog.getByRole('switch', { name: 'Nhắc hạn nhiệm vụ của tôi' }).isChecked())
      .toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
