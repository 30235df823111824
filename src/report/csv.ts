/**
 * CSV for spreadsheets: RFC 4180 quoting plus the OWASP guard against formula injection.
 *
 * A cell that starts with `=`, `+`, `-`, `@`, TAB or CR is run as a formula by Excel, LibreOffice and
 * Google Sheets. Tracking numbers, order ids and carrier event texts come from files the seller doesn't
 * control, so every such cell gets a leading `'`. That includes negative numbers: "-3.5" is written as
 * "'-3.5" and shows as text. OWASP advises escaping all of them, because a cell such as "-2+3+cmd|..."
 * also starts with a minus, and a reviewer loses nothing by reading a negative gap as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record with its CRLF terminator, the line ending Excel expects. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
