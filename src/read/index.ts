import type { Field } from '../knowledge/headers.js';
import { zoneFromHeaderLanguage } from '../knowledge/zones.js';
import { detectDateOrder } from './time.js';
import { orderRowReader } from './amazon-orders.js';
import { assignmentRowReader } from './assignments.js';
import { confirmationRowReader } from './confirmations.js';
import { describeZone, KEEP_PROBLEMS, newReport, rowProblemCollector, RowError, zoneFor, type ReadOptions } from './context.js';
import { delimiterName, findHeaderRow, sniff, type FieldIndex, type Header } from './detect.js';
import { ordersIn, readOrdersJson } from './orders-api.js';
import { parseJsonDocuments, readApiText } from './api/index.js';
import { Row, mappingOf } from './row.js';
import { owned, type RowRange, type RowsRead } from './rows.js';
import { ColumnTexts, readByteRows, type ByteRow, type ByteRowHandler } from './byte-rows.js';
import { createDecoder, type Encoding } from './decode.js';
import { readFile } from 'node:fs/promises';
import { trackingEventReaders } from './tracking-events.js';
import { trackingSummaryRowReader } from './tracking-summary.js';
import { InputError, type InputKind, type InputReport, type RecordSink } from './types.js';
import { readWorkbookRows } from './xlsx.js';

export type { ReadOptions } from './context.js';
export { InputError } from './types.js';
export type { InputKind, InputReport, RecordSink } from './types.js';

const TIME_FIELDS: readonly Field[] = [
  'purchaseDate', 'earliestShipDate', 'latestShipDate', 'promiseDate', 'shipDate', 'eventTime', 'eventDate', 'firstScan', 'latestEventTime',
];

type RowReader = (row: Row, file: string, line: number) => void;
/** A reader of rows in their bytes, for a kind that has one; it reads rows exactly as its RowReader does. */
type ByteReader = (row: ByteRow, file: string, line: number) => void;
interface Readers {
  rows: RowReader;
  bytes?: ByteReader;
}

/**
 * Reads one input file of any known kind and pushes its records into `sink`.
 * Throws InputError (file, line, what is wrong) when the file as a whole can't be read.
 */
export async function readInput(file: string, sink: RecordSink, opts: ReadOptions): Promise<InputReport> {
  return (await readInputPart(file, sink, opts, {})).report;
}

/** What a part of a file gave: the report of its rows, and how far it got (see RowRange). */
export interface PartRead extends RowsRead {
  report: InputReport;
  /** Of a delimited file: the line of its header row. */
  headerLine?: number;
}

/**
 * readInput over part of a delimited file. From `range.start` lines are counted from there and the header is
 * not looked for (it was read from the file's start); such a part, or one that stopped early, may have no
 * rows without that being an error: the whole file is judged when the parts are put together.
 */
export async function readInputPart(file: string, sink: RecordSink, opts: ReadOptions, range: RowRange): Promise<PartRead> {
  const keep = opts.keepProblems ?? KEEP_PROBLEMS;
  const s = await sniff(file, opts.columns);
  if (s.format !== 'text' || !splittable(s.encoding)) {
    // Such a file is read whole: a first part is simply never told to stop; a later part can't be asked for.
    if (range.start !== undefined) throw new Error(`readInputPart: ${file} can't be read from the middle`);
    range = {};
  }

  if (s.format === 'xml') {
    return { report: readApiText(file, 'xml', s.encoding, await readText(file, s.encoding), sink, opts), lines: 0 };
  }

  if (s.format === 'json') {
    // An Orders API response goes to the orders reader; any other JSON is offered to the API shapes.
    const text = await readText(file, s.encoding);
    const docs = parseJsonDocuments(file, text);
    if (!docs.docs.some(({ doc }) => ordersIn(doc).length > 0)) {
      return { report: readApiText(file, 'json', s.encoding, text, sink, opts, docs), lines: 0 };
    }
    const report = newReport(file, { kind: 'orders-api-json', encoding: s.encoding, delimiter: 'json', quoting: false });
    const hint = zoneFor(opts);
    const { rows, format } = await readOrdersJson(file, s.encoding, sink, hint, rowProblemCollector(report, keep));
    report.delimiter = format;
    report.rowsRead = rows;
    report.zoneNote = `${describeZone(hint)}; Orders API times normally carry an offset`;
    return { report, lines: 0 };
  }

  if (s.format === 'xlsx') {
    const rows = await readWorkbookRows(file);
    const header = findHeaderRow(file, rows, opts.columns ?? {});
    const report = newReport(file, { kind: header.spec.kind, encoding: 'xlsx', delimiter: 'xlsx', quoting: false });
    const data = rows.slice(header.headerLine);
    const reader = rowReaderFor(header, sink, report, opts, data).rows;
    const row = new Row(header.index);
    const onProblem = rowProblemCollector(report, keep);
    data.forEach((cells, i) => {
      if (cells.every((c) => c.trim() === '')) return;
      report.rowsRead++;
      // The collector keeps texts as given; a workbook's may be cut from its larger XML texts.
      row.cells = owned(cells);
      try {
        reader(row, file, header.headerLine + i + 1);
      } catch (e) {
        onProblem(header.headerLine + i + 1, e);
      }
    });
    return { report: finish(report, header), lines: header.headerLine + data.length };
  }

  const report = newReport(file, {
    kind: s.spec.kind,
    encoding: s.encoding,
    delimiter: delimiterName(s.delimiter),
    quoting: s.quoting,
  });
  const { rows: reader, bytes } = rowReaderFor(s, sink, report, opts, s.sample);
  const row = new Row(s.index);
  const onProblem = rowProblemCollector(report, keep);
  const width = s.headers.length;
  const source = {
    file,
    encoding: s.encoding,
    delimiter: s.delimiter,
    quoting: s.quoting,
    headerLine: range.start === undefined ? s.headerLine : 0,
  };
  const onCells = (cells: string[], line: number, cellCount: number) => {
    report.rowsRead++;
    row.cells = cells;
    try {
      if (cellCount < width && !s.quoting) throw new TruncatedRow(cellCount, width);
      reader(row, file, line);
    } catch (e) {
      onProblem(line, e instanceof TruncatedRow ? e.asRowError() : e);
    }
  };
  const onBytes: ByteRowHandler = !bytes
    ? cellsOf(s.index, onCells)
    : (cells, line) => {
        report.rowsRead++;
        try {
          if (cells.count < width && !s.quoting) throw new TruncatedRow(cells.count, width);
          bytes(cells, file, line);
        } catch (e) {
          onProblem(line, e instanceof TruncatedRow ? e.asRowError() : e);
        }
      };
  const rows = await readByteRows(source, onBytes, onCells, range);
  if (range.start !== undefined || rows.stoppedAt !== undefined) {
    report.mapping = mappingOf(s.index, s.headers);
    return { report, ...rows, headerLine: s.headerLine };
  }
  return { report: finish(report, s), ...rows, headerLine: s.headerLine };
}

/** A whole file decoded, without its BOM: JSON and XML responses are read whole. */
async function readText(file: string, encoding: Encoding): Promise<string> {
  const dec = createDecoder(encoding);
  return (dec.write(await readFile(file)) + dec.end()).replace(/^\uFEFF/, '');
}

/**
 * Encodings in which a line feed byte is always a line end, so that a file can be cut after one: not
 * UTF-16, whose line feed is two bytes. (In UTF-8, GB18030 and Shift_JIS the byte 0x0A never sits inside
 * a character.)
 */
export function splittable(encoding: Encoding): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be';
}

/**
 * The report of a file read in two parts, as if read whole: the second part's lines come after `lines`.
 * Throws, as readInput does, when the file has a header row and no rows.
 */
export function joinReports(head: InputReport, tail: InputReport, lines: number, headerLine: number, keep = KEEP_PROBLEMS): InputReport {
  const joined: InputReport = {
    ...head,
    rowsRead: head.rowsRead + tail.rowsRead,
    rowsRejected: head.rowsRejected + tail.rowsRejected,
    problems: [...head.problems, ...tail.problems.map((p) => ({ ...p, line: p.line + lines }))].slice(0, keep),
    unclassified: { ...head.unclassified },
  };
  for (const [d, n] of Object.entries(tail.unclassified)) joined.unclassified[d] = (joined.unclassified[d] ?? 0) + n;
  if (joined.rowsRead === 0) throw new InputError(joined.file, headerLine, 'has a header row but no data rows');
  return joined;
}

/**
 * A byte row's cells as the text reader gives them, for the row readers: the fields the mapping uses
 * decoded, the others left blank (nothing reads them). One array serves every row of a width: the row
 * readers read cells during their call and keep none.
 */
function cellsOf(index: FieldIndex, onCells: (cells: string[], line: number, cellCount: number) => void): ByteRowHandler {
  const used = [...new Set(Object.values(index).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
  const wanted = fieldsWanted(index);
  const columns = used.map(() => new ColumnTexts());
  let cells: string[] = [];
  return (row, line) => {
    const n = row.count < wanted ? row.count : wanted;
    if (cells.length !== n) cells = new Array<string>(n).fill('');
    for (let k = 0; k < used.length; k++) {
      const i = used[k];
      if (i >= n) break;
      cells[i] = columns[k].text(row, i);
    }
    onCells(cells, line, row.count);
  };
}

/** The columns up to the last one the mapping uses. */
function fieldsWanted(index: FieldIndex): number {
  let last = -1;
  for (const i of Object.values(index)) if (i !== undefined && i > last) last = i;
  return last + 1;
}

class TruncatedRow extends Error {
  constructor(readonly got: number, readonly want: number) {
    super('truncated');
  }
  asRowError() {
    return new RowError(`row has ${this.got} of ${this.want} columns (truncated or shifted row)`);
  }
}

function finish(report: InputReport, header: Header): InputReport {
  report.mapping = mappingOf(header.index, header.headers);
  if (report.rowsRead === 0) throw new InputError(report.file, header.headerLine, 'has a header row but no data rows');
  return report;
}

function rowReaderFor(header: Header, sink: RecordSink, report: InputReport, opts: ReadOptions, sample: string[][]): Readers {
  const dayFirst = dateOrders(header.index, sample, opts.dayFirst);
  const kind: InputKind = header.spec.kind;
  const hint = zoneFor(opts);
  report.zoneNote = describeZone(hint);
  switch (kind) {
    case 'all-orders':
    case 'order-report':
    case 'unshipped-orders':
      return { rows: orderRowReader(kind, sink, hint, dayFirst) };
    case 'confirmation-upload': {
      // The JP template carries a Japanese header row above the English one: without a zone from the user,
      // its dates are Japan's, not the default marketplace's.
      const jp = opts.fileZone || opts.marketplaceZone.source !== 'assumed' ? undefined : zoneFromHeaderLanguage(header.above);
      report.zoneNote = describeZone(jp ?? hint);
      return { rows: confirmationRowReader(sink, jp ?? hint, dayFirst) };
    }
    case 'erp-confirmations': {
      // Amazon's own files follow the marketplace; an ERP's clock follows the country it runs in.
      const erpHint = opts.fileZone ? hint : (zoneFromHeaderLanguage(header.headers) ?? hint);
      report.zoneNote = describeZone(erpHint);
      return { rows: confirmationRowReader(sink, erpHint, dayFirst) };
    }
    case 'tracking-events':
      report.zoneNote = opts.fileZone
        ? describeZone(hint)
        : `times without an offset are read in the zone the row's location or language tells (Chinese → Asia/Shanghai, US state → its zone); otherwise ${opts.marketplaceZone.zone} (assumed)`;
      return trackingEventReaders(sink, report, opts, dayFirst, header.index);
    case 'tracking-summary':
      return { rows: trackingSummaryRowReader(sink, report, opts, dayFirst) };
    case 'tracking-assignments':
      report.zoneNote = 'no times: tracking numbers assigned to orders';
      return { rows: assignmentRowReader(sink) };
    case 'orders-api-json':
    case 'tracking-api':
      throw new Error('JSON and XML inputs are not row-based');
  }
}

/**
 * Day/month order is decided for the whole file from the values of its date columns in the first rows (a
 * 13 anywhere settles it; one file has one convention), or by the config. A 12-hour clock ("2:21 PM")
 * beside undecidable dates marks the US month-first style. When nothing tells, the time parser stops on
 * the first ambiguous value and asks for `dateOrder`.
 */
function dateOrders(index: FieldIndex, sample: string[][], configured: boolean | undefined): (f: string) => boolean | undefined {
  if (configured !== undefined) return () => configured;
  const values: string[] = [];
  for (const f of TIME_FIELDS) {
    const i = index[f];
    if (i !== undefined) for (const r of sample) if (r[i]?.trim()) values.push(r[i]);
  }
  const order = detectDateOrder(values);
  const dayFirst = order !== undefined ? order === 'day-first' : values.some((v) => US_STYLE.test(v)) ? false : undefined;
  return () => dayFirst;
}

const US_STYLE = /^\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}(:\d{2})?\s*[ap]\.?m\.?$/i;
