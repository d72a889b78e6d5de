import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, apiAs, journey, testToday, url } from './harness.ts';
import { signIn } from './session.ts';

/*
 * Text people type is shown as text (issue #17): a task and a document whose titles hold HTML and script, typed
 * by the Phúc La secretary (huan.vt), read as the same characters on their pages, with no element made from them
 * and no script run.
 */
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Rà soát & báo cáo';

const j = journey('stored-text');
let page: Page;
let dialogs = 0;

beforeAll(async () => {
  page = await j.openPage();
  j.current = page;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
});

async function noMarkupRan() {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
}

describe('stored HTML shown as text in the web app', () => {
  it('a task and a document titled with markup read as typed', async () => {
    await signIn(page, 'huan.vt');
    const mine = (await apiAs(page, 'GET', '/api/v1/committees?mine=true')) as {
      items: { id: string; unitId: string; shortName: string }[];
    };
    const phucLa = mine.items.find((c) => c.shortName === 'BCĐ phường Phúc La')!;
    const task = (await apiAs(page, 'POST', `/api/v1/committees/${phucLa.id}/tasks`, {
      title: HOSTILE,
      leadUnitId: phucLa.unitId,
      deadline: addDays(testToday, 30),
    })) as { id: string };
    const doc = (await apiAs(page, 'POST', `/api/v1/committees/${phucLa.id}/documents`, {
      type: 'report',
      title: HOSTILE,
    })) as { id: string };

    await page.goto(url(`/nhiem-vu/${task.id}`));
    await page.getByRole('heading', { name: HOSTILE, level: 1 }).waitFor();
    await noMarkupRan();

    await page.goto(url(`/van-ban/${doc.id}`));
    await page.getByRole('main').getByText(HOSTILE).first().waitFor();
    await noMarkupRan();
  });
});
