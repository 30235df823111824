import type ExcelJS from 'exceljs';
import { InputError } from './types.js';
import { checkZipBounds } from './zip-bounds.js';

/**
 * ERP and carrier exports often come as workbooks. The first worksheet is read as rows of text; Excel
 * stores a date-time as a serial with no zone, which exceljs hands over as a UTC Date: its UTC fields
 * are the wall-clock time the sheet shows, so they are written out as local text for the time parser.
 */
export async function readWorkbookRows(file: string, path = file): Promise<string[][]> {
  // Loaded on demand: the library takes longer to load than a month of orders takes to audit.
  const { default: Excel } = await import('exceljs');
  await checkZipBounds(file);
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new InputError(file, undefined, `not a readable XLSX workbook (${(e as Error).message})`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new InputError(file, undefined, 'the workbook has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    const date = `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())}`;
    const time =
      v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() === 0
        ? ''
        : ` ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())}`;
    return date + time;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result);
    return '';
  }
  // 16 digits or more: Excel kept 15 of them. Written as Excel shows it (9.40011189956204E+21), so that the
  // readers refuse the tracking number or order id with the reason instead of reading made-up digits.
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e15) return v.toExponential().toUpperCase();
  return String(v);
}
