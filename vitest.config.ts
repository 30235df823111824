import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests too slow for every run (`npm test`), run by `npm run test:slow` (vitest.slow.config.ts) and by CI:
 * - attacks/08: times hash tables and a reader at 30k keys against a baseline, about 10 s of CPU, and its
 *   ratios need the machine to itself;
 * - report/html.browser: opens the HTML report in Chromium, prints it to PDF and renders a page.
 */
export const SLOW = ['test/attacks/08-quadratic-reading.test.ts', 'test/report/html.browser.test.ts'];

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
  test: { ...common, include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] },
});
