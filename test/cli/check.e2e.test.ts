import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJsonSchema } from '../../src/report/json-schema.js';
import { expectMatchesSchema } from '../helpers/schema.js';
import { parseConfig } from '../../src/config/load.js';
import { runBuiltCli } from '../helpers/cli.js';

/**
 * The nightly check as cron runs it: the built CLI in a working folder holding a config file and the
 * folder a download script fills (fixtures/nightly/README.md tells the nights' story).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures/nightly');
// Night 0: base alone, checked while its orders are fresh (by Nov 10, an order every 7 hours stopping on
// Nov 6 is a download that stopped).
const NIGHT = { 0: '2026-11-08T08:00', 1: '2026-11-10T06:00', 2: '2026-11-11T06:00', 3: '2026-11-12T06:00' } as const;

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (`npm test` does)');
});

const DEFAULT_CONFIG = { inputs: ['drops/amazon', 'drops/tracking'], marketplaceTimeZone: 'America/Los_Angeles' };

/** A working folder with a config file and the fixture folders given, copied in as a download script would. */
function workdir(config: object | string = DEFAULT_CONFIG, ...sets: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-check-'));
  made.push(dir);
  writeFileSync(
    join(dir, 'shipaudit.config.json'),
    typeof config === 'string' ? config : JSON.stringify(config, null, 2),
  );
  mkdirSync(join(dir, 'drops'));
  for (const s of sets) drop(dir, s);
  return dir;
}

function drop(dir: string, set: string): void {
  cpSync(join(FIXTURES, set), join(dir, 'drops'), { recursive: true });
}

function shipaudit(dir: string, ...args: string[]) {
  const r = runBuiltCli(args, { cwd: dir, env: { ...process.env, NO_COLOR: '1', SHIPAUDIT_DEBUG: '' } });
  return { ...r, lines: r.stdout.split('\n') };
}

const check = (dir: string, night: keyof typeof NIGHT, ...args: string[]) =>
  shipaudit(dir, 'check', '--as-of', NIGHT[night], ...args);

describe('shipaudit check, night after night', () => {
  it('all is well: one line saying what was checked, as of when; exit 0', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    const first = check(dir, 0);
    expect(first.stdout).toBe(
      '✔ shipaudit check, as of 2026-11-08 08:00 America/Los_Angeles: all well. ' +
        '80 shipments confirmed 2026-10-09 to 2026-11-07 06:00 (newest) from 3 input files, ' +
        'tracking up to 2026-11-09 05:00; LSR 0.0% (10 days), 0.0% (30 days), VTR 100.0%. First run: state kept in .shipaudit/state.json.\n',
    );
    expect([first.code, first.stderr]).toEqual([0, '']);
    const again = check(dir, 0);
    expect(again.stdout).toMatch(/VTR 100\.0%\.\n$/);
    expect(again.code).toBe(0);
  });

  const dir = workdir(DEFAULT_CONFIG, 'base');

  it('night 1: the findings, the shipments at risk and the orders due, most urgent first', () => {
    drop(dir, 'night-1');
    const r = check(dir, 1);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '✖ shipaudit check, as of 2026-11-10 06:00 America/Los_Angeles: 1 order past the latest ship date, 1 order to ship today, 2 shipments at risk, 2 new findings, 2 metrics past the warning level.',
        '',
        'At risk, not yet a defect',
        '           Order ID             Tracking number         Carrier  What to do',
        '  error    113-1000006-0000006                                   not confirmed; latest ship date 2026-11-09 23:59 passed 6.0 h ago: ship and confirm now',
        '  warning  113-1000003-0000003  9400111899562000009035  USPS     no carrier scan 19.5 h after confirmation, 4.5 h of the 24 h grace left; last event "Shipping Label Created, USPS Awaiting Item" 2026-11-09 10:25',
        '  warning  113-1000004-0000004  9400111899562000009042  USPS     no carrier scan 19.0 h after confirmation, 5.0 h of the 24 h grace left; last event "Shipping Label Created, USPS Awaiting Item" 2026-11-09 10:50',
        '  warning  113-1000005-0000005                                   not confirmed; latest ship date 2026-11-10 23:59, 18.0 h left: ship it today',
        '',
        'New findings since the last run (2)',
        '         Rule                       Order ID             Tracking number         Carrier  Details',
        '  error  confirmed-before-handover  113-1000001-0000001  9400111899562000009011  USPS     confirmed 49.0 h before the first carrier scan (USPS in possession of item, 2026-11-06 17:00 America/Los_Angeles)',
        '  error  late-confirmation          113-1000002-0000002  9400111899562000009028  USPS     confirmed 9.0 h after the latest ship date 2026-11-04T23:59:59-08:00',
        '',
        'Metrics, 2026-10-11 to 2026-11-10',
        '           Metric                        Value     Count  Amazon    Warn at       Trend',
        '  warning  Late Shipment Rate (10 days)   3.6%   1 of 28  under 4%  3.0% or more',
        '  ok       Late Shipment Rate (30 days)   1.2%   1 of 84  under 4%  3.0% or more',
        '  ok       Valid Tracking Rate           97.6%  82 of 84  over 95%  below 97.0%',
        '  warning  Early confirmation rate        1.2%   1 of 82  0%        1.0% or more',
        '',
      ].join('\n'),
    );
  });

  it('night 2: only the new findings; the shipment at risk is now no-carrier-scan, the other cleared; the trend moves', () => {
    drop(dir, 'night-2');
    const r = check(dir, 2);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "✖ shipaudit check, as of 2026-11-11 06:00 America/Los_Angeles: 3 new findings, 1 metric past Amazon's target, 1 metric past the warning level.",
        '',
        'New findings since the last run (3)',
        '           Rule               Order ID             Tracking number         Carrier  Details',
        '  error    late-confirmation  113-1000006-0000006  9400111899562000009066  USPS     confirmed 10.0 h after the latest ship date 2026-11-09T23:59:59-08:00',
        '  error    no-carrier-scan    113-1000003-0000003  9400111899562000009035  USPS     no carrier scan 43.5 h after confirmation: only "Shipping Label Created, USPS Awaiting Item" (2026-11-09 10:25 America/Los_Angeles)',
        '  warning  late-handover      113-1000006-0000006  9400111899562000009066  USPS     first carrier scan 9.5 h after the latest ship date 2026-11-09T23:59:59-08:00 (USPS in possession of item, 2026-11-10 09:30 America/Los_Angeles)',
        '  2 findings reported before and still open, not repeated: 1 confirmed-before-handover, 1 late-confirmation.',
        '',
        'Metrics, 2026-10-12 to 2026-11-11',
        '           Metric                        Value     Count  Amazon    Warn at       Trend',
        '  error    Late Shipment Rate (10 days)   7.1%   2 of 28  under 4%  3.0% or more  3.6% → 7.1% over 1 day',
        '  ok       Late Shipment Rate (30 days)   2.3%   2 of 87  under 4%  3.0% or more  1.2% → 2.3% over 1 day',
        '  ok       Valid Tracking Rate           98.9%  86 of 87  over 95%  below 97.0%   97.6% → 98.9% over 1 day',
        '  warning  Early confirmation rate        1.2%   1 of 86  0%        1.0% or more  1.2% → 1.2% over 1 day',
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('113-1000004-0000004');
  });

  it('night 3: the late scan arrives, so no-carrier-scan gives way to confirmed-before-handover; another order is due', () => {
    drop(dir, 'night-3');
    const r = check(dir, 3);
    expect(r.code).toBe(1);
    expect(r.lines.slice(0, 4)).toEqual([
      "✖ shipaudit check, as of 2026-11-12 06:00 America/Los_Angeles: 1 order to ship today, 2 new findings, 1 metric past Amazon's target, 1 metric past the warning level.",
      '',
      'At risk, not yet a defect',
      '           Order ID             Tracking number  Carrier  What to do',
    ]);
    expect(r.stdout).toContain(
      '  warning  113-1000007-0000007                            not confirmed; latest ship date 2026-11-12 23:59, 18.0 h left: ship it today\n',
    );
    expect(r.stdout).toContain(
      '  error    confirmed-before-handover  113-1000003-0000003  9400111899562000009035  USPS     confirmed 46.5 h before the first carrier scan',
    );
    expect(r.stdout).toContain(
      '  4 findings reported before and still open, not repeated: 2 late-confirmation, 1 confirmed-before-handover, 1 late-handover.\n',
    );
    expect(r.stdout).not.toContain('no-carrier-scan');
    expect(r.stdout).toContain(
      '  error    Late Shipment Rate (10 days)    8.0%   2 of 25  under 4%  3.0% or more  3.6% → 8.0% over 2 days\n',
    );
  });

  it('an old Unshipped Orders snapshot is an Input warning, and the orders due from it say so', () => {
    const old = workdir(DEFAULT_CONFIG, 'base', 'night-1');
    const unshipped = readFileSync(join(old, 'drops/amazon/unshipped.txt'));
    drop(old, 'night-2');
    drop(old, 'night-3');
    // The download of the Unshipped report stopped after night 1: its snapshot stays.
    writeFileSync(join(old, 'drops/amazon/unshipped.txt'), unshipped);
    const r = shipaudit(old, 'check', '--as-of', '2026-11-13T06:00');
    expect(r.stdout).toContain(
      '  warning  the Unshipped Orders report unshipped.txt is stale: it was made 73.0 h ago (2026-11-10T05:00:00-08:00), ' +
        'more than 36 h; the orders due it names may have shipped since and newer ones are not seen, check the download\n',
    );
    expect(r.stdout).toMatch(
      /113-1000007-0000007 +not confirmed; latest ship date 2026-11-12 23:59 passed 6\.0 h ago: ship and confirm now \(Unshipped report of 2026-11-10 05:00, stale\)\n/,
    );
    const json = JSON.parse(shipaudit(old, 'check', '--as-of', '2026-11-13T06:00', '--format', 'json').stdout);
    expect(json.input.filter((p: { kind: string }) => p.kind === 'stale-unshipped')).toHaveLength(1);
    expect(json.atRisk.orders.find((o: { orderId: string }) => o.orderId === '113-1000007-0000007').snapshot).toBe(
      '2026-11-10T05:00:00-08:00',
    );
    expectMatchesSchema(checkJsonSchema, json);
    // A fresh snapshot says nothing of the kind.
    const fresh = check(workdir(DEFAULT_CONFIG, 'base', 'night-1'), 1);
    expect(fresh.stdout).not.toMatch(/Unshipped/);
  });

  it('lists the carrier event texts no table entry knows, with an Input warning saying to classify them', () => {
    const unknownTexts = (dir: string) =>
      writeFileSync(
        join(dir, 'drops/tracking/tracking-extra.csv'),
        'Tracking Number,Carrier,Event Time,Event,Location\n' +
          '9400111899562000009035,USPS,2026-11-09 12:00,"Die Sendung wurde im Start-Paketzentrum bearbeitet.","ONTARIO, CA 91761"\n' +
          '9400111899562000009042,USPS,2026-11-09 12:30,"Die Sendung wurde im Start-Paketzentrum bearbeitet.","ONTARIO, CA 91761"\n' +
          '9400111899562000009042,USPS,2026-11-09 12:40,"Paket im Zustellfahrzeug geladen","ONTARIO, CA 91761"\n',
      );
    const dir = workdir(DEFAULT_CONFIG, 'base', 'night-1');
    unknownTexts(dir);
    // The first night raises new findings that rest on scans: the warning comes with them.
    const r = check(dir, 1);
    expect(r.stdout).toContain(
      '  warning  2 carrier event texts (3 events) matched no table entry, so a first scan among them is not seen and ' +
        'findings may rest on that; classify them under "events" in the config (`shipaudit inspect` shows them per file)\n',
    );
    expect(r.stdout).toContain(
      '\nUnclassified carrier events\n  2  Die Sendung wurde im Start-Paketzentrum bearbeitet.\n  1  Paket im Zustellfahrzeug geladen\n',
    );
    const json = JSON.parse(check(dir, 1, '--format', 'json').stdout);
    expect(json.unclassifiedEvents).toEqual([
      { description: 'Die Sendung wurde im Start-Paketzentrum bearbeitet.', count: 2 },
      { description: 'Paket im Zustellfahrzeug geladen', count: 1 },
    ]);
    // The same night again: nothing new, so no warning every night; the texts are still listed.
    expect(json.input.map((p: { kind: string }) => p.kind)).not.toContain('unclassified-events');
    expectMatchesSchema(checkJsonSchema, json);
    const zhDir = workdir(DEFAULT_CONFIG, 'base', 'night-1');
    unknownTexts(zhDir);
    const zh = check(zhDir, 1, '--lang', 'zh');
    expect(zh.stdout).toContain('2 种承运商事件文字（3 个事件）未能识别');
    expect(zh.stdout).toContain('未识别的承运商事件');
  });

  it('keeps the reported findings and one history entry per night in the state file', () => {
    const state = JSON.parse(readFileSync(join(dir, '.shipaudit/state.json'), 'utf8'));
    expect(
      state.history.map((h: { asOf: string; metrics: { lsr10: number } }) => [
        h.asOf,
        Math.round(h.metrics.lsr10 * 1000) / 10,
      ]),
    ).toEqual([
      ['2026-11-10T06:00:00-08:00', 3.6],
      ['2026-11-11T06:00:00-08:00', 7.1],
      ['2026-11-12T06:00:00-08:00', 8],
    ]);
    expect(state.reported['no-carrier-scan|113-1000003-0000003|9400111899562000009035']).toEqual({
      first: '2026-11-11T06:00:00-08:00',
      last: '2026-11-11T06:00:00-08:00',
    });
    expect(existsSync(join(dir, '.shipaudit/state.json.lock'))).toBe(false);
  });
});

describe('shipaudit check --format json', () => {
  it('the same report, machine-readable', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base', 'night-1');
    const r = check(dir, 1, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expectMatchesSchema(checkJsonSchema, j);
    expect([j.command, j.status, j.asOf, j.window]).toEqual([
      'check',
      'error',
      '2026-11-10T06:00:00-08:00',
      { from: '2026-10-11', to: '2026-11-10', days: 30 },
    ]);
    expect(j.checked).toEqual({
      shipments: 84,
      inputFiles: 7,
      newestTrackingData: '2026-11-10T04:40:00-08:00',
      newestConfirmation: '2026-11-09T11:00:00-08:00',
    });
    expect(j.newFindings.map((f: { rule: string; orderId: string }) => [f.rule, f.orderId])).toEqual([
      ['confirmed-before-handover', '113-1000001-0000001'],
      ['late-confirmation', '113-1000002-0000002'],
    ]);
    expect(j.atRisk.shipments.map((s: { orderId: string; hoursLeft: number }) => [s.orderId, s.hoursLeft])).toEqual([
      ['113-1000003-0000003', 4.5],
      ['113-1000004-0000004', 5],
    ]);
    expect(
      j.atRisk.orders.map((o: { orderId: string; level: string; hoursLeft: number }) => [
        o.orderId,
        o.level,
        o.hoursLeft,
      ]),
    ).toEqual([
      ['113-1000006-0000006', 'error', -6],
      ['113-1000005-0000005', 'warning', 18],
    ]);
    expect(
      j.metrics.map((m: { id: string; level: string; count: number; of: number }) => [m.id, m.level, m.count, m.of]),
    ).toEqual([
      ['lsr10', 'warning', 1, 28],
      ['lsr30', 'ok', 1, 84],
      ['vtr', 'ok', 82, 84],
      ['early', 'warning', 1, 82],
    ]);
    expect(j.state).toEqual({ file: '.shipaudit/state.json', status: 'created' });
  });
});

describe('shipaudit check --out', () => {
  it('writes a dated JSON report and evidence CSV per run and keeps the last keepReports runs', () => {
    const dir = workdir({ ...DEFAULT_CONFIG, keepReports: 2 }, 'base', 'night-1');
    for (const n of [1, 2, 3] as const) {
      if (n > 1) drop(dir, `night-${n}`);
      expect(check(dir, n, '--out', 'reports').code).toBe(1);
    }
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual([
      'evidence-check-20261111T140000Z.csv',
      'evidence-check-20261112T140000Z.csv',
      'shipaudit-check-20261111T140000Z.json',
      'shipaudit-check-20261112T140000Z.json',
    ]);
    const report = JSON.parse(readFileSync(join(dir, 'reports/shipaudit-check-20261112T140000Z.json'), 'utf8'));
    expect(report.asOf).toBe('2026-11-12T06:00:00-08:00');
    // The evidence holds every open finding, reported tonight or before: one row per shipment.
    const csv = readFileSync(join(dir, 'reports/evidence-check-20261112T140000Z.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^\uFEFF?Order ID,Tracking Number,Carrier,/);
    expect(
      csv
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['113-1000001-0000001', '113-1000002-0000002', '113-1000003-0000003', '113-1000006-0000006']);
  });
});

describe('what a scheduled job must survive', () => {
  it('stale tracking data is a warning in itself', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base', 'night-1');
    const r = check(dir, 3);
    expect(r.lines.slice(2, 4)).toEqual([
      'Input',
      '  warning  tracking data is stale: the newest event is 49.3 h old (2026-11-10T04:40:00-08:00), more than 36 h; scans since then are not seen, check the download',
    ]);
    const lenient = check(workdir({ ...DEFAULT_CONFIG, staleAfterHours: 50 }, 'base', 'night-1'), 3);
    expect(lenient.stdout).not.toContain('stale');
  });

  it('a lock held by a running check: the second run says so, exits 2 and writes nothing', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    mkdirSync(join(dir, '.shipaudit'));
    const lock = join(dir, '.shipaudit/state.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    const r = check(dir, 1);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^shipaudit: another check is running: ${lock.replace(/[.\\]/g, '\\$&')} is held \\(pid ${process.pid}, started .+\\)\\. If no shipaudit check is running, delete that file\\.\n$`,
      ),
    );
    expect(existsSync(lock)).toBe(true);
    expect(existsSync(join(dir, '.shipaudit/state.json'))).toBe(false);
  });

  it('a lock left by a run that died hours ago is taken over, with a note', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    mkdirSync(join(dir, '.shipaudit'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(
      join(dir, '.shipaudit/state.json.lock'),
      JSON.stringify({ pid: dead, startedAt: new Date(Date.now() - 7 * 3_600_000).toISOString() }),
    );
    const r = check(dir, 0);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^shipaudit: note: took over a stale lock .*state\.json\.lock \(pid \d+, started .+, 7\.0 h old, process gone\)\n$/,
    );
    expect(existsSync(join(dir, '.shipaudit/state.json.lock'))).toBe(false);
  });

  it('a corrupt state file is reported, kept aside and rebuilt, never a crash', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    mkdirSync(join(dir, '.shipaudit'));
    writeFileSync(join(dir, '.shipaudit/state.json'), '{"version": 1, "reported": {"no-carrier-scan|1');
    const r = check(dir, 0);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('⚠ shipaudit check, as of 2026-11-08 08:00 America/Los_Angeles: 1 input warning.');
    expect(r.lines[3]).toMatch(/^ {2}warning {2}state file \.shipaudit\/state\.json was unusable \(not valid JSON /);
    expect(r.lines[3]).toMatch(/; kept as \.shipaudit\/state\.json\.corrupt-\d{8}T\d{9}Z and rebuilt, /);
    expect(r.lines[3]).toMatch(/ and rebuilt, so findings reported before may be repeated$/);
    const kept = readdirSync(join(dir, '.shipaudit')).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(kept).toHaveLength(1);
    const text = readFileSync(join(dir, '.shipaudit', kept[0]), 'utf8');
    expect(text).toBe('{"version": 1, "reported": {"no-carrier-scan|1');
    expect(JSON.parse(readFileSync(join(dir, '.shipaudit/state.json'), 'utf8')).version).toBe(1);
    expect(check(dir, 0).code).toBe(0);
  });

  it.each([
    ['--state naming it', ['--state', 'precious.json'], DEFAULT_CONFIG],
    ['"state" in the config naming it', [], { ...DEFAULT_CONFIG, state: 'precious.json' }],
  ])('a file of the user as the state (%s) is refused, exit 2: never moved nor written over', (_, args, config) => {
    const dir = workdir(config, 'base');
    const mine = '{\n  "my": "precious data"\n}\n';
    writeFileSync(join(dir, 'precious.json'), mine);
    const r = check(dir, 0, ...args);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'shipaudit: precious.json exists and is not a state file written by shipaudit: not used as the state file; ' +
        'name another with --state or "state" in the config\n',
    );
    expect(readFileSync(join(dir, 'precious.json'), 'utf8')).toBe(mine);
    expect(readdirSync(dir).sort()).toEqual(['drops', 'precious.json', 'shipaudit.config.json']);
  });

  it.each([
    ['hours old', 7],
    ['new', 0],
  ])('a file of the user under the lock’s name (%s) is refused, exit 2: never removed', (_, hoursOld) => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    writeFileSync(join(dir, 'mine.json.lock'), 'my notes\n');
    const then = new Date(Date.now() - hoursOld * 3_600_000);
    utimesSync(join(dir, 'mine.json.lock'), then, then);
    const r = check(dir, 0, '--state', 'mine.json');
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'shipaudit: mine.json.lock exists and is not a lock file written by shipaudit: not removed; ' +
        'shipaudit takes its lock under that name, move the file away\n',
    );
    expect(readFileSync(join(dir, 'mine.json.lock'), 'utf8')).toBe('my notes\n');
    expect(readdirSync(dir).sort()).toEqual(['drops', 'mine.json.lock', 'shipaudit.config.json']);
  });

  it('a state file emptied by a crash is ours: kept aside and rebuilt', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    mkdirSync(join(dir, '.shipaudit'));
    writeFileSync(join(dir, '.shipaudit/state.json'), '');
    const r = check(dir, 0);
    expect(r.code).toBe(1);
    expect(r.lines[3]).toMatch(/^ {2}warning {2}state file \.shipaudit\/state\.json was unusable \(not valid JSON /);
    const kept = readdirSync(join(dir, '.shipaudit')).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, '.shipaudit/state.json'), 'utf8')).version).toBe(1);
  });

  it('a device as the state file is refused, never set aside', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    const r = check(dir, 0, '--state', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipaudit: \S*dev\/null is not a regular file: not used as the state file\n$/);
  });

  it.each([
    [
      'a value out of range',
      { ...DEFAULT_CONFIG, thresholds: { lateShipmentRateWarn: 3 } },
      'thresholds.lateShipmentRateWarn: ',
    ],
    ['a misspelt key', { ...DEFAULT_CONFIG, atRisk: { graceLeftHour: 6 } }, 'atRisk.graceLeftHour: unknown key'],
    ['a wrong type', { ...DEFAULT_CONFIG, keepReports: 'all' }, 'keepReports: '],
    [
      'an unknown time zone',
      { ...DEFAULT_CONFIG, marketplaceTimeZone: 'Pacific' },
      'marketplaceTimeZone: unknown time zone "Pacific"',
    ],
  ])('a bad config (%s) names the path of the bad key; exit 2', (_, config, path) => {
    const dir = workdir(config, 'base');
    const r = check(dir, 1);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`shipaudit: ${join(dir, 'shipaudit.config.json')}: ${path}`)).toBe(true);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('a missing input folder is an error: exit 2, one line', () => {
    const dir = workdir({ inputs: ['drops/amazon', 'drops/tracking', 'drops/erp'] }, 'base');
    const r = check(dir, 1);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `shipaudit: ${join(dir, 'shipaudit.config.json')}: inputs.2: "drops/erp" does not exist (${join(dir, 'drops/erp')})\n`,
    );
  });

  it('globs in inputs are read like folders', () => {
    const dir = workdir({ inputs: ['drops/amazon/*.txt', 'drops/tracking/tracking-*.csv'] }, 'base');
    const r = check(dir, 0);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('80 shipments confirmed 2026-10-09 to 2026-11-07 06:00 (newest) from 3 input files');
  });

  it('no config file: exit 2, pointing at shipaudit init', () => {
    const dir = workdir(DEFAULT_CONFIG);
    rmSync(join(dir, 'shipaudit.config.json'));
    const r = check(dir, 1);
    expect([r.code, r.stderr]).toEqual([
      2,
      'shipaudit: no config file: run `shipaudit init` here to write shipaudit.config.json, then list your input folders under "inputs"\n',
    ]);
  });

  it.each([
    ['all well', 0, ['base'], 'warning', 0],
    ['base alone by Nov 10: orders stopped 4 days ago', 1, ['base'], 'warning', 1],
    ['only warnings (stale tracking), failOn error', 0, ['base'], 'error', 3],
    ['only warnings (stale tracking), failOn warning', 1, ['base'], 'warning', 3],
    ['errors, failOn error', 1, ['base', 'night-1'], 'error', 1],
    ['errors, failOn never', 0, ['base', 'night-1'], 'never', 1],
  ] as const)('exit code: %s → %i', (_, code, sets, failOn, night) => {
    expect(check(workdir({ ...DEFAULT_CONFIG, failOn }, ...sets), night).code).toBe(code);
  });

  it('a bad --as-of or --format is exit 2', () => {
    const dir = workdir(DEFAULT_CONFIG, 'base');
    expect(shipaudit(dir, 'check', '--as-of', 'yesterday').code).toBe(2);
    expect(check(dir, 1, '--format', 'xml').code).toBe(2);
  });
});

describe('shipaudit init', () => {
  it('writes a commented example that the loader accepts, and refuses to overwrite it without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-init-'));
    made.push(dir);
    const r = shipaudit(dir, 'init');
    expect([r.code, r.stdout]).toEqual([
      0,
      'wrote shipaudit.config.json: set "inputs" to your folders, then run `shipaudit check`\n',
    ]);
    const text = readFileSync(join(dir, 'shipaudit.config.json'), 'utf8');
    expect(text).toContain('// shipaudit configuration');
    expect(parseConfig(text, 'shipaudit.config.json').inputs).toEqual(['downloads/amazon', 'downloads/tracking/*.csv']);

    // Its input folders don't exist until the seller points them at its own.
    const c = shipaudit(dir, 'check');
    expect([c.code, c.stderr]).toEqual([
      2,
      `shipaudit: ${join(dir, 'shipaudit.config.json')}: inputs.0: "downloads/amazon" does not exist (${join(dir, 'downloads/amazon')})\n`,
    ]);

    writeFileSync(join(dir, 'shipaudit.config.json'), '{}');
    const again = shipaudit(dir, 'init');
    expect([again.code, again.stderr]).toEqual([
      2,
      'shipaudit: shipaudit.config.json exists already: not overwritten (use --force to replace it)\n',
    ]);
    expect(readFileSync(join(dir, 'shipaudit.config.json'), 'utf8')).toBe('{}');
    expect(shipaudit(dir, 'init', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'shipaudit.config.json'), 'utf8')).toBe(text);
  });
});
