import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { cli, confirmationsText, folder, json, month, ordersText, TRACKING_HEADER } from './gen.js';
import { trackingRows, trackingText } from './gen.js';

/**
 * Issue 15, item 14 (the input side): errors that said the wrong thing, or nothing. Each case gives the
 * one line a user needs: the file, the line, what is wrong; never "internal error".
 */
const all = month('2026-10-12', 29);

describe('attack 14: misleading errors on input', () => {
  it('a truncated row: no "✔ No problems found", and exit 2 comes with its line on stderr', () => {
    const conf = confirmationsText(all).trimEnd().split('\n');
    conf.push(conf.pop()!.split('\t').slice(0, 3).join('\t'));
    const dir = folder({
      'orders.txt': ordersText(all),
      'confirmations.txt': `${conf.join('\n')}\n`,
      'tracking.csv': trackingText(all),
    });
    const r = cli(dir, 'audit', 'orders.txt', 'confirmations.txt', 'tracking.csv');
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/✔ No problems found/);
    expect(r.stdout).toMatch(/^⚠ No problems found in the 28 shipments read, but 1 row could not be read \(below\)/);
    expect(r.stderr).toBe(
      'shipaudit: 1 row could not be read ' +
        '(first: confirmations.txt:30: row has 3 of 8 columns (truncated or shifted row)); ' +
        'the verdict may be incomplete (--allow-rejected-rows exits by the findings)\n',
    );
  });

  it('a tracking download cut off inside its last row: that row rejected with its line, no internal error', () => {
    const cut = trackingText(all).trimEnd();
    const dir = folder({
      'orders.txt': ordersText(all),
      'confirmations.txt': confirmationsText(all),
      'tracking.csv': cut.slice(0, cut.lastIndexOf(',USPS,') + 10),
    });
    const r = cli(dir, 'audit', 'orders.txt', 'confirmations.txt', 'tracking.csv');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^⚠ No problems found in the 29 shipments read, but 1 row could not be read \(below\)/);
    expect(r.stderr).toBe(
      'shipaudit: 1 row could not be read ' +
        '(first: tracking.csv:59: row has 3 columns, description is column 4 (truncated row?)); ' +
        'the verdict may be incomplete (--allow-rejected-rows exits by the findings)\n',
    );
  });

  it('CR-only line endings: said so, not "a header row but no data rows"', () => {
    const cr = trackingText(all).replace(/\n/g, '\r');
    const dir = folder({ 'confirmations.txt': confirmationsText(all), 'tracking.csv': cr });
    const r = cli(dir, 'audit', 'confirmations.txt', 'tracking.csv');
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'shipaudit: tracking.csv:1: its 59 lines end with a carriage return only (classic Mac line endings): ' +
        'save it again with LF or CRLF line endings\n',
    );
  });

  // Rows as an export without quotes writes them; one cell opens a quote that never closes.
  const plain = (from: string, days: number) =>
    trackingRows(month(from, days)).map((r) => r.replace(/"/g, '').replace('ONTARIO, CA', 'ONTARIO CA'));
  const quoteOpened = (r: string) => {
    if (!r.includes(',USPS in possession of item,')) throw new Error(`not an acceptance row: ${r}`);
    return r.replace(',USPS in possession of item,', ',"USPS in possession of item,');
  };

  const unclosed = [
    {
      name: 'in a file of unquoted rows: not swallowed past 100 lines',
      rows: () => {
        const rows = [...plain('2026-10-12', 29), ...plain('2026-06-01', 60)];
        rows[4] = quoteOpened(rows[4]);
        return rows;
      },
      line: 6,
      message: 'a quote opened on this line is not closed within 100 lines',
      rowsRead: 178,
    },
    {
      name: "in a file of quoted rows: the next row's quote does not close it",
      rows: () => {
        const rows = trackingRows(all);
        rows[3] = rows[3].replace('"ONTARIO, CA 91761"', '"ONTARIO, CA 91761');
        return rows;
      },
      line: 5,
      message: 'row starting at line 5 runs to line 6: a quote opened in it is never closed on its line',
      rowsRead: 58,
    },
    {
      name: 'near the end of the file',
      rows: () => {
        const rows = plain('2026-10-12', 29);
        rows[50] = quoteOpened(rows[50]);
        return rows;
      },
      line: 52,
      message: 'a quote opened on this line is not closed by the end of the file',
      rowsRead: 58,
    },
  ];
  for (const u of unclosed) {
    it(`an unclosed quote ${u.name}: one rejected row at the line it opened, the rows after it read`, () => {
      const dir = folder({ 'tracking.csv': [TRACKING_HEADER, ...u.rows(), ''].join('\n') });
      const r = cli(dir, 'inspect', 'tracking.csv', '--format', 'json');
      expect(r.code).toBe(2);
      const file = json(r).files[0];
      const message = `${u.message} (the row is left out; the lines after it are read as rows)`;
      expect(file.problems).toEqual([{ file: 'tracking.csv', line: u.line, message }]);
      expect([file.rowsRead, file.rowsRejected]).toEqual([u.rowsRead, 1]);
    });
  }

  it('a cut-off pretty-printed JSON: "the JSON ends before it is complete", not JSON-lines errors', () => {
    const orders = all.map((s) => ({
      AmazonOrderId: s.orderId,
      PurchaseDate: new Date(s.purchasedMs).toISOString(),
      OrderStatus: 'Shipped',
      FulfillmentChannel: 'MFN',
    }));
    const doc = JSON.stringify({ payload: { Orders: orders } }, null, 2);
    const cut = doc.slice(0, Math.floor(doc.length * 0.6));
    const lines = cut.trimEnd().split('\n').length;
    const dir = folder({ 'orders.json': cut, 'confirmations.txt': confirmationsText(all) });
    const r = cli(dir, 'audit', 'orders.json', 'confirmations.txt');
    expect([r.code, r.stdout]).toEqual([2, '']);
    const expected = `shipaudit: orders.json:${lines}: ends before it is complete: the JSON is cut off (an interrupted download or copy?)\n`;
    expect(r.stderr).toBe(expected);
  });

  it('a pipe (process substitution) is read from the stream, not taken as empty', () => {
    const dir = folder({
      'orders.txt': ordersText(all),
      'confirmations.txt': confirmationsText(all),
      'tracking.csv': trackingText(all),
    });
    const bin = join(ROOT, 'bin/shipaudit.js');
    const command = `node ${bin} audit orders.txt confirmations.txt <(cat tracking.csv) --format json`;
    const r = spawnSync('bash', ['-c', command], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const a = JSON.parse(r.stdout);
    expect(a.summary.matchedWithTracking).toBe(29);
    expect(a.inputs.find((i: { kind: string }) => i.kind === 'tracking-events').file).toMatch(/^\/dev\/fd\/\d+$/);
  });

  // A guard rather than an attack (it held before): a device named as an input goes the pipe's way now.
  it('control: a device named as an input (/dev/null) is one line, never "internal error"', () => {
    const dir = folder({ 'confirmations.txt': confirmationsText(all) });
    for (const args of [
      ['audit', 'confirmations.txt', '/dev/null'],
      ['inspect', '/dev/null'],
    ]) {
      const r = cli(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('shipaudit: /dev/null: the file is empty\n');
    }
  });
});
