/**
 * CSV for spreadsheets: RFC 4180 quoting plus the OWASP guard against formula injection.
 *
 * A cell that starts with `=`, `+`, `@`, TAB or CR is run as a formula by Excel, LibreOffice and Google
 * Sheets, and so is one starting with `-` followed by anything but digits ("-2+3+cmd|..."). Tracking numbers,
 * order ids and carrier event texts come from files the seller doesn't control, so every such cell gets a
 * leading `'`. A plain negative number ("-19.6", an hour gap) is a value, not a formula: it is left as it
 * is, so that a spreadsheet reads it as a number.
 */

const FORMULA_START = /^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)/;
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * Digits that Excel would damage if it read them as a number: 12 or more (shown as 9.40011E+21, and past 15
 * digits the rest become zeros when the file is saved) or a leading zero (dropped). USPS, FedEx and DHL
 * tracking numbers are such digits. They are written as the formula ="…", which Excel, LibreOffice and
 * Google Sheets show as the text itself; a constant of digits runs nothing.
 */
const DIGITS_EXCEL_DAMAGES = /^(?:\d{12,}|0\d+)$/;

export function csvCell(value: string): string {
  const safe = DIGITS_EXCEL_DAMAGES.test(value) ? `="${value}"` : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record with its CRLF terminator, the line ending Excel expects. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
