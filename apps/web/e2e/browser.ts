import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths.ts';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Containers have no sandbox or GPU; the rest keeps Chromium from calling home during tests.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Saves a screenshot as test-results/e2e/<name>.png and returns its path. Full page by default; dialogs and
 * drawers cover only the viewport, so pictures of them should not be.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  // Let transitions (modals, drawers) settle so the picture shows the final state.
  await page.waitForTimeout(350);
  await page.screenshot({ path: file, fullPage });
  return file;
}
