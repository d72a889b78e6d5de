import type { Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** The demo people's initial password (seed), and the one the e2e files give them at their first login. */
export const DEMO_PASSWORD = 'PhucLa@2024';
export const NEW_PASSWORD = 'BanChiDao2024moi';

/**
 * Signs in, replacing the initial password at the first login. The e2e files share one server and run in name
 * order, so another file may already have changed it: each password is tried in turn.
 */
export async function signIn(
  page: Page,
  username: string,
  passwords: string[] = [DEMO_PASSWORD, NEW_PASSWORD],
) {
  const baseUrl = inject('baseUrl');
  for (const password of passwords) {
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert').first();
    const outcome = await Promise.race([
      page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap')).then(() => 'in' as const),
      alert.waitFor().then(() => 'refused' as const),
    ]);
    if (outcome === 'refused') {
      const message = (await alert.textContent()) ?? '';
      if (message.includes('Tên đăng nhập hoặc mật khẩu không đúng')) continue;
      // Anything else (a lockout, the rate limit) would only time out later: say what the page said.
      throw new Error(`Sign-in of ${username} refused: ${message}`);
    }
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

/** Waits for a Mantine notification with this text. */
export async function toast(page: Page, text: string | RegExp) {
  await page.locator('.mantine-Notification-root').filter({ hasText: text }).first().waitFor();
}

/** Waits until every notification has closed (a notification under the mouse stays open: move it away). */
export async function noToasts(page: Page) {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
}

/**
 * Picks an option of a Mantine select: opens it (or types `typed` into it, for a select that searches the
 * server) and clicks the first option matching `option`.
 */
export async function choose(page: Page, field: Locator, option: string | RegExp, typed?: string) {
  if (typed) await field.fill(typed);
  else await field.click();
  await page.getByRole('option', { name: option }).first().click();
}
