import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reportDir = process.env.STEERCO_TEST_REPORT_DIR;

/**
 * The files share one server and its database, and the foundation journey replaces the demo administrator's
 * initial password on its first login: it must run first, so files run in name order (journey, organization …).
 */
class ByFileName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * End-to-end tests: a real server (built web app, demo data, its own fresh database) driven through Chromium.
 * Run from the repository root after building the web app: `npm run test:e2e`.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: repoRoot,
    include: ['apps/web/e2e/**/*.e2e.ts'],
    globalSetup: ['apps/web/e2e/global-setup.ts'],
    // One server, one browser journey at a time; steps within a file depend on each other.
    fileParallelism: false,
    sequence: { sequencer: ByFileName },
    testTimeout: 120_000,
    // expect.poll waits as long as a locator does (15 s): its 1 s default failed on a loaded CI machine while
    // the page was still fetching what the poll reads.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 240_000,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]] : ['default'],
  },
});
