import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** One run of a built entry (dist/bundle/main.js or dist/cli/main.js), as a user's process. */
function run(entry: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, entry), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundle (scripts/bundle.mjs) runs as the modules it was made from', () => {
  it.each<[string, string[], NodeJS.ProcessEnv]>([
    ['the month as JSON', ['audit', 'fixtures/sample-month', '--format', 'json'], {}],
    ['the month as text', ['audit', 'fixtures/sample-month'], {}],
    // The reading thread's module is found beside the bundle's chunks, as beside dist/engine/.
    [
      'the month read with the second thread',
      ['audit', 'fixtures/sample-month', '--format', 'json'],
      { SHIPAUDIT_THREAD_MIN_MB: '0' },
    ],
    // A JSON order export: its reader is loaded only when such a file is read.
    ['a lazily loaded reader', ['inspect', 'fixtures/formats'], {}],
    ['the version (package.json found from the bundle)', ['--version'], {}],
    ['a usage error', ['audit', 'no-such-folder'], {}],
  ])('%s', (_, args, env) => {
    const bundled = run('dist/bundle/main.js', args, env);
    const modules = run('dist/cli/main.js', args, env);
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    expect(bundled).toEqual(modules);
  });
});

describe('bin/shipaudit.js', () => {
  // A copy of bin/ beside stand-ins for the two built entries, each saying which it is.
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-bin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin/shipaudit.js'), join(dir, 'bin/shipaudit.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const entries = { modules: 'dist/cli/main.js', bundle: 'dist/bundle/main.js' } as const;
  const T = 1_700_000_000;

  it.each<[string, { modules?: number; bundle?: number }, { out: string; code: number }]>([
    ['runs the bundle when it is newer than the modules', { modules: T, bundle: T + 5 }, { out: 'bundle', code: 0 }],
    ['runs the bundle when both were built together', { modules: T, bundle: T }, { out: 'bundle', code: 0 }],
    [
      'runs the modules when a later tsc left the bundle behind',
      { modules: T + 5, bundle: T },
      { out: 'modules', code: 0 },
    ],
    ['runs the modules when there is no bundle', { modules: T }, { out: 'modules', code: 0 }],
    ['says to build when nothing is built', {}, { out: '', code: 2 }],
    ['says to build when only a bundle is left', { bundle: T }, { out: '', code: 2 }],
  ])('%s', (_, times, expected) => {
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    for (const [name, file] of Object.entries(entries)) {
      const at = times[name as keyof typeof entries];
      if (at === undefined) continue;
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), `process.stdout.write(${JSON.stringify(name)});\n`);
      utimesSync(join(dir, file), at, at);
    }
    const r = spawnSync(process.execPath, [join(dir, 'bin/shipaudit.js')], { encoding: 'utf8' });
    expect({ out: r.stdout, code: r.status }).toEqual(expected);
    if (expected.code === 2) expect(r.stderr).toMatch(/^shipaudit: not built yet\. Run `npm install`/);
  });
});
