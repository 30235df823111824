import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** What `npm pack` would put in the tarball that `npm install -g ./shipaudit-0.1.0.tgz` installs. */
function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // --ignore-scripts: `prepare` builds dist/, which `npm test` has just done.
  const r = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
}

describe('the npm package', () => {
  const files = packedFiles();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('holds the command, the built code, the README and package.json, and nothing else', () => {
    expect(files).toContain('bin/shipaudit.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/cli/commands/audit.js');
    expect(files).toContain('dist/bundle/main.js');
    expect(files).toContain('dist/bundle/read-worker.js');
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
      'README.md',
      'bin/shipaudit.js',
      'package.json',
    ]);
  });

  it.each([[/^test\//], [/^fixtures\//], [/^src\//], [/^bench\//], [/\.map$/], [/\.test\./]])(
    'has no file matching %s',
    (re) => {
      expect(files.filter((f) => re.test(f))).toEqual([]);
    },
  );

  it('installs a shipaudit command that builds itself from a clone', () => {
    expect(pkg.bin).toEqual({ shipaudit: 'bin/shipaudit.js' });
    expect(readFileSync(join(ROOT, pkg.bin.shipaudit), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(pkg.scripts.prepare).toBe('tsc -p tsconfig.json && node scripts/bundle.mjs');
    expect(pkg.scripts.build).toBe(pkg.scripts.prepare);
    expect(pkg.engines.node).toBe('>=20');
    // Everything the built code imports at run time is a dependency, not a devDependency.
    for (const dev of Object.keys(pkg.devDependencies)) {
      const used = files
        .filter((f) => f.endsWith('.js'))
        .some((f) => {
          const text = readFileSync(join(ROOT, f), 'utf8');
          // tsc writes single quotes, esbuild (dist/bundle/) double ones.
          return ["'", '"'].some(
            (q) =>
              text.includes(`from ${q}${dev}${q}`) ||
              text.includes(`import(${q}${dev}${q})`) ||
              text.includes(`from ${q}${dev}/`),
          );
        });
      expect(used, `${dev} is imported by dist/ but only a devDependency`).toBe(false);
    }
  });
});
