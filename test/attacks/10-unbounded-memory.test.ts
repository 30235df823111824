import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDS } from '../../src/read/bounds.js';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Issue 15, item 10: inputs past any real size were accepted whole (a 200 MB event text kept and printed, a
 * zip bomb inflated to 2 GB, a million distinct unclassified texts listed) or ended in a stack trace (a
 * 600 MB line, 200 000-deep JSON). Each case is made just past its limit (src/read/bounds.ts), or with the
 * limit lowered through its environment variable, so that it stays small for CI.
 */

const dir = mkdtempSync(join(tmpdir(), 'shipaudit-attack-10-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'Tracking Number,Carrier,Event Time,Event,Location\n';
const event = (n: number, text: string, time = '2026-10-13 10:50') =>
  `LY${String(314159000 + n).padStart(9, '0')}CN,China Post,${time},${text},广东省深圳市\n`;
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** One line on stderr naming the file, exit code 2, no stack trace. */
function refused(r: ReturnType<typeof runCli>, path: string, what: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(path);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).not.toMatch(/\n\s+at |Maximum call stack|internal error/);
}

describe('attack 10: bounds on what is read', () => {
  it('a field just over 64 KB makes its row rejected, with its line, and is never printed', () => {
    const long = `Held ${'x'.repeat(BOUNDS.fieldBytes.value)}`;
    const p = file('long-field.csv', HEADER + event(2, 'Accepted') + event(2, long) + event(2, 'Departed'));
    const r = runCli(['inspect', p, '--format', 'json']);
    expect(r.code).toBe(2); // a rejected row makes inspect exit 2, as any rejected row does
    const [f] = JSON.parse(r.stdout).files;
    expect(f.rowsRead).toBe(3);
    expect(f.rowsRejected).toBe(1);
    expect(f.problems).toEqual([
      { file: p, line: 3, message: expect.stringMatching(/^field 4 is 65541 bytes, over the limit of 64 KB/) },
    ]);
    expect(r.stdout).not.toContain('xxxxxxxxxx');
  });

  it('a line over 8 MB stops the read with one line naming file and line', () => {
    const p = file('long-line.csv', HEADER + event(2, 'Accepted') + event(2, 'y'.repeat(BOUNDS.lineBytes.value + 1)));
    refused(runCli(['inspect', p]), `${p}:3`, /line 3 is longer than 8 MB/);
  });

  it('an unclosed quote gathering lines past the limit stops the read too', () => {
    // Long lines: the byte limit is reached before the reader gives the quote up (MAX_QUOTED_LINES lines).
    const lines = Array.from({ length: 200 }, () => 'z'.repeat(2000)).join('\n');
    const p = file(
      'open-quote.csv',
      `${HEADER}${event(2, 'Accepted')}LY314159002CN,China Post,2026-10-13 10:50,"${lines}\n`,
    );
    const r = runCli(['inspect', p], { env: { SHIPAUDIT_MAX_LINE_BYTES: '100000' } });
    refused(r, p, /line \d+ is longer than 97\.7 KB/);
  });

  it.each([
    ['200 000 levels of arrays', '['.repeat(200_000) + ']'.repeat(200_000), 1],
    ['65 levels of objects, on line 3', `{"orders": [\n\n${'{"a":'.repeat(65)}1${'}'.repeat(65)}]}`, 3],
  ])('JSON nested too deep (%s) is refused before parsing, naming the line', (_, text, line) => {
    const p = file(`deep-${line}.json`, text);
    refused(
      runCli(['inspect', p]),
      `${p}:${line}`,
      new RegExp(`too deeply nested at line ${line}: more than 64 levels`),
    );
  });

  it('an Orders API order with a value over 64 KB is rejected, with its number, and never printed', () => {
    const order = (id: string) => ({
      AmazonOrderId: id,
      PurchaseDate: '2026-10-01T10:00:00Z',
      OrderStatus: 'Shipped',
      FulfillmentChannel: 'MFN',
    });
    const p = file(
      'long-value.json',
      JSON.stringify({
        payload: {
          Orders: [
            order('113-0000000-0000001'),
            { ...order('113-0000000-0000002'), SalesChannel: 'w'.repeat(BOUNDS.fieldBytes.value + 1) },
          ],
        },
      }),
    );
    const r = runCli(['inspect', p, '--format', 'json']);
    const [f] = JSON.parse(r.stdout).files;
    expect(f).toMatchObject({ rowsRead: 2, rowsRejected: 1 });
    expect(f.problems).toEqual([
      { file: p, line: 2, message: expect.stringMatching(/^a value of 65537 characters, over the limit of 64 KB/) },
    ]);
    expect(r.stdout).not.toContain('wwwwwwwwww');
  });

  it('JSON brackets inside strings are text, not depth', () => {
    const order = {
      AmazonOrderId: '113-0000000-0000001',
      PurchaseDate: '2026-10-01T10:00:00Z',
      OrderStatus: 'Shipped',
      FulfillmentChannel: 'MFN',
      SalesChannel: '['.repeat(500),
    };
    const p = file('brackets.json', JSON.stringify({ payload: { Orders: [order] } }));
    const r = runCli(['inspect', p, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).files[0].rowsRead).toBe(1);
  });

  describe('XLSX', () => {
    let bomb: string;
    let normal: string;
    beforeAll(async () => {
      const make = async (name: string, text: string) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Tracking');
        ws.addRow(['Tracking Number', 'Carrier', 'Event Time', 'Event', 'Location']);
        ws.addRow(['LY314159002CN', 'China Post', '2026-10-13 10:50', text, '广东省深圳市']);
        const p = join(dir, name);
        await wb.xlsx.writeFile(p);
        return p;
      };
      // 3 MB of one letter in a cell inflates ~1000 times: past a 2 MB limit, a few KB on disk.
      bomb = await make('bomb.xlsx', 'a'.repeat(3_000_000));
      normal = await make('normal.xlsx', 'Accepted');
    });

    it('a workbook that inflates past the limit is refused before it is read', () => {
      refused(
        runCli(['inspect', bomb], { env: { SHIPAUDIT_MAX_XLSX_BYTES: '2000000' } }),
        bomb,
        /refused as a zip bomb: its parts declare 2\.\d MB/,
      );
    });

    it('a zip that declares small sizes and inflates large is refused too', () => {
      // Every declared uncompressed size (local and central headers) set to 1 byte: only inflating tells.
      const bytes = readFileSync(bomb);
      for (let i = 0; i + 4 <= bytes.length; i++) {
        const sig = bytes.readUInt32LE(i);
        if (sig === 0x04034b50 && bytes.readUInt32LE(i + 22) > 1) bytes.writeUInt32LE(1, i + 22);
        if (sig === 0x02014b50 && bytes.readUInt32LE(i + 24) > 1) bytes.writeUInt32LE(1, i + 24);
      }
      const p = file('lying-bomb.xlsx', bytes);
      refused(
        runCli(['inspect', p], { env: { SHIPAUDIT_MAX_XLSX_BYTES: '2000000' } }),
        p,
        /refused as a zip bomb: its parts inflate to more than 1\.9 MB/,
      );
    });

    it('a workbook within the limits is read as before', () => {
      const r = runCli(['inspect', normal, '--format', 'json'], { env: { SHIPAUDIT_MAX_XLSX_BYTES: '2000000' } });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).files[0]).toMatchObject({ kind: 'tracking-events', rowsRead: 1, rowsRejected: 0 });
    });

    it('a real workbook (USPS events saved by Excel) passes the default limits', () => {
      const real = join(ROOT, '../shared/real-samples/converted/usps-v3-events-excel-datecells.xlsx');
      const r = runCli(['inspect', real, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).files[0]).toMatchObject({ kind: 'tracking-events', rowsRejected: 0 });
    });

    it('a workbook cell over the field limit makes its row rejected', () => {
      const r = runCli(['inspect', bomb, '--format', 'json']);
      const [f] = JSON.parse(r.stdout).files;
      expect(f).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
      expect(f.problems[0].message).toMatch(/^field 4 is 3000000 bytes, over the limit of 64 KB/);
      expect(r.stdout).not.toContain('aaaaaaaaaa');
    });

    it('a workbook with more parts than the limit is refused', () => {
      refused(
        runCli(['inspect', normal], { env: { SHIPAUDIT_MAX_XLSX_ENTRIES: '3' } }),
        normal,
        /refused as a zip bomb: \d+ parts, over the limit of 3/,
      );
    });
  });

  it('distinct unclassified texts: the most frequent are kept, the rest counted', () => {
    const rows = [
      ...Array.from({ length: 500 }, (_, i) => event(2, `Held at gate ${i} for review`)),
      ...Array.from({ length: 30 }, () => event(3, 'Frequent odd text')),
      // Names of Object.prototype are texts like any other.
      event(3, 'constructor'),
      event(3, 'constructor'),
      event(3, '__proto__'),
    ];
    const p = file('unclassified.csv', HEADER + rows.join(''));
    const conf = join(ROOT, 'fixtures/appeal-no-improvement/confirmations.txt');
    const r = runCli(['audit', conf, p, '--format', 'json', '--fail-on', 'never'], {
      env: { SHIPAUDIT_MAX_UNCLASSIFIED: '10' },
    });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.unclassifiedEvents).toHaveLength(10);
    expect(json.unclassifiedEvents.slice(0, 2)).toEqual([
      { description: 'Frequent odd text', count: 30 },
      { description: 'constructor', count: 2 },
    ]);
    // 503 distinct texts in all, 10 listed; of the 533 events, 30 + 2 + 8 are in the list.
    expect(json.unclassifiedMore).toEqual({ texts: 493, events: 493 });
    const text = runCli(['audit', conf, p, '--fail-on', 'never'], { env: { SHIPAUDIT_MAX_UNCLASSIFIED: '10' } });
    expect(text.stdout).toContain('… and about 493 more distinct texts not kept (493 events)');
  });

  it('explain on a number with many events shows a bounded window and counts the rest', () => {
    const conf = join(ROOT, 'fixtures/appeal-no-improvement/confirmations.txt');
    const orders = join(ROOT, 'fixtures/appeal-no-improvement/order-report.txt');
    const minute = (i: number) => {
      const d = new Date(Date.UTC(2026, 9, 13, 0, 0) + i * 60_000);
      return d.toISOString().slice(0, 16).replace('T', ' ');
    };
    // Information-only events, one physical scan in the middle; listed newest first as exports often are.
    const rows = Array.from({ length: 2000 }, (_, i) =>
      event(2, i === 1000 ? '已收寄' : '电子信息已收到', minute(i)),
    ).reverse();
    const p = file('one-number.csv', HEADER + rows.join(''));
    const r = runCli(['explain', '112-4000000-5000000', orders, conf, p], { env: { SHIPAUDIT_EXPLAIN_EVENTS: '5' } });
    expect(r.stderr).toBe('');
    const scans = r.stdout.split('\n').filter((l) => l.includes('scan: '));
    // The first 5, the last 5 and the one in the carrier's hands.
    expect(scans).toHaveLength(11);
    expect(scans.filter((l) => l.includes('已收寄'))).toHaveLength(1);
    expect(r.stdout).toContain('… and 1989 more carrier events not shown');
    const json = JSON.parse(
      runCli(['explain', '112-4000000-5000000', orders, conf, p, '--format', 'json'], {
        env: { SHIPAUDIT_EXPLAIN_EVENTS: '5' },
      }).stdout,
    );
    expect(json.eventsOmitted).toBe(1989);
  });
});
