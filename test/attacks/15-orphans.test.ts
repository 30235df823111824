import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid, shipaudit, useBuiltCli, withNightly, withSample } from './helpers.js';

/**
 * Issue 15, item 15: a killed `appeal` left `<out>.tmp-PID/`, a killed `--evidence` a hidden temp file, for
 * ever; and only the latest unusable state file was kept. Orphans are made here the way a killed run
 * leaves them; the next run recognises them as its own (name and dead pid) and removes them.
 */
useBuiltCli();
const FIX = '2026-11-03';
const PACK = [
  'READ-ME-FIRST.txt',
  'evidence.csv',
  'evidence.xlsx',
  'plan-of-action.md',
  'plan-of-action.txt',
  'report.html',
];

describe('orphans of killed runs are cleaned up by the next run', () => {
  it('appeal: the temporary folders of a killed run go, a live run’s and the seller’s stay', () => {
    const dir = withSample();
    const dead = deadPid();
    const orphans = [`pack.tmp-${dead}`, `.pack.shipaudit-tmp-${dead}-k3x9`];
    for (const o of orphans) {
      mkdirSync(join(dir, o));
      for (const f of PACK.slice(0, 3)) writeFileSync(join(dir, o, f), 'half written');
    }
    writeFileSync(join(dir, `.pack.shipaudit-tmp-${dead}-k3x9`, '.shipaudit-pack'), '{}');
    const live = `.pack.shipaudit-tmp-${process.pid}-a1b2`;
    mkdirSync(join(dir, live));
    mkdirSync(join(dir, `pack.tmp-${dead}-mine`));
    writeFileSync(join(dir, `pack.tmp-${dead}-mine`, 'holiday.jpg'), 'x');
    const r = shipaudit(dir, 'appeal', 'in', '--fixed-on', FIX, '--out', 'pack');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([live, 'in', 'pack', `pack.tmp-${dead}-mine`].sort());
  });

  it('--evidence: the hidden temp files of a killed run go, this tool’s old naming included', () => {
    const dir = withSample();
    const dead = deadPid();
    writeFileSync(join(dir, `.evidence.csv.${dead}.1764670000000.tmp`), 'half');
    writeFileSync(join(dir, `.evidence.csv.shipaudit-tmp-${dead}-z9q1`), 'half');
    writeFileSync(join(dir, `.other.csv.shipaudit-tmp-${dead}-z9q2`), 'half');
    writeFileSync(join(dir, '.hidden-notes'), 'mine');
    const r = shipaudit(dir, 'audit', 'in', '--evidence', 'evidence.csv');
    expect(r.code, r.stderr).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.hidden-notes', 'evidence.csv', 'in']);
  });

  it('check: the last 5 unusable state files are kept, each under its own name', () => {
    const dir = withNightly();
    mkdirSync(join(dir, '.shipaudit'));
    for (let i = 1; i <= 7; i++) {
      // A state file of shipaudit's cut short (another file is refused, never set aside: check.e2e).
      writeFileSync(join(dir, '.shipaudit/state.json'), `{"version": 1, "reported": {"broken ${i}`);
      const r = shipaudit(dir, 'check', '--as-of', '2026-11-10T06:00');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/kept as \.shipaudit\/state\.json\.corrupt-\d{8}T\d{9}Z and rebuilt/);
    }
    const kept = readdirSync(join(dir, '.shipaudit'))
      .filter((f) => f.startsWith('state.json.corrupt'))
      .sort();
    expect(kept).toHaveLength(5);
    expect(kept.map((f) => readFileSync(join(dir, '.shipaudit', f), 'utf8'))).toEqual(
      [3, 4, 5, 6, 7].map((i) => `{"version": 1, "reported": {"broken ${i}`),
    );
  });
});
