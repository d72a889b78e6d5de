import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser.ts';

/*
 * The one harness of the browser journeys: the browser, one context per person (each with the server's test
 * clock), a screenshot of the page in use when a step fails, page errors and requests that leave our server,
 * and the helpers every journey needs (API calls as a signed-in person, a small PDF to upload, the clock).
 */

export const baseUrl = inject('baseUrl');
export const url = (path: string) => `${baseUrl}${path}`;

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 375, height: 812 };

/** Every browser context of this file, so that moving the server clock moves theirs too. */
const allContexts = new Set<BrowserContext>();

/** The server's clock (the e2e server runs with TEST_CLOCK, starting from STEERCO_TEST_NOW). */
export async function serverNow(): Promise<Date> {
  const response = await fetch(url('/api/test/clock'));
  if (!response.ok) throw new Error(`GET /api/test/clock: ${response.status}`);
  return new Date(((await response.json()) as { now: string }).now);
}

/** Today's date in Viet Nam on the server's clock (`YYYY-MM-DD`). */
export async function serverToday(): Promise<string> {
  return vnDateOf(await serverNow());
}

/**
 * Moves the server's clock to `at` (an ISO instant) and every open page's clock with it, e.g. to the meeting's
 * day. The clock runs on from there. Journeys that move it put it back (`resetServerClock`) for the next file.
 */
export async function setServerClock(at: string): Promise<void> {
  const response = await fetch(url('/api/test/clock'), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  const now = await serverNow();
  for (const context of allContexts) await context.clock.setSystemTime(now);
}

/** The instant the e2e run started its clock from (global-setup), to go back to after a journey moved it. */
export const resetServerClock = () => setServerClock(inject('testNow'));

/** The date in Viet Nam of an instant (`YYYY-MM-DD`); the country has no daylight saving. */
const vnDateOf = (instant: Date | string) =>
  new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Today on the test clock the run started from (the journeys that move the clock put it back). */
export const testToday = vnDateOf(inject('testNow'));

/** Adds `days` calendar days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** dd/MM/yyyy, as the app shows and takes dates. */
export const vn = (iso: string) => iso.split('-').reverse().join('/');

export interface Journey {
  /** A new person: a fresh browser context (own cookies) on the server's clock, and a page in it. */
  openPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** The same person as `page` on a 375 px phone, sharing its session. */
  phoneOf(page: Page): Promise<Page>;
  /** The page a failing step is pictured from. */
  current: Page | undefined;
  /** Uncaught errors of any page of this journey: a journey ends by expecting none. */
  readonly pageErrors: string[];
  /** Requests to anything but our own server (the app must work without the internet). */
  readonly foreignRequests: string[];
}

/**
 * Sets up one journey file: call it once at the top level. `name` prefixes the screenshots of failed steps.
 */
export function journey(name: string): Journey {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  async function pageIn(context: BrowserContext): Promise<Page> {
    const time = await serverNow();
    await context.clock.install({ time });
    contexts.push(context);
    allContexts.add(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(baseUrl) && !target.startsWith('data:') && !target.startsWith('blob:')) {
        foreignRequests.push(target);
      }
    });
    return page;
  }

  const state: Journey = {
    current: undefined,
    pageErrors,
    foreignRequests,
    async openPage(viewport = DESKTOP) {
      if (!browser) throw new Error('journey(): the browser starts in beforeAll');
      return pageIn(await browser.newContext({ viewport, locale: 'vi-VN' }));
    },
    async phoneOf(page) {
      if (!browser) throw new Error('journey(): the browser starts in beforeAll');
      const storageState = await page.context().storageState();
      return pageIn(await browser.newContext({ viewport: PHONE, locale: 'vi-VN', storageState }));
    },
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  // A picture of the page at the moment a step failed says more than the locator's call log.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && state.current && !state.current.isClosed()) {
      const step = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50);
      await saveScreenshot(state.current, `failed-${name}-${step}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const context of contexts) {
      allContexts.delete(context);
      await context.close().catch(() => undefined);
    }
    await browser?.close();
  });

  return state;
}

/** Calls the API as the person signed in on `page`, with the CSRF token of that session; expects success. */
// biome-ignore lint/suspicious/noExplicitAny: the journeys read the JSON they know the shape of
export async function apiAs<T = any>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const me = await page.request.get(url('/api/v1/me'));
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(url(path), {
    method,
    headers: { 'X-CSRF-Token': csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  expect(response.ok(), `${method} ${path}: ${response.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** A tiny but well-formed one-page PDF showing `text` (the server checks uploads by content). */
export function tinyPdf(text = 'Tai lieu kiem thu'): Buffer {
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
