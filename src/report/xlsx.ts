import type ExcelJS from 'exceljs';
import type { Comparison, EvidenceRow } from '../audit/compare.js';
import type { AuditResult, TargetFigure } from '../model/result.js';
import { EVIDENCE_COLUMNS, type EvidenceColumn } from './evidence-csv.js';
import { beforeAfterTable, hours, pct, verdictSentence } from './poa.js';

/**
 * The evidence as a workbook for reviewers who open spreadsheets: a summary sheet with the before/after
 * figures, and the evidence sheet with the CSV's columns, a frozen header, filters and readable widths.
 * Cells are written as values, never formulas, so text from the seller's files cannot run in Excel.
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

/** Columns whose text is a number: stored as numbers so that filters and sorting work. */
const NUMERIC = new Set(['Hours Confirmation Before Scan']);
const MAX_WIDTH = 60;

export async function formatEvidenceXlsx({ result, comparison: c, rows, periodColumn, sellerName }: WorkbookInput): Promise<Buffer> {
  // Loaded here, not with the module: exceljs takes ~160 ms to load, and `shipaudit --help` and `--version`
  // load every command, `appeal` (which imports this module) included.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = `${result.tool.name} ${result.tool.version}`;
  summarySheet(wb.addWorksheet(SUMMARY_SHEET), result, c, sellerName);
  evidenceSheet(wb.addWorksheet(EVIDENCE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), rows, [...EVIDENCE_COLUMNS, periodColumn]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function summarySheet(ws: ExcelJS.Worksheet, result: AuditResult, c: Comparison, sellerName: string | undefined): void {
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  bold(ws.addRow(['Shipments confirmed before the carrier had the parcels: before and after the fix']));
  ws.addRow(['Seller', sellerName ?? '']);
  ws.addRow(['Fix took effect on', c.fixedOn]);
  ws.addRow(['Judged as of', result.asOf]);
  ws.addRow(['Time zone', result.marketplaceZone]);
  ws.addRow(['Grace (hours)', c.graceHours]);
  ws.addRow([]);
  const t = beforeAfterTable(c);
  bold(ws.addRow(t.head));
  for (const r of t.rows) ws.addRow(r);
  ws.addRow([]);
  ws.addRow([verdictSentence(c)]);
  ws.addRow([]);
  bold(ws.addRow(["Figures against Amazon's targets (whole audit)", 'Value', 'Count', 'Target', 'Meets target']));
  const s = result.summary;
  const target = (f: TargetFigure) => ws.addRow([f.label, pct(f.value), `${f.count} of ${f.of}`, f.target, f.meetsTarget === null ? 'n/a' : f.meetsTarget ? 'yes' : 'no']);
  [s.earlyConfirmationRate, s.lateShipmentRate10, s.lateShipmentRate30, s.validTrackingRate].forEach(target);
  ws.addRow([]);
  bold(ws.addRow(['Carrier', 'Shipments', 'Early confirmations', 'Rate', 'Median hours', '90th percentile hours']));
  for (const g of result.byCarrier) ws.addRow([g.key, g.shipments, g.earlyConfirmations, pct(g.earlyConfirmationRate), hours(g.lagHours.median), hours(g.lagHours.p90)]);
  ws.getColumn(1).width = 55;
  for (let i = 2; i <= 6; i++) ws.getColumn(i).width = 24;
}

function evidenceSheet(ws: ExcelJS.Worksheet, rows: readonly EvidenceRow[], columns: readonly EvidenceColumn[]): void {
  const header = ws.addRow(columns.map((col) => col.header));
  header.font = { bold: true };
  const widths = columns.map((col) => col.header.length);
  for (const r of rows) {
    const cells = columns.map((col, i) => {
      const text = col.value(r.findings[0], r.findings);
      widths[i] = Math.max(widths[i], text.length);
      return NUMERIC.has(col.header) && text !== '' ? Number(text) : text;
    });
    ws.addRow(cells);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(w + 2, MAX_WIDTH);
  });
}
