import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileMatches } from '../../src/cli/settings.js';
import { runCli } from '../helpers/cli.js';

describe('fileMatches: files[].match is taken from the config folder', () => {
  const base = resolve('/home/seller/audit');
  // [pattern, file, matches]
  const CASES: Array<[string, string, boolean]> = [
    ['erp/*.csv', '/home/seller/audit/erp/tracking.csv', true],
    ['erp/*.csv', '/home/seller/other/erp/tracking.csv', false],
    ['erp/*.csv', '/home/seller/audit/erp/sub/tracking.csv', false],
    ['*.csv', '/home/seller/audit/erp/sub/tracking.csv', true],
    ['yanwen-*.csv', '/elsewhere/yanwen-1.csv', true],
    ['yanwen-*.csv', '/elsewhere/ups-1.csv', false],
    ['/data/erp/*.csv', '/data/erp/t.csv', true],
    ['/data/erp/*.csv', '/home/seller/audit/data/erp/t.csv', false],
    ['../shared/*.txt', '/home/seller/shared/orders.txt', true],
  ];
  it.each(CASES)('%s on %s → %s', (pattern, file, want) => {
    expect(fileMatches(resolve(file), pattern, base)).toBe(want);
  });
});

describe('the same config means the same thing from its folder and with --config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-config-paths-'));
  mkdirSync(join(dir, 'erp'));
  // The header of fixtures/bad/ambiguous-dates.csv, with dates that are in the past read either way.
  writeFileSync(
    join(dir, 'erp/ambiguous-dates.csv'),
    '"Order Number","Ship Date","Carrier","Tracking Number"\n' +
      '"112-7730914-2286015","03/04/2026","USPS","9400111899562044773909"\n' +
      '"114-0836621-9930457","05/06/2026","UPS","1ZV7A1290344190717"\n',
  );
  // Without the files[] entry the day/month order of 03/04/2026 is ambiguous: exit 2.
  const config = join(dir, 'shipaudit.config.json');
  writeFileSync(config, JSON.stringify({ files: [{ match: 'erp/*.csv', dateOrder: 'day-first' }], inputs: ['erp'] }));

  it('audit: from the config folder, and from elsewhere with --config', () => {
    const here = runCli(['audit', 'erp/ambiguous-dates.csv', '--format', 'json'], { cwd: dir });
    const there = runCli(['audit', join(dir, 'erp/ambiguous-dates.csv'), '--config', config, '--format', 'json']);
    for (const r of [here, there]) {
      expect(r.stderr).not.toMatch(/ambiguous/);
      expect(r.code).not.toBe(2);
    }
    expect(there.code).toBe(here.code);
    expect(JSON.parse(there.stdout).summary).toEqual(JSON.parse(here.stdout).summary);
  });

  it('check: from the config folder, and from elsewhere with --config', () => {
    const state = (n: string) => ['--state', join(dir, `${n}.json`), '--no-fetch'];
    const here = runCli(['check', ...state('a'), '--format', 'json'], { cwd: dir });
    const there = runCli(['check', '--config', config, ...state('b'), '--format', 'json']);
    for (const r of [here, there]) expect(r.stderr + r.stdout).not.toMatch(/ambiguous/);
    expect(here.code).toBe(1);
    expect(there.code).toBe(here.code);
  });
});
