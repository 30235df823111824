import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';

// The single executable (`npm run build:sea`): built here from the built CLI, then run on the sample
// month beside `node bin/shipaudit.js`; what it prints and writes must be the same, byte for byte.
// Slow (building copies and patches a 100 MB node binary): run with the slow tests.

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-sea-'));
const out = join(tmp, 'sea');
const exe = join(out, process.platform === 'win32' ? 'shipaudit.exe' : 'shipaudit');

function runSea(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(exe, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the single executable', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/build-sea.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^executable: .*shipaudit/m);
  }, 300_000);

  it('prints the version of package.json', () => {
    const r = runSea(['--version']);
    expect(r).toEqual({
      code: 0,
      stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`,
      stderr: '',
    });
  });

  // [what, arguments, environment]
  const CASES: Array<[string, string[], NodeJS.ProcessEnv]> = [
    ['the sample-month audit', ['audit', 'fixtures/sample-month'], {}],
    ['the sample-month audit as JSON', ['audit', 'fixtures/sample-month', '--format', 'json'], {}],
    // The second reading thread, forced onto the small files: its code is bundled into the executable.
    [
      'the audit read by two threads',
      ['audit', 'fixtures/sample-month'],
      { SHIPAUDIT_THREAD_MIN_MB: '0', SHIPAUDIT_THREAD_TEST: 'cut' },
    ],
    ['an inspect (lazy-loaded command)', ['inspect', 'fixtures/formats'], {}],
    ['a bad input (exit 2, one line)', ['audit', 'fixtures/no-such-folder'], {}],
    ['the bash completion', ['completion', 'bash'], {}],
  ];
  it.each(CASES)('%s: the same as node bin/shipaudit.js', (_what, args, env) => {
    const sea = runSea(args, env);
    expect(sea).toEqual(runCli(args, { env }));
    if (env.SHIPAUDIT_THREAD_TEST) expect(sea.stderr).toMatch(/cut .* held/);
  });

  it('writes the same appeal pack (spreadsheet included)', () => {
    const packs = { sea: join(tmp, 'pack-sea'), node: join(tmp, 'pack-node') };
    const env = { SHIPAUDIT_CHROMIUM: 'none' };
    const args = (dir: string) => ['appeal', 'fixtures/sample-month', '--fixed-on', '2026-11-03', '--out', dir];
    const sea = runSea(args(packs.sea), env);
    const node = runCli(args(packs.node), { env });
    expect(sea.code).toBe(node.code);
    expect(sea.stderr).toBe(node.stderr);
    const files = readdirSync(packs.node).sort();
    expect(readdirSync(packs.sea).sort()).toEqual(files);
    expect(files).toContain('evidence.xlsx');
    // The marker holds the moment it was written; the workbook its own creation time.
    for (const f of files.filter((f) => f !== '.shipaudit-pack' && !f.endsWith('.xlsx'))) {
      expect(readFileSync(join(packs.sea, f)), f).toEqual(readFileSync(join(packs.node, f)));
    }
  });
});
