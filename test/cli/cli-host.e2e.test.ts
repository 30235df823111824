import { describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli, spawnCli } from '../helpers/cli.js';

/**
 * The CLI host (test/helpers/cli-host.mjs) stands in for `node bin/shipaudit.js` in the end-to-end tests:
 * it must give what a new process gives, byte for byte, whatever ran in it before.
 */
const ENV = { ...process.env, NO_COLOR: '1', SHIPAUDIT_DEBUG: '' };
const SAMPLE = ['fixtures/sample-month', '--as-of', '2026-10-31T00:00:00Z'];

describe('the CLI host gives what a new process gives', () => {
  it.each([
    ['the JSON audit of the sample month', ['audit', ...SAMPLE, '--format', 'json'], 1],
    ['the text audit, after the JSON one ran in the same host', ['audit', ...SAMPLE], 1],
    ['a folder that is not there: one line, exit 2', ['audit', 'fixtures/no-such-folder'], 2],
    ['an unknown option: commander’s message, exit 2', ['audit', '--no-such-option'], 2],
    ['the version', ['--version'], 0],
    ['the rules as JSON', ['rules', '--format', 'json'], 0],
    ['the audit again, after the failures', ['audit', ...SAMPLE, '--format', 'json'], 1],
  ])('%s', (_name, args, code) => {
    const hosted = runBuiltCli(args, { cwd: ROOT, env: ENV });
    const spawned = spawnCli(args, { cwd: ROOT, env: ENV });
    expect(spawned.code).toBe(code);
    expect(hosted).toEqual(spawned);
  });

  it('a setting read when a module loads (SHIPAUDIT_TIMINGS) reaches the run: another environment, another host', () => {
    const phases = (stderr: string) => stderr.replace(/\d+\.\d\d s/g, 'T s');
    const args = ['audit', ...SAMPLE, '--format', 'json'];
    const plain = runBuiltCli(args, { cwd: ROOT, env: ENV });
    const timed = runBuiltCli(args, { cwd: ROOT, env: { ...ENV, SHIPAUDIT_TIMINGS: '1' } });
    const spawned = spawnCli(args, { cwd: ROOT, env: { ...ENV, SHIPAUDIT_TIMINGS: '1' } });
    expect(plain.stderr).toBe('');
    expect(timed.stderr).toMatch(/^shipaudit timing: /);
    expect(phases(timed.stderr)).toBe(phases(spawned.stderr));
    expect(timed.stdout).toBe(plain.stdout);
  });

  it('a run in another folder reads its paths from there', () => {
    const args = ['audit', 'sample-month', '--as-of', '2026-10-31T00:00:00Z', '--format', 'json'];
    const hosted = runBuiltCli(args, { cwd: `${ROOT}/fixtures`, env: ENV });
    expect(hosted).toEqual(spawnCli(args, { cwd: `${ROOT}/fixtures`, env: ENV }));
    expect(JSON.parse(hosted.stdout).summary.matchedWithTracking).toBeGreaterThan(0);
  });
});
