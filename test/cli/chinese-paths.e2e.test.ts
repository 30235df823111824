import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBuiltCli } from '../helpers/cli.js';

/**
 * A seller's folders as they are on a Chinese Windows machine: Chinese names, a shop folder with brackets,
 * config globs written with backslashes. The Windows rules themselves are tested with node:path/win32 in
 * paths.test.ts; here the CLI runs on them end to end.
 */
const FIXTURES = join(ROOT, 'fixtures/nightly/base');
const AS_OF = '2026-11-08T08:00';

function shop(inputs: string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'shipaudit-zh-')), '店铺[US]');
  const put = (from: string, to: string) => {
    mkdirSync(join(dir, to), { recursive: true });
    for (const f of readdirSync(join(FIXTURES, from)))
      copyFileSync(
        join(FIXTURES, from, f),
        join(
          dir,
          to,
          f
            .replace(/^orders/, '订单')
            .replace(/^confirmations/, '确认')
            .replace(/^tracking/, '物流跟踪'),
        ),
      );
  };
  put('amazon', '下载/亚马逊');
  put('tracking', '下载/物流');
  writeFileSync(
    join(dir, 'shipaudit.config.json'),
    JSON.stringify({ inputs, marketplaceTimeZone: 'America/Los_Angeles' }),
  );
  return dir;
}

function check(cwd: string, ...args: string[]) {
  return runBuiltCli(['check', '--as-of', AS_OF, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

describe('Chinese folder and file names, backslash globs, a shop folder with [ ]', () => {
  const folders = check(shop(['下载/亚马逊', '下载/物流']));

  it('reads the folders: all well, 3 input files', () => {
    expect(folders.stderr).toBe('');
    expect(folders.code).toBe(0);
    expect(folders.stdout).toContain('from 3 input files');
  });

  // [inputs as a Windows user writes them]
  const GLOBS: string[][] = [
    ['下载\\亚马逊\\*.txt', '下载\\物流\\*.csv'],
    ['下载/亚马逊/*.txt', '下载/物流/物流跟踪-*.csv'],
    ['下载\\**\\*.{txt,csv}'],
  ];
  it.each(GLOBS)('inputs %j: the same files, the same report', (...inputs) => {
    const dir = shop(inputs);
    const r = check(dir);
    expect(r).toEqual(folders);
    // With --config from elsewhere the globs are still taken from the config's folder (a fresh shop: the
    // state file is new again, and named from the working folder).
    const other = shop(inputs);
    const state = relative(tmpdir(), join(other, '.shipaudit/state.json'));
    expect(check(tmpdir(), '--config', join(other, 'shipaudit.config.json'))).toEqual({
      ...folders,
      stdout: folders.stdout.replace('.shipaudit/state.json', state),
    });
  });

  it('writes its reports into a folder with a Chinese name', () => {
    const dir = shop(['下载/亚马逊', '下载/物流']);
    const r = check(dir, '--out', '报告');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readdirSync(join(dir, '报告')).some((f) => f.endsWith('.json'))).toBe(true);
  });
});
