import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const SAMPLE = join(ROOT, 'fixtures/sample-month');
// The sample month's newest confirmation is on 2026-11-23 (America/Los_Angeles).
const NEWEST = '2026-11-23';

describe('--fixed-on after the newest data', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-fixed-on-'));
  // [fixed-on, lang, warned, what the note says]
  const CASES: Array<[string, string, boolean, RegExp | undefined]> = [
    [
      '2026-11-30',
      'en',
      true,
      /^1\. WARNING: the fix date 2026-11-30 is after the newest confirmation in the data \(2026-11-23\)/m,
    ],
    ['2026-11-24', 'zh', true, /^1\. 警告：整改日期 2026-11-24 晚于数据中最新的发货确认（2026-11-23）/m],
    [NEWEST, 'en', false, undefined],
    ['2026-11-03', 'en', false, undefined],
  ];
  it.each(CASES)('--fixed-on %s --lang %s: warned %s', (fixedOn, lang, warned, note) => {
    const out = join(tmp, `${fixedOn}-${lang}`);
    const r = runCli(['appeal', SAMPLE, '--fixed-on', fixedOn, '--lang', lang, '--out', out], {
      env: { SHIPAUDIT_CHROMIUM: 'none' },
    });
    expect(r.code).toBe(0);
    const readMe = readFileSync(join(out, 'READ-ME-FIRST.txt'), 'utf8');
    // The warning is in the language asked for, like the note.
    const warning =
      lang === 'zh'
        ? `shipaudit：警告：--fixed-on ${fixedOn} 晚于读到的最新确认发货（${NEWEST}）：材料包中没有"整改之后"的时段`
        : `shipaudit: warning: --fixed-on ${fixedOn} is after the newest confirmation read (${NEWEST}): ` +
          'the pack has no "after" period';
    if (warned) {
      expect(r.stderr.split('\n')).toContain(warning);
      expect(readMe).toMatch(note!);
    } else {
      expect(r.stderr).not.toMatch(/warning: --fixed-on|警告：--fixed-on/);
      expect(readMe).not.toMatch(/WARNING|警告/);
    }
  });
});

describe('dates typed on the command line must be real days', () => {
  const CASES: Array<[string[], string]> = [
    [['audit', SAMPLE, '--from', '2026-13-01'], '--from'],
    [['audit', SAMPLE, '--to', '2026-02-30'], '--to'],
    [['appeal', SAMPLE, '--fixed-on', '2026-11-31'], '--fixed-on'],
  ];
  it.each(CASES)('%j is refused with one line', (args, option) => {
    const r = runCli(args, { cwd: mkdtempSync(join(tmpdir(), 'shipaudit-dates-')) });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^shipaudit: ${option}: `));
  });
});
