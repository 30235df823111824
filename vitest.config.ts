import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests too slow for every run (`npm test`), run by `npm run test:slow` (vitest.slow.config.ts) and by CI:
 * - attacks/08: times hash tables and a reader at 30k keys against a baseline, about 10 s of CPU, and its
 *   ratios need the machine to itself;
 * - report/html.browser: opens the HTML report in Chromium, prints it to PDF and renders a page;
 * - cli/appeal.e2e and attacks/01: most of their appeal runs print report.pdf with Chromium, a browser
 *   started per pack (about 2.5 s of CPU each, more than all else these files do);
 * - attacks/10: inputs made just past each size limit (lines, fields, JSON depth, zip entries), the scale
 *   test of the suite;
 * - any `*.slow.test.ts`: e.g. cli/sea.slow, which builds the single executable and runs it.
 */
export const SLOW = [
  'test/attacks/08-quadratic-reading.test.ts',
  'test/report/html.browser.test.ts',
  'test/cli/appeal.e2e.test.ts',
  'test/attacks/01-appeal-force-data-loss.test.ts',
  'test/attacks/10-unbounded-memory.test.ts',
  'test/**/*.slow.test.ts',
];

/** The tests that run the built CLI (through test/helpers/cli.ts) and keep temp folders per file. */
const E2E = ['test/cli/**/*.test.ts', 'test/attacks/**/*.test.ts'];

/** What the fast and the slow runs share. */
export const common = {
  // End-to-end tests run the built CLI; give them room on a 2-core machine.
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Vitest would use one worker on 2 cores (cores - 1). A worker waiting for the CLI it runs uses no CPU,
  // so three keep both cores busy.
  maxWorkers: 3,
  // The CLIs the tests spawn fit their text to COLUMNS: wide, so that tests of content see each line
  // whole. Tests of the fitting (test/cli/terminal*.test.ts) set COLUMNS themselves.
  env: { COLUMNS: '100000' },
};

export default defineConfig({
  test: {
    ...common,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SLOW, ...E2E],
          // The unit tests change no global state (no mocks, no process.env, no chdir): one module graph per
          // worker instead of one per file halves their CPU.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E, exclude: [...configDefaults.exclude, ...SLOW] } },
    ],
  },
});
