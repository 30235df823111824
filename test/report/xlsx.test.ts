import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_COLUMNS } from '../../src/report/evidence-csv.js';
import { EVIDENCE_SHEET, formatEvidenceXlsx, SUMMARY_SHEET, wallClockDate } from '../../src/report/xlsx.js';
import { sampleAppeal } from './sample-appeal.js';

let wb: ExcelJS.Workbook;
let rowCount: number;
/** Amazon's targets in words ("0%", "under 4%"): text on purpose, not a figure. */
let targets: Set<string>;

beforeAll(async () => {
  const input = await sampleAppeal();
  rowCount = input.rows.length;
  const sm = input.result.summary;
  targets = new Set(
    [sm.earlyConfirmationRate, sm.lateShipmentRate10, sm.lateShipmentRate30, sm.validTrackingRate].map((f) => f.target),
  );
  wb = new ExcelJS.Workbook();
  // Read back from the bytes a reviewer would open, not from the object that wrote them.
  await wb.xlsx.load((await formatEvidenceXlsx(input)) as unknown as ExcelJS.Buffer);
});

const evidence = () => wb.getWorksheet(EVIDENCE_SHEET)!;
const summary = () => wb.getWorksheet(SUMMARY_SHEET)!;
const TIMES = ['Purchase Date', 'Latest Ship Date', 'Ship Confirmation Time', 'First Carrier Scan Time'];
const zoned = (h: string) => (TIMES.includes(h) ? `${h} (America/Los_Angeles)` : h);
const headers = [...EVIDENCE_COLUMNS.map((c) => zoned(c.header)), 'Before or After Fix (2026-11-03)'];
/** The wall-clock time that Excel shows: exceljs reads an Excel date back as that time in UTC. */
const wall = (text: string) => new Date(`${text}Z`);
const col = (header: string) => headers.indexOf(header) + 1;

describe('evidence sheet', () => {
  it("comes second, after the summary (a folder audit reads a workbook's first sheet only)", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, EVIDENCE_SHEET]);
  });

  it("has the CSV's headers plus the period, in bold, one row per affected shipment", () => {
    const ws = evidence();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(rowCount + 1);
  });

  it('puts the English of the first scan event right after it', () => {
    const values = (evidence().getRow(1).values as unknown[]).slice(1);
    const at = values.indexOf('First Scan Event (English)');
    expect(values.slice(at - 1, at + 2)).toEqual([
      'First Scan Event',
      'First Scan Event (English)',
      'First Scan Location',
    ]);
  });

  it('freezes the header and filters every column', () => {
    const ws = evidence();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(headers.length).letter}1`);
  });

  it('sizes columns to their content within limits', () => {
    const ws = evidence();
    headers.forEach((h, i) => {
      const width = ws.getColumn(i + 1).width!;
      expect(width).toBeGreaterThanOrEqual(Math.min(h.length + 2, 60));
      expect(width).toBeLessThanOrEqual(60);
    });
  });

  // Cell by cell: the first shipment of the month, the longest gap, and the first one after the fix.
  it.each([
    [2, 'Order ID', '111-7625964-1065606'],
    [2, 'Tracking Number', 'LX059317561CN'],
    [2, 'Carrier', 'China Post'],
    [2, zoned('Ship Confirmation Time'), wall('2026-10-01T23:47:00')],
    [2, zoned('First Carrier Scan Time'), wall('2026-10-06T18:06:00')],
    [2, 'First Scan Event', '已收寄'],
    [2, 'First Scan Event (English)', 'accepted (posted)'],
    [51, 'First Scan Event', 'Pickup Scan'],
    [51, 'First Scan Event (English)', null],
    [54, 'First Scan Event', 'Accepted at USPS Origin Facility'],
    [54, 'First Scan Event (English)', null],
    [38, 'First Scan Event', null],
    [38, 'First Scan Event (English)', null],
    [2, 'Hours Confirmation Before Scan', 114.3],
    [2, 'Issues', 'confirmed-before-handover; late-handover'],
    [2, 'Source: Confirmation', 'confirmations.txt:2'],
    [2, 'Before or After Fix (2026-11-03)', 'before'],
    [3, 'Tracking Number', 'LY919367224CN'],
    [3, 'Hours Confirmation Before Scan', 72.3],
  ])('row %i, %s = %j', (row, header, value) => {
    expect(evidence().getRow(row).getCell(col(header)).value).toEqual(value);
  });

  it('stores negative gaps as numbers and marks shipments after the fix', () => {
    const ws = evidence();
    const after = ws
      .getRows(2, rowCount)!
      .filter((r) => r.getCell(col('Before or After Fix (2026-11-03)')).value === 'after');
    expect(after).toHaveLength(11);
    const first = after[0];
    expect((first.getCell(col(zoned('Ship Confirmation Time'))).value as Date).getTime()).toBeGreaterThanOrEqual(
      wall('2026-11-03T00:00:00').getTime(),
    );
    const gaps = after.map((r) => r.getCell(col('Hours Confirmation Before Scan')).value).filter((v) => v !== null);
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.every((g) => typeof g === 'number')).toBe(true);
    expect(gaps.some((g) => (g as number) < 0)).toBe(true);
  });

  it('stores times as Excel dates with a date format, in the marketplace zone named in the header', () => {
    const ws = evidence();
    for (const h of TIMES) {
      const cells = ws.getColumn(col(zoned(h))).values.slice(2) as unknown[];
      const filled = cells.filter((v) => v !== null && v !== undefined);
      expect(filled.length, h).toBeGreaterThan(0);
      expect(
        filled.every((v) => v instanceof Date),
        h,
      ).toBe(true);
    }
    const confirmed = ws.getRow(2).getCell(col(zoned('Ship Confirmation Time')));
    expect(confirmed.numFmt).toBe('yyyy-mm-dd hh:mm');
    // The latest ship date of the sample is a day: a date format without a time.
    const lsd = ws.getRow(2).getCell(col(zoned('Latest Ship Date')));
    expect(lsd.value).toBeInstanceOf(Date);
    expect(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm']).toContain(lsd.numFmt);
    expect(ws.getRow(2).getCell(col('Hours Confirmation Before Scan')).numFmt).toBe('0.0');
  });

  it('leaves a missing value empty, never an empty string', () => {
    const ws = evidence();
    let empty = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      for (let i = 1; i <= headers.length; i++) {
        const v = row.getCell(i).value;
        expect(v, `row ${n} column ${headers[i - 1]}`).not.toBe('');
        if (v === null) empty++;
      }
    });
    expect(empty).toBeGreaterThan(0);
  });
});

describe('summary sheet', () => {
  const find = (label: string) =>
    summary()
      .getRows(1, summary().rowCount)!
      .find((r) => r.getCell(1).value === label);

  it.each<[string, unknown[]]>([
    ['Fix took effect on', [wall('2026-11-03T00:00:00')]],
    ['Judged as of (America/Los_Angeles)', [wall('2026-11-24T15:38:00')]],
    ['Grace (hours)', [24]],
    ['Period (confirmation dates)', ['2026-10-01 to 2026-10-30', '2026-11-03 to 2026-11-23']],
    ['Shipments confirmed', [117, 87]],
    ['Confirmed more than 24 h before the first scan', [47, 0]],
    ['Early-confirmation rate', [47 / 116, 0]],
    ['Median hours, confirmation to first scan', [18.8, -4.8]],
    ['90th percentile hours, confirmation to first scan', [119.1, -1.9]],
    ['Late shipments (confirmed after the latest ship date)', [0, 3]],
    ['Early confirmation rate', [47 / 198, 47, 198, '0%', 'no']],
    ['China Post', [117, 47, 47 / 116, 18.8, 119.1]],
  ])('%s', (label, values) => {
    const row = find(label);
    expect(row, label).toBeDefined();
    expect((row!.values as unknown[]).slice(2, 2 + values.length)).toEqual(values);
  });

  it.each([
    ['Fix took effect on', 2, 'yyyy-mm-dd'],
    ['Judged as of (America/Los_Angeles)', 2, 'yyyy-mm-dd hh:mm'],
    ['Early-confirmation rate', 2, '0.0%'],
    ['Early-confirmation rate', 3, '0.0%'],
    ['Median hours, confirmation to first scan', 3, '0.0'],
    ['Early confirmation rate', 2, '0.0%'],
    ['China Post', 4, '0.0%'],
    ['China Post', 5, '0.0'],
  ])('%s, column %i, is formatted %s', (label, column, format) => {
    expect(find(label)!.getCell(column).numFmt).toBe(format);
  });

  it('holds no number as text (but the targets in words) and no empty string', () => {
    expect([...targets]).toContain('0%');
    const ws = summary();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.value).not.toBe('');
        if (typeof cell.value === 'string' && !targets.has(cell.value)) expect(cell.value).not.toMatch(/^-?[\d.]+%?$/);
      }),
    );
  });

  it('states the verdict', () => {
    expect(
      find(
        'The data does not yet show an improvement after 2026-11-03: 3 shipments confirmed since 2026-11-03 have no carrier scan to judge them by (no tracking number, or still no physical scan long after the confirmation), and the rate counts only scanned shipments.',
      ),
    ).toBeDefined();
  });
});

describe('wallClockDate', () => {
  it.each([
    ['2026-10-01T23:47:00-07:00', '2026-10-01T23:47:00.000Z'],
    ['2026-10-01T23:47:30+08:00', '2026-10-01T23:47:30.000Z'],
    ['2026-03-08T02:30:00-08:00', '2026-03-08T02:30:00.000Z'],
    ['2026-10-07', '2026-10-07T00:00:00.000Z'],
  ])('%s → %s', (iso, expected) => {
    expect(wallClockDate(iso)!.toISOString()).toBe(expected);
  });

  it('is null for text that is not ISO 8601', () => {
    expect(wallClockDate('Oct 7')).toBeNull();
  });
});
