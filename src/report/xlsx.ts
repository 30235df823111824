import type ExcelJS from 'exceljs';
import type { Comparison, EvidenceRow } from '../model/compare.js';
import type { Finding, TimeFact } from '../model/finding.js';
import type { AuditResult, TargetFigure } from '../model/result.js';
import { EVIDENCE_COLUMNS, type EvidenceColumn } from './evidence-csv.js';
import { beforeAfterRows, verdictSentence, type BeforeAfterRow } from './poa.js';

/**
 * The evidence as a workbook for reviewers who open spreadsheets: a summary sheet with the before/after
 * figures, and the evidence sheet with the CSV's columns, a frozen header, filters and readable widths.
 * Cells are typed so that sorting, filters and sums work: times are Excel dates, counts and hours numbers,
 * rates percentages, and a missing value is an empty cell. Excel has no time zones, so a time is written
 * as its wall-clock time in the marketplace zone and the column header names the zone. Cells are values,
 * never formulas, so text from the seller's files cannot run in Excel.
 */

export interface WorkbookInput {
  result: AuditResult;
  comparison: Comparison;
  rows: readonly EvidenceRow[];
  /** The period column of the evidence CSV, so both files say the same thing. */
  periodColumn: EvidenceColumn;
  sellerName?: string;
}

export const SUMMARY_SHEET = 'Summary';
export const EVIDENCE_SHEET = 'Evidence';

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';
const RATE_FORMAT = '0.0%';
const HOURS_FORMAT = '0.0';

/** Evidence columns whose value is a time: written as dates, the zone in the header. */
const TIME_COLUMNS: Readonly<Record<string, (f: Finding) => TimeFact | undefined>> = {
  'Purchase Date': (f) => f.purchasedAt,
  'Latest Ship Date': (f) => f.latestShipDate,
  'Ship Confirmation Time': (f) => f.confirmedAt,
  'First Carrier Scan Time': (f) => f.firstCarrierScanAt,
};
/** Evidence columns whose value is a number of hours. */
const HOURS_COLUMNS: Readonly<Record<string, (f: Finding) => number | undefined>> = {
  'Hours Confirmation Before Scan': (f) => f.lagHours,
};
const MAX_WIDTH = 60;
const DATE_TIME_WIDTH = 17;

type Cell = string | number | Date | null;

/**
 * The wall-clock time of an ISO 8601 text ("2026-10-01T23:47:00-07:00" → 2026-10-01 23:47) as the Date that
 * exceljs stores as that Excel date and time (exceljs counts in UTC). A plain date is its midnight.
 */
export function wallClockDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

/** The figure as the CSV shows it (one decimal), as a number. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export async function formatEvidenceXlsx({
  result,
  comparison: c,
  rows,
  periodColumn,
  sellerName,
}: WorkbookInput): Promise<Buffer> {
  // Loaded here, not with the module: exceljs is slow to load, and `shipaudit --help` and `--version` load
  // every command, `appeal` (which imports this module) included.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = `${result.tool.name} ${result.tool.version}`;
  summarySheet(wb.addWorksheet(SUMMARY_SHEET), result, c, sellerName);
  const views = [{ state: 'frozen' as const, ySplit: 1 }];
  const columns = [...EVIDENCE_COLUMNS, periodColumn];
  evidenceSheet(wb.addWorksheet(EVIDENCE_SHEET, { views }), rows, columns, result.marketplaceZone);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function summarySheet(ws: ExcelJS.Worksheet, result: AuditResult, c: Comparison, sellerName: string | undefined): void {
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  /** A row of values with a number format per column (1-based) where one is given. */
  const add = (values: Cell[], formats: Record<number, string> = {}) => {
    const row = ws.addRow(values);
    for (const [col, fmt] of Object.entries(formats)) row.getCell(Number(col)).numFmt = fmt;
    return row;
  };
  const zone = result.marketplaceZone;
  bold(add(['Shipments confirmed before the carrier had the parcels: before and after the fix']));
  add(['Seller', sellerName ?? null]);
  add(['Fix took effect on', wallClockDate(c.fixedOn)], { 2: DATE_FORMAT });
  add([`Judged as of (${zone})`, wallClockDate(result.asOf)], { 2: DATE_TIME_FORMAT });
  add(['Time zone', zone]);
  add(['Grace (hours)', c.graceHours]);
  add([]);
  bold(add([null, `Before ${c.fixedOn}`, `Since ${c.fixedOn}`]));
  const formatOf: Record<BeforeAfterRow['kind'], string | undefined> = {
    text: undefined,
    count: '0',
    rate: RATE_FORMAT,
    hours: HOURS_FORMAT,
  };
  for (const r of beforeAfterRows(c)) {
    const fmt = formatOf[r.kind];
    const value = (v: BeforeAfterRow['before']) => (typeof v === 'number' && r.kind === 'hours' ? oneDecimal(v) : v);
    add([r.label, value(r.before), value(r.after)], fmt ? { 2: fmt, 3: fmt } : {});
  }
  add([]);
  add([verdictSentence(c)]);
  add([]);
  bold(add(["Figures against Amazon's targets (whole audit)", 'Value', 'Count', 'Of', 'Target', 'Meets target']));
  const s = result.summary;
  const target = (f: TargetFigure) =>
    add([f.label, f.value, f.count, f.of, f.target, f.meetsTarget === null ? 'n/a' : f.meetsTarget ? 'yes' : 'no'], {
      2: RATE_FORMAT,
    });
  [s.earlyConfirmationRate, s.lateShipmentRate10, s.lateShipmentRate30, s.validTrackingRate].forEach(target);
  add([]);
  bold(add(['Carrier', 'Shipments', 'Early confirmations', 'Rate', 'Median hours', '90th percentile hours']));
  const h = (v: number | null) => (v === null ? null : oneDecimal(v));
  for (const g of result.byCarrier) {
    add([g.key, g.shipments, g.earlyConfirmations, g.earlyConfirmationRate, h(g.lagHours.median), h(g.lagHours.p90)], {
      4: RATE_FORMAT,
      5: HOURS_FORMAT,
      6: HOURS_FORMAT,
    });
  }
  ws.getColumn(1).width = 55;
  for (let i = 2; i <= 6; i++) ws.getColumn(i).width = 24;
}

function evidenceSheet(
  ws: ExcelJS.Worksheet,
  rows: readonly EvidenceRow[],
  columns: readonly EvidenceColumn[],
  zone: string,
): void {
  const headers = columns.map((col) => (TIME_COLUMNS[col.header] ? `${col.header} (${zone})` : col.header));
  const header = ws.addRow(headers);
  header.font = { bold: true };
  const widths = headers.map((h) => h.length);
  for (const r of rows) {
    const f = r.findings[0];
    const row = ws.addRow([]);
    columns.forEach((col, i) => {
      const cell = row.getCell(i + 1);
      const time = TIME_COLUMNS[col.header];
      const hours = HOURS_COLUMNS[col.header];
      if (time) {
        const t = time(f);
        cell.value = t ? wallClockDate(t.iso) : null;
        cell.numFmt = t?.precision === 'date' ? DATE_FORMAT : DATE_TIME_FORMAT;
        widths[i] = Math.max(widths[i], DATE_TIME_WIDTH);
      } else if (hours) {
        const v = hours(f);
        cell.value = v === undefined ? null : oneDecimal(v);
        cell.numFmt = HOURS_FORMAT;
      } else {
        const text = col.value(f, r.findings);
        cell.value = text === '' ? null : text;
        widths[i] = Math.max(widths[i], text.length);
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(w + 2, MAX_WIDTH);
  });
}
