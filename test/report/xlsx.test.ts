import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_COLUMNS } from '../../src/report/evidence-csv.js';
import { EVIDENCE_SHEET, formatEvidenceXlsx, SUMMARY_SHEET } from '../../src/report/xlsx.js';
import { sampleAppeal } from './sample-appeal.js';

let wb: ExcelJS.Workbook;
let rowCount: number;

beforeAll(async () => {
  const input = await sampleAppeal();
  rowCount = input.rows.length;
  wb = new ExcelJS.Workbook();
  // Read back from the bytes a reviewer would open, not from the object that wrote them.
  await wb.xlsx.load((await formatEvidenceXlsx(input)) as unknown as ExcelJS.Buffer);
});

const evidence = () => wb.getWorksheet(EVIDENCE_SHEET)!;
const summary = () => wb.getWorksheet(SUMMARY_SHEET)!;
const headers = [...EVIDENCE_COLUMNS.map((c) => c.header), 'Before or After Fix (2026-11-03)'];
const col = (header: string) => headers.indexOf(header) + 1;

describe('evidence sheet', () => {
  it('comes second, after the summary (a folder audit reads a workbook\'s first sheet only)', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, EVIDENCE_SHEET]);
  });

  it('has the CSV\'s headers plus the period, in bold, one row per affected shipment', () => {
    const ws = evidence();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(rowCount + 1);
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
    [2, 'Ship Confirmation Time', '2026-10-01T23:47:00-07:00'],
    [2, 'First Carrier Scan Time', '2026-10-06T18:06:00-07:00'],
    [2, 'First Scan Event', '已收寄'],
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
    const after = ws.getRows(2, rowCount)!.filter((r) => r.getCell(col('Before or After Fix (2026-11-03)')).value === 'after');
    expect(after).toHaveLength(11);
    const first = after[0];
    expect(String(first.getCell(col('Ship Confirmation Time')).value) >= '2026-11-03').toBe(true);
    const gaps = after.map((r) => r.getCell(col('Hours Confirmation Before Scan')).value).filter((v) => v !== null && v !== '');
    expect(gaps.every((g) => typeof g === 'number')).toBe(true);
  });
});

describe('summary sheet', () => {
  const find = (label: string) => summary().getRows(1, summary().rowCount)!.find((r) => r.getCell(1).value === label);

  it.each([
    ['Fix took effect on', ['2026-11-03']],
    ['Grace (hours)', [24]],
    ['Shipments confirmed', ['117', '87']],
    ['Confirmed more than 24 h before the first scan', ['47', '0']],
    ['Early-confirmation rate', ['40.5%', '0.0%']],
    ['Median hours, confirmation to first scan', ['18.8', '-4.8']],
    ['90th percentile hours, confirmation to first scan', ['119.1', '-1.9']],
    ['Late shipments (confirmed after the latest ship date)', ['0', '3']],
    ['Early confirmation rate', ['23.7%', '47 of 198', '0%', 'no']],
    ['China Post', [117, 47, '40.5%', '18.8', '119.1']],
  ])('%s', (label, values) => {
    const row = find(label);
    expect(row, label).toBeDefined();
    expect((row!.values as unknown[]).slice(2, 2 + values.length)).toEqual(values);
  });

  it('states the verdict', () => {
    expect(find('Since 2026-11-03, none of the 82 shipments with a known first carrier scan was confirmed before the carrier had the parcel: the early-confirmation rate went from 40.5% to 0.0%, and the median time from confirmation to first carrier scan went from 18.8 to -4.8 hours (negative: the confirmation came after the scan).')).toBeDefined();
  });
});
