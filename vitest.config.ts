import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The CLIs the tests spawn fit their text to COLUMNS: wide, so that tests of content see each line
    // whole. Tests of the fitting (test/cli/terminal*.test.ts) set COLUMNS themselves.
    env: { COLUMNS: '100000' },
  },
});
