import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { journey, url } from './harness.ts';
import { signIn } from './session.ts';

/*
 * The notification centre's e-mail settings (issue #8): a member of the Phúc La demo (tuan.dm) opens the bell,
 * turns the daily digest e-mail off, and finds it off again after a reload; the server holds the choice that the
 * reminder and digest jobs read.
 */

const j = journey('notifications');
let page: Page;

async function openSettings() {
  await page.getByRole('button', { name: /^Thông báo \(\d+ chưa đọc\)$/ }).click();
  await page.getByRole('button', { name: 'Cài đặt nhận thư' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cài đặt thông báo qua thư điện tử' });
  await dialog.waitFor();
  return dialog;
}

beforeAll(async () => {
  page = await j.openPage();
  j.current = page;
});

describe('e-mail settings in the notification centre', () => {
  it('turns the daily digest off and keeps the choice', async () => {
    await signIn(page, 'tuan.dm');
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
    expect(j.pageErrors).toEqual([]);
  });
});
