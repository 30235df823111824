import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLineError, shipaudit, useBuiltCli, withNightly } from './helpers.js';

/**
 * Issue 15, item 2: `check` recorded the findings as reported before it wrote the reports and printed
 * them; when `--out` failed the run ended with "internal error" and the findings were never shown again.
 */
useBuiltCli();
const NIGHT_1 = '2026-11-10T06:00';
const NEW = 'New findings since the last run (2)';

describe('check reports first and records the state second', () => {
  it.each([
    ['--out naming a file', (dir: string) => writeFileSync(join(dir, 'reports'), 'not a folder\n'), /reports/],
    [
      '--out naming a folder that holds a folder where a report goes',
      (dir: string) => mkdirSync(join(dir, 'reports', 'shipaudit-check-20261110T140000Z.json'), { recursive: true }),
      /shipaudit-check-20261110T140000Z\.json/,
    ],
  ])('%s: one-line error, exit 2, the findings still printed and shown again next run', (_, spoil, names) => {
    const dir = withNightly('night-1');
    spoil(dir);
    const failed = shipaudit(dir, 'check', '--as-of', NIGHT_1, '--out', 'reports');
    expect(failed.code).toBe(2);
    expect(oneLineError(failed.stderr)).toMatch(names);
    expect(oneLineError(failed.stderr)).toMatch(/^shipaudit: cannot write /);
    expect(failed.stdout).toContain(NEW);
    expect(existsSync(join(dir, '.shipaudit/state.json'))).toBe(false);

    const again = shipaudit(dir, 'check', '--as-of', NIGHT_1);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(NEW);
    const state = JSON.parse(readFileSync(join(dir, '.shipaudit/state.json'), 'utf8'));
    expect(Object.keys(state.reported)).toHaveLength(2);
    expect(shipaudit(dir, 'check', '--as-of', NIGHT_1).stdout).toContain('New findings since the last run: none');
  });

  it('a state file that cannot be written is a one-line error naming it', () => {
    const dir = withNightly('night-1');
    mkdirSync(join(dir, '.shipaudit', 'state.json'), { recursive: true });
    const r = shipaudit(dir, 'check', '--as-of', NIGHT_1);
    expect(r.code).toBe(2);
    expect(oneLineError(r.stderr)).toMatch(/state\.json/);
  });
});
