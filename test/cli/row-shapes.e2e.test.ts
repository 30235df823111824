import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectedFile } from '../../src/report/inspect.js';
import { runCli } from '../helpers/cli.js';
import { englishRuns } from '../helpers/english.js';

/**
 * Rows a delimiter or a quote moved, and a header in two columns, as `inspect` and `audit` show them: a
 * shifted row is rejected with its line rather than read by position, a quote that runs over lines costs its
 * own row and is reported where it opened, and a file with one header twice is refused.
 */

const dir = mkdtempSync(join(tmpdir(), 'shipaudit-row-shapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fixture with one change made to it, written in the temp folder under `name`. */
function changed(fixture: string, name: string, change: (text: string) => string): string {
  const text = readFileSync(fixture, 'utf8');
  const out = change(text);
  expect(out).not.toBe(text);
  const file = join(dir, name);
  writeFileSync(file, out);
  return file;
}

function inspect(file: string, lang = 'en') {
  const r = runCli(['inspect', file, '--format', 'json', '--lang', lang]);
  const files = (JSON.parse(r.stdout) as { files: InspectedFile[] }).files;
  return { r, file: files[0] };
}

const SHIFTED = (got: number, want: number) =>
  `row has ${got} of ${want} columns: a delimiter inside a field? (shifted row)`;

describe('a row wider than its header', () => {
  const orders = changed('fixtures/formats/order-report.txt', 'order-report.txt', (t) =>
    t.replace('Magnetic Car Phone Mount, Air Vent', 'Magnetic Car Phone Mount,\tAir Vent'),
  );

  it('flat file: a tab inside product-name is a rejected row, not a latest ship date read from earliest-ship-date', () => {
    const { r, file: got } = inspect(orders);
    expect(r.code).toBe(2);
    expect([got.rowsRead, got.rowsRejected]).toEqual([3, 1]);
    expect(got.problems).toEqual([{ file: orders, line: 2, message: SHIFTED(39, 38) }]);
    // The order's other item row is read as before: its latest ship date is the report's, not one column over.
    expect(got.samples[0]).toMatchObject({ latestShipDate: expect.stringMatching(/^2026-10-12T23:59:59-07:00 ← /) });
    expect(r.stderr).toBe(`shipaudit: 1 row rejected, in ${orders} (1): each is listed with its line in the output\n`);
  });

  it('said in Chinese under --lang zh', () => {
    const out = runCli(['inspect', orders, '--lang', 'zh']).stdout;
    const said = out.split('\n').filter((l) => l.includes(`${orders}:2:`));
    expect(said).toEqual([`    ${orders}:2: 该行有 39 列，应有 38 列：字段内含分隔符？（行错位）`]);
    expect(englishRuns(said.join('\n').replace(orders, ''))).toEqual([]);
  });

  it('CSV: an unquoted comma in the location is a rejected row, not location AUSTIN and code TX 78745', () => {
    const file = changed('fixtures/sample-month/tracking.csv', 'tracking.csv', (t) =>
      t.replace(
        'LY671859947CN,China Post,2026-10-16 06:38,Out for Delivery,"AUSTIN, TX 78745",',
        'LY671859947CN,China Post,2026-10-16 06:38,Out for Delivery,AUSTIN, TX 78745,',
      ),
    );
    const { r, file: got } = inspect(file);
    expect(r.code).toBe(2);
    expect([got.rowsRead, got.rowsRejected]).toEqual([1183, 1]);
    expect(got.problems).toEqual([{ file, line: 75, message: SHIFTED(7, 6) }]);
  });

  it('rows that all end with a delimiter the header has not are read as before', () => {
    const file = changed('fixtures/sample-month/confirmations.txt', 'trailing-tab.txt', (t) =>
      t.replace(/(?<=\n[^\n]+)\n/g, '\t\n'),
    );
    const { r, file: got } = inspect(file);
    expect(r.code).toBe(0);
    expect([got.rowsRead, got.rowsRejected]).toEqual([204, 0]);
  });
});

describe('a quote opened in a row and closed lines later', () => {
  const file = changed('fixtures/sample-month/tracking.csv', 'quote.csv', (t) =>
    t.replace('LX059317561CN,China Post,2026-10-07 09:06,已收寄', 'LX059317561CN,"China Post,2026-10-07 09:06,已收寄'),
  );
  const message =
    'row starting at line 6 runs to line 8: a quote opened in it is never closed on its line ' +
    '(the row is left out; the lines after it are read as rows)';

  it('is one rejected row at the line it opened, every other line a row as before', () => {
    const { r, file: got } = inspect(file);
    expect(r.code).toBe(2);
    expect([got.rowsRead, got.rowsRejected]).toEqual([1183, 1]);
    expect(got.problems).toEqual([{ file, line: 6, message }]);
  });

  it('said in Chinese under --lang zh', () => {
    const out = runCli(['inspect', file, '--lang', 'zh']).stdout;
    expect(out).toContain('从第 6 行开始的行一直延续到第 8 行');
    expect(out).not.toContain('never closed');
  });
});

describe('one header in two columns', () => {
  // The confirmations of the sample month with a second, empty tracking-number column before the real one.
  const month = mkdtempSync(join(dir, 'month-'));
  for (const name of ['all-orders.txt', 'tracking.csv']) {
    writeFileSync(join(month, name), readFileSync(`fixtures/sample-month/${name}`));
  }
  const conf = readFileSync('fixtures/sample-month/confirmations.txt', 'utf8')
    .split('\n')
    .map((l, i) => {
      if (l === '') return l;
      const cells = l.split('\t');
      cells.splice(6, 0, i === 0 ? 'tracking-number' : '');
      return cells.join('\t');
    })
    .join('\n');
  writeFileSync(join(month, 'confirmations.txt'), conf);
  const file = join(month, 'confirmations.txt');
  const line =
    `shipaudit: ${file}:1: the header "tracking-number" is in columns 7 and 8: ` +
    "which one holds trackingNumber can't be told (remove or rename one of them)\n";

  it.each([
    ['audit', ['audit', month]],
    ['inspect', ['inspect', file]],
  ])('%s: refused with one line, exit 2, no missing-tracking finding', (_, args) => {
    const r = runCli(args);
    expect([r.code, r.stderr]).toEqual([2, line]);
    expect(r.stdout).not.toMatch(/without a tracking number/);
  });

  it('said in Chinese under --lang zh', () => {
    const r = runCli(['inspect', file, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('表头 "tracking-number" 出现在第 7 和 8 列：无法判断哪一列是 trackingNumber');
  });
});
