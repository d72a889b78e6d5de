import { defineConfig } from 'vitest/config';

// `npm test` runs every project; each server test file gets its own PostgreSQL database (see global-setup).
const reportDir = process.env.STEERCO_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    // CI adds a JSON report per run, summed into one closing line by scripts/test-summary.ts.
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/api.json` }]] : ['default'],
    projects: [
      { test: { name: 'calendar', root: 'packages/calendar', include: ['test/**/*.test.ts'] } },
      { test: { name: 'contract', root: 'packages/contract', include: ['test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/clock-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'web', root: 'apps/web', include: ['src/**/*.test.{ts,tsx}'] } },
    ],
  },
});
