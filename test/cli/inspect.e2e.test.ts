import { describe, expect, it } from 'vitest';
import type { InspectedFile } from '../../src/report/inspect.js';
import { inspectJsonSchema } from '../../src/report/json-schema.js';
import { expectMatchesSchema } from '../helpers/schema.js';
import { runCli } from '../helpers/cli.js';

const F = 'fixtures/formats';
// A stack frame, not inspect's `at` row: `    at fn (file.js:12:34)` or `    at file.js:12:34`.
const STACK = /^\s+at .*:\d+:\d+\)?$/m;

/** The lines of the block `inspect` prints for one file, from its name to the next blank line. */
function block(stdout: string, file: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(file);
  expect(start, `no block for ${file}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('shipaudit inspect, text', () => {
  it.each<[string, string[], string[], RegExp[]]>([
    [
      'tracking-events-gb18030.csv',
      [],
      [
        '  Kind:      carrier tracking events (one row per scan) (tracking-events)',
        '  Encoding:  gb18030; delimiter: comma; quoting: on',
        '  Rows:      9 read, 0 rejected',
        '    trackingNumber ← 单号',
        '    eventTime      ← 时间',
        '    description    ← 轨迹',
        '    location       ← 地点',
        '  Event descriptions not classified (add them under "events" in the config if one is a scan):',
        '    1  已转单',
      ],
      [
        /^ {2}Time zone: times without an offset are read in the zone the row's location or language tells \(Chinese → Asia\/Shanghai, US state → its zone\); otherwise America\/Los_Angeles \(assumed\)$/,
        /^ {4}at\s+2026-10-05T13:58:12\+08:00 ← "2026-10-05 13:58:12" \[Asia\/Shanghai, inferred: Chinese-language event\]\s+2026-10-07T16:31:40\+08:00 ← "2026-10-07 16:31:40" \[Asia\/Shanghai, inferred: location "深圳市"\]/,
        /^ {4}class\s+information\s+physical\s+physical$/,
      ],
    ],
    [
      'confirmation-jp-sjis.txt',
      ['--marketplace-tz', 'Asia/Tokyo'],
      [
        '  Kind:      Amazon shipping-confirmation upload (confirmation-upload)',
        '  Encoding:  shift_jis; delimiter: tab; quoting: off',
        '  Rows:      4 read, 0 rejected',
        '  Time zone: times without an offset are read in Asia/Tokyo (set: --marketplace-tz)',
        '    orderId        ← order-id',
        '    shipDate       ← ship-date',
        '    trackingNumber ← tracking-number',
      ],
      [
        /^ {4}orderId\s+249-3817265-1047723\s+250-6620193-5538120\s+503-1148820-9925716$/,
        /^ {4}confirmedAt\s+2026-10-06 \(date only\) ← "2026-10-06" \[Asia\/Tokyo, setting\]/,
        /^ {4}shipMethod\s+宅急便コンパクト\s+ゆうパケット\s+飛脚宅配便$/,
      ],
    ],
    [
      'all-orders-win1252.txt',
      [],
      [
        '  Kind:      Amazon All Orders report (all-orders)',
        '  Encoding:  windows-1252; delimiter: tab; quoting: off',
        '  Rows:      6 read, 0 rejected',
        '  Time zone: times without an offset are read in America/Los_Angeles (assumed: default marketplace zone (Amazon.com); set --marketplace-tz)',
        '    orderId            ← amazon-order-id',
        '    purchaseDate       ← purchase-date',
        '    fulfillmentChannel ← fulfillment-channel',
      ],
      [
        /^ {4}orderId\s+113-4829175-2038561\s+111-7302846-9154027\s+114-0395718-6627340$/,
        /^ {4}purchasedAt\s+2026-10-03T07:12:45\+00:00 ← "2026-10-03T07:12:45\+00:00" \[\+00:00, offset\]/,
        /^ {4}channel\s+MFN\s+MFN\s+MFN$/,
      ],
    ],
  ])('%s', (name, flags, lines, patterns) => {
    const file = `${F}/${name}`;
    const r = runCli(['inspect', file, ...flags]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(STACK);
    const got = block(r.stdout, file);
    expect(got.filter((l) => lines.includes(l))).toEqual(lines);
    for (const p of patterns)
      expect(
        got.some((l) => p.test(l)),
        String(p),
      ).toBe(true);
  });

  it('several files: one block each, in the order given', () => {
    const r = runCli(['inspect', `${F}/tracking-ups.csv`, `${F}/orders-api-2026.json`]);
    expect(r.code).toBe(0);
    expect(block(r.stdout, `${F}/tracking-ups.csv`)).toContain(
      '  Kind:      carrier tracking events (one row per scan) (tracking-events)',
    );
    expect(block(r.stdout, `${F}/orders-api-2026.json`)).toContain('  Encoding:  utf-8; delimiter: json; quoting: off');
    expect(r.stdout.indexOf(`${F}/tracking-ups.csv`)).toBeLessThan(r.stdout.indexOf(`${F}/orders-api-2026.json`));
  });
});

/** The per-file list of `inspect --format json`; see the `fails` test below for its current nesting. */
function filesOf(json: { files: InspectedFile[] }): InspectedFile[] {
  return json.files;
}

describe('shipaudit inspect --format json', () => {
  const r = runCli([
    'inspect',
    `${F}/tracking-events-gb18030.csv`,
    `${F}/tracking-summary.csv`,
    `${F}/erp-dianxiaomi-gb18030.csv`,
    'fixtures/bad/unknown-header.csv',
    '--format',
    'json',
  ]);
  const json = JSON.parse(r.stdout);

  it('matches the published schema', () => {
    expectMatchesSchema(inspectJsonSchema, json);
  });

  it('a file that fails is listed under failures, with exit 2 and its line on stderr', () => {
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^shipaudit: fixtures\/bad\/unknown-header\.csv:1: unrecognised file: headers found: name, age, city\..*\n$/,
    );
    expect(json.failures).toHaveLength(1);
    expect(json.failures[0]).toMatchObject({ file: 'fixtures/bad/unknown-header.csv' });
    expect(json.failures[0].error).toMatch(
      /^fixtures\/bad\/unknown-header\.csv:1: unrecognised file: headers found: name, age, city\./,
    );
  });

  it('the GB18030 tracking export', () => {
    const f = filesOf(json)[0];
    expect(f).toMatchObject({
      file: `${F}/tracking-events-gb18030.csv`,
      kind: 'tracking-events',
      title: 'carrier tracking events (one row per scan)',
      encoding: 'gb18030',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 9,
      rowsRejected: 0,
      problems: [],
      unclassified: [{ description: '已转单', count: 1 }],
    });
    expect(f.mapping).toEqual([
      { field: 'trackingNumber', header: '单号' },
      { field: 'eventTime', header: '时间' },
      { field: 'description', header: '轨迹' },
      { field: 'location', header: '地点' },
    ]);
    expect(f.samples).toHaveLength(3);
    expect(f.samples[0]).toEqual({
      trackingNumber: 'LY318072641CN',
      at: '2026-10-05T13:58:12+08:00 ← "2026-10-05 13:58:12" [Asia/Shanghai, inferred: Chinese-language event]',
      description: '电子信息已收到',
      carrier: 'China Post',
      class: 'information',
      possession: 'false',
    });
    expect(f.samples[1]).toMatchObject({
      description: '已收寄',
      class: 'physical',
      possession: 'true',
      location: '深圳市',
    });
  });

  it('the package summary classifies spelled-out aggregator statuses', () => {
    const f = filesOf(json)[1];
    expect(f).toMatchObject({ kind: 'tracking-summary', rowsRead: 4 });
    expect(f.unclassified ?? []).toEqual([]);
  });

  it('the Chinese ERP export: Amazon order id, Beijing time from the headers', () => {
    const f = filesOf(json)[2];
    expect(f).toMatchObject({ kind: 'erp-confirmations', encoding: 'gb18030', rowsRead: 4 });
    expect(f.mapping).toContainEqual({ field: 'orderId', header: '亚马逊订单号' });
    expect(f.zoneNote).toMatch(/^times without an offset are read in Asia\/Shanghai \(inferred/);
    expect(f.samples[0]).toMatchObject({
      orderId: '112-4018836-2276514',
      confirmedAt:
        '2026-10-05T14:21:00+08:00 ← "2026/10/05 14:21" [Asia/Shanghai, inferred: Chinese column headers (ERP export made in China)]',
      carrier: 'China Post',
      trackingNumber: 'LY318072641CN',
    });
    expect(f).not.toHaveProperty('unclassified');
  });

  it('the top level is { files: [...], skipped: [...], failures: [...] }', () => {
    expect(Array.isArray(json.files)).toBe(true);
  });
});

// A folder is read as the audit reads it: its notes, evidence and files of no input kind are passed over and
// listed, not failures.
describe('shipaudit inspect on a folder', () => {
  it('the sample month: every input read, its README listed as not read, exit 0', () => {
    const r = runCli(['inspect', 'fixtures/sample-month']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nNot read (not input files):\n');
    expect(r.stdout).toMatch(/^ {2}fixtures\/sample-month\/README\.txt: not a recognised input/m);
  });

  it('the JSON lists what was not read under skipped, and the schema allows it', () => {
    const r = runCli(['inspect', 'fixtures/sample-month', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expectMatchesSchema(inspectJsonSchema, j);
    expect(j.failures).toEqual([]);
    expect(j.skipped).toEqual([
      { file: 'fixtures/sample-month/README.txt', why: 'not a recognised input (headers of no known kind)' },
    ]);
    expect(j.files.map((f: InspectedFile) => f.file)).not.toContain('fixtures/sample-month/README.txt');
  });

  it('a file named on the command line is read whatever its name, and fails as before', () => {
    const r = runCli(['inspect', 'fixtures/sample-month/README.txt', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipaudit: fixtures\/sample-month\/README\.txt:1: unrecognised file/);
    expect(JSON.parse(r.stdout).skipped).toEqual([]);
  });
});
