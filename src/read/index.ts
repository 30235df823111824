import type { Field } from '../knowledge/headers.js';
import { canonicalCarrier } from '../knowledge/carriers.js';
import {
  abbreviationRegion,
  CARRIER_REGIONS,
  inferZone,
  isUsZone,
  zoneFromHeaderLanguage,
} from '../knowledge/zones.js';
import { detectDateOrder } from './time.js';
import { isContinuationLine, orderRowReader, PROMOTION_CONTINUATION } from './amazon-orders.js';
import { assignmentRowReader } from './assignments.js';
import { confirmationRowReader } from './confirmations.js';
import { easyShipRowReader } from './easyship.js';
import {
  describeZone,
  KEEP_PROBLEMS,
  newReport,
  rowProblemCollector,
  RowError,
  zoneFor,
  type ReadOptions,
} from './context.js';
import { delimiterName, findHeaderRow, sniff, type FieldIndex, type Header } from './detect.js';
import { plausibleDates } from './plausible.js';
import { Row, mappingOf } from './row.js';
import { owned, type RowRange, type RowsRead } from './rows.js';
import { ColumnTexts, readByteRows, type ByteRow, type ByteRowHandler } from './byte-rows.js';
import { createDecoder, type Encoding } from './decode.js';
import { readFile, stat } from 'node:fs/promises';
import { locationOf, trackingEventReaders } from './tracking-events.js';
import { trackingSummaryRowReader } from './tracking-summary.js';
import { InputError, type InputKind, type InputReport, type RecordSink } from './types.js';
import { limit, mergeUnclassified, sizeText } from './bounds.js';
import { optionalStamp } from './context.js';
import type { ZoneHint } from '../model/timestamp.js';

export type { ReadOptions } from './context.js';
export { InputError } from './types.js';
export type { InputReport, RecordSink } from './types.js';

const TIME_FIELDS: readonly Field[] = [
  'purchaseDate',
  'earliestShipDate',
  'latestShipDate',
  'promiseDate',
  'shipDate',
  'eventTime',
  'eventDate',
  'firstScan',
  'latestEventTime',
];

type RowReader = (row: Row, file: string, line: number) => void;
/** A reader of rows in their bytes, for a kind that has one; it reads rows exactly as its RowReader does. */
type ByteReader = (row: ByteRow, file: string, line: number) => void;
interface Readers {
  rows: RowReader;
  bytes?: ByteReader;
  /**
   * Whether a row holds no record and is left out on purpose, and why (a count in the report, not a
   * problem). Asked before a row is counted as read; given the row's cells (those the mapping uses).
   */
  skip?: (cells: readonly string[]) => string | undefined;
}

/** Counts a row left out on purpose under its reason. */
function countSkipped(report: InputReport, why: string): void {
  report.rowsSkipped ??= {};
  report.rowsSkipped[why] = (report.rowsSkipped[why] ?? 0) + 1;
}

/**
 * Reads one input file of any known kind and pushes its records into `sink`.
 * Throws InputError (file, line, what is wrong) when the file as a whole can't be read.
 */
export async function readInput(
  file: string,
  sink: RecordSink,
  opts: ReadOptions,
  onRead?: (bytes: number) => void,
): Promise<InputReport> {
  return (await readInputPart(file, sink, opts, onRead ? { onRead } : {})).report;
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
export async function readInputPart(
  file: string,
  given: RecordSink,
  opts: ReadOptions,
  range: RowRange,
): Promise<PartRead> {
  try {
    return await readPart(file, given, opts, range);
  } catch (e) {
    // A file that can't be read half-way (a folder by the name, a disk error) is the user's input, not a bug.
    const code = (e as NodeJS.ErrnoException)?.code;
    if (!(e instanceof InputError) && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new InputError(file, undefined, `can't read (${code})`, 'unreadable');
    }
    throw e;
  }
}

async function readPart(file: string, given: RecordSink, opts: ReadOptions, range: RowRange): Promise<PartRead> {
  const keep = opts.keepProblems ?? KEEP_PROBLEMS;
  const sink = plausibleDates(given, opts.notAfterMs);
  const path = opts.openAs ?? file;
  const s = await sniff(file, opts.columns, path);
  if (s.format !== 'text' || !splittable(s.encoding)) {
    // Such a file is read whole: a first part is simply never told to stop; a later part can't be asked for.
    if (range.start !== undefined) throw new Error(`readInputPart: ${file} can't be read from the middle`);
    range = {};
  }

  // The readers of JSON, XML and workbooks (and the XML parser they use) are loaded only for such a file:
  // an audit of text exports never needs them, and loading them is a share of a month's start-up.
  if (s.format === 'xml') {
    const { readApiText } = await import('./api/index.js');
    return { report: readApiText(file, 'xml', s.encoding, await readText(path, s.encoding), sink, opts), lines: 0 };
  }

  if (s.format === 'json') {
    // An Orders API response goes to the orders reader; any other JSON is offered to the API shapes.
    const [{ parseJsonDocuments, readApiText }, { ordersIn, readOrdersJson }] = await Promise.all([
      import('./api/index.js'),
      import('./orders-api.js'),
    ]);
    const text = await readText(path, s.encoding);
    const docs = parseJsonDocuments(file, text);
    if (!docs.docs.some(({ doc }) => ordersIn(doc).length > 0)) {
      return { report: readApiText(file, 'json', s.encoding, text, sink, opts, docs), lines: 0 };
    }
    const report = newReport(file, {
      kind: 'orders-api-json',
      encoding: s.encoding,
      delimiter: 'json',
      quoting: false,
    });
    const hint = zoneFor(opts);
    const perOrder = opts.fileZone ? undefined : opts.orderZone;
    const onSkip = (why: string) => countSkipped(report, why);
    const onProblem = rowProblemCollector(report, keep);
    const { rows, format } = readOrdersJson(file, docs, sink, hint, onProblem, onSkip, perOrder);
    report.delimiter = format;
    report.rowsRead = rows;
    report.zoneNote = `${describeZone(hint)}; Orders API times normally carry an offset`;
    return { report, lines: 0 };
  }

  if (s.format === 'amazon-feed-xml') {
    const report = newReport(file, {
      kind: 'order-fulfillment-feed',
      encoding: s.encoding,
      delimiter: 'xml',
      quoting: false,
    });
    const hint = zoneFor(opts);
    const onSkip = (why: string) => countSkipped(report, why);
    const onProblem = rowProblemCollector(report, keep);
    const { readFulfillmentFeedFile } = await import('./feed-file.js');
    report.rowsRead = await readFulfillmentFeedFile(file, s.encoding, sink, hint, onProblem, onSkip, path);
    report.zoneNote = `${describeZone(hint)}; a FulfillmentDate without an offset is local time (Amazon's feed rule)`;
    return { report, lines: 0 };
  }

  if (s.format === 'xlsx') {
    const { readWorkbookRows } = await import('./xlsx.js');
    const rows = await readWorkbookRows(file, path);
    const header = findHeaderRow(file, rows, opts.columns ?? {});
    const report = newReport(file, { kind: header.spec.kind, encoding: 'xlsx', delimiter: 'xlsx', quoting: false });
    const data = rows.slice(header.headerLine);
    const { rows: reader, skip } = rowReaderFor(header, sink, report, opts, data);
    const row = new Row(header.index);
    const onProblem = rowProblemCollector(report, keep);
    const maxCell = limit('fieldBytes');
    data.forEach((cells, i) => {
      if (cells.every((c) => c.trim() === '')) return;
      const why = skip?.(cells);
      if (why !== undefined) return countSkipped(report, why);
      report.rowsRead++;
      // The collector keeps texts as given; a workbook's may be cut from its larger XML texts.
      row.cells = owned(cells);
      try {
        for (let k = 0; k < cells.length; k++) {
          if (cells[k].length > maxCell) throw fieldTooLong(k, Buffer.byteLength(cells[k]), maxCell);
        }
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
  const { rows: reader, bytes, skip } = rowReaderFor(s, sink, report, opts, s.sample, range.start !== undefined);
  const row = new Row(s.index);
  const onProblem = rowProblemCollector(report, keep);
  const width = s.headers.length;
  const spare = spareFields(s.sample, width);
  /**
   * What is wrong with a row whose field count is not the header's (asked only then: one integer comparison
   * per row), given whether its fields from a place on are blank. Narrower: a flat file's row was cut or
   * shifted (a quoted CSV may leave trailing fields out; a field it needs is checked when read). Wider: a
   * delimiter inside a field moved every field after it one place on, and reading by position would take
   * the wrong columns, unless the fields past the header are blank and the file's rows habitually end so.
   */
  const wrongWidth = (count: number, blankFrom: (from: number) => boolean): RowError | undefined => {
    if (count < width) return s.quoting ? undefined : truncatedRow(count, width);
    if (count > width + spare || !blankFrom(width)) return shiftedRow(count, width);
    return undefined;
  };
  const source = {
    file,
    path,
    encoding: s.encoding,
    delimiter: s.delimiter,
    quoting: s.quoting,
    headerLine: range.start === undefined ? s.headerLine : 0,
    width,
    spare,
    onBadRow: (line: number, message: string) => {
      report.rowsRead++;
      onProblem(line, new RowError(message));
    },
  };
  const maxField = limit('fieldBytes');
  /** A row's cells (those the mapping uses, when `whole` is the byte row they came from). */
  const onCells = (cells: string[], line: number, cellCount: number, whole?: ByteRow) => {
    // Before the width check: a continuation line is often shorter than the header.
    const why = skip?.(cells);
    if (why !== undefined) return countSkipped(report, why);
    report.rowsRead++;
    row.cells = cells;
    try {
      if (cellCount !== width) {
        const bad = wrongWidth(cellCount, (from) => (whole ? blankBytes(whole, from) : blankCells(cells, from)));
        if (bad) throw bad;
      }
      for (let i = 0; i < cells.length; i++) {
        if (cells[i].length > maxField) throw fieldTooLong(i, Buffer.byteLength(cells[i]), maxField);
      }
      reader(row, file, line);
    } catch (e) {
      onProblem(line, e);
    }
  };
  const byCells = cellsOf(s.index, onCells);
  const onBytes: ByteRowHandler = !bytes
    ? (cells, line) => {
        // (Fields are only measured when the row is long enough to hold one over the limit.)
        if (cells.ends[cells.count - 1] - cells.starts[0] > maxField) {
          const over = longField(cells, maxField);
          if (over !== undefined) {
            report.rowsRead++;
            return onProblem(line, over);
          }
        }
        byCells(cells, line);
      }
    : (cells, line) => {
        report.rowsRead++;
        try {
          if (cells.count !== width) {
            const bad = wrongWidth(cells.count, (from) => blankBytes(cells, from));
            if (bad) throw bad;
          }
          if (cells.ends[cells.count - 1] - cells.starts[0] > maxField) {
            const over = longField(cells, maxField);
            if (over !== undefined) throw over;
          }
          bytes(cells, file, line);
        } catch (e) {
          onProblem(line, e);
        }
      };
  const rows = await readByteRows(source, onBytes, onCells, range);
  if (rows.gb18030Lines) report.gb18030Lines = rows.gb18030Lines;
  if (rows.utf8Lines) report.utf8Lines = rows.utf8Lines;
  if (range.start !== undefined || rows.stoppedAt !== undefined) {
    report.mapping = mappingOf(s.index, s.headers);
    return { report, ...rows, headerLine: s.headerLine };
  }
  return { report: finish(report, s), ...rows, headerLine: s.headerLine };
}

/** A whole file decoded, without its BOM: JSON and XML responses are read whole, up to the size bound. */
async function readText(file: string, encoding: Encoding): Promise<string> {
  const maxBytes = limit('jsonBytes');
  const size = (await stat(file)).size;
  if (size > maxBytes) {
    const limitText = `the limit of ${sizeText(maxBytes)} for a JSON or XML file (SHIPAUDIT_MAX_JSON_BYTES)`;
    throw new InputError(file, undefined, `${sizeText(size)}, over ${limitText}`);
  }
  const dec = createDecoder(encoding);
  return (dec.write(await readFile(file)) + dec.end()).replace(/^\uFEFF/, '');
}

/**
 * Encodings in which a line feed byte is always a line end, so that a file can be cut after one: not
 * UTF-16, whose line feed is two bytes. (In UTF-8, GB18030 and Shift_JIS the byte 0x0A never sits inside
 * a character.)
 */
function splittable(encoding: Encoding): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be';
}

/**
 * The report of a file read in two parts, as if read whole: the second part's lines come after `lines`.
 * Throws, as readInput does, when the file has a header row and no rows.
 */
export function joinReports(
  head: InputReport,
  tail: InputReport,
  lines: number,
  headerLine: number,
  keep = KEEP_PROBLEMS,
): InputReport {
  const joined: InputReport = {
    ...head,
    rowsRead: head.rowsRead + tail.rowsRead,
    rowsRejected: head.rowsRejected + tail.rowsRejected,
    problems: [...head.problems, ...tail.problems.map((p) => ({ ...p, line: p.line + lines }))].slice(0, keep),
    unclassified: { ...head.unclassified },
    unclassifiedMore: head.unclassifiedMore && { ...head.unclassifiedMore },
  };
  const reported = Math.max(head.reportedAtMs ?? -Infinity, tail.reportedAtMs ?? -Infinity);
  if (Number.isFinite(reported)) joined.reportedAtMs = reported;
  mergeUnclassified(joined, tail);
  for (const [why, n] of Object.entries(tail.rowsSkipped ?? {})) {
    joined.rowsSkipped = { ...joined.rowsSkipped };
    joined.rowsSkipped[why] = (joined.rowsSkipped[why] ?? 0) + n;
  }
  const mixed = (head.gb18030Lines ?? 0) + (tail.gb18030Lines ?? 0);
  if (mixed > 0) joined.gb18030Lines = mixed;
  const utf8Lines = (head.utf8Lines ?? 0) + (tail.utf8Lines ?? 0);
  if (utf8Lines > 0) joined.utf8Lines = utf8Lines;
  if (joined.rowsRead === 0)
    throw new InputError(joined.file, headerLine, 'has a header row but no data rows', 'no-rows');
  return joined;
}

/**
 * A byte row's cells as the text reader gives them, for the row readers: the fields the mapping uses
 * decoded, the others left blank (nothing reads them). One array serves every row of a width: the row
 * readers read cells during their call and keep none.
 */
function cellsOf(
  index: FieldIndex,
  onCells: (cells: string[], line: number, cellCount: number, whole: ByteRow) => void,
): ByteRowHandler {
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
    onCells(cells, line, row.count, row);
  };
}

/** The columns up to the last one the mapping uses. */
function fieldsWanted(index: FieldIndex): number {
  let last = -1;
  for (const i of Object.values(index)) if (i !== undefined && i > last) last = i;
  return last + 1;
}

/** A row with a field over the limit is rejected: neither kept nor shown (a 200 MB event text was both). */
function fieldTooLong(i: number, bytes: number, max: number): RowError {
  const limitText = `the limit of ${sizeText(max)} (SHIPAUDIT_MAX_FIELD_BYTES)`;
  return new RowError(`field ${i + 1} is ${bytes} bytes, over ${limitText}: row not read`);
}

function longField(row: ByteRow, max: number): RowError | undefined {
  for (let i = 0; i < row.count; i++) {
    const n = row.ends[i] - row.starts[i];
    if (n > max) return fieldTooLong(i, n, max);
  }
  return undefined;
}

function truncatedRow(got: number, want: number): RowError {
  return new RowError(`row has ${got} of ${want} columns (truncated or shifted row)`);
}

function shiftedRow(got: number, want: number): RowError {
  return new RowError(`row has ${got} of ${want} columns: a delimiter inside a field? (shifted row)`);
}

/**
 * How many blank fields past the header a file's rows habitually end with: some exports write a delimiter
 * after every data row's last field and not after the header's. It is the habit when half the rows of the
 * sample (the first bytes of the file) or more, and more than one, are so (or the file's one row is); a row
 * wider than that, or with text past the header, is a shifted row. One row alone with a blank field past the header is not a habit: a
 * delimiter inside its field moved its empty last field one place on (`…,AUSTIN, TX 78701,` under a header
 * whose last column is the status code).
 */
function spareFields(sample: readonly string[][], width: number): number {
  const counts = new Map<number, number>();
  for (const cells of sample) {
    if (cells.length > width && blankCells(cells, width)) {
      const extra = cells.length - width;
      counts.set(extra, (counts.get(extra) ?? 0) + 1);
    }
  }
  // Half the rows or more, and more than one unless the file has a single row (a one-order upload).
  for (const [extra, n] of counts) if ((n >= 2 || sample.length === 1) && n * 2 >= sample.length) return extra;
  return 0;
}

/** Whether the cells from `from` on are blank. */
function blankCells(cells: readonly string[], from: number): boolean {
  for (let i = from; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}

/** Whether a byte row's fields from `from` on are blank, as `trim` tells it. */
function blankBytes(row: ByteRow, from: number): boolean {
  for (let i = from; i < row.count; i++) {
    for (let k = row.starts[i]; k < row.ends[i]; k++) {
      const b = row.buf[k];
      if (b === 32 || (b >= 9 && b <= 13)) continue;
      // A byte of a non-ASCII character: the field's text says whether it is a Unicode space.
      if (b >= 0x80) {
        if (row.text(i).trim() !== '') return false;
        break;
      }
      return false;
    }
  }
  return true;
}

function finish(report: InputReport, header: Header): InputReport {
  report.mapping = mappingOf(header.index, header.headers);
  if (report.rowsRead === 0)
    throw new InputError(report.file, header.headerLine, 'has a header row but no data rows', 'no-rows');
  return report;
}

function rowReaderFor(
  header: Header,
  sink: RecordSink,
  report: InputReport,
  opts: ReadOptions,
  sample: string[][],
  fromMiddle = false,
): Readers {
  const dayFirst = dateOrders(header.index, sample, opts.dayFirst, header.spec.kind, opts.marketplaceZone.zone);
  const kind: InputKind = header.spec.kind;
  const hint = zoneFor(opts);
  report.zoneNote = describeZone(hint);
  if (header.spec.note) report.notes = [header.spec.note];
  // Amazon's files follow each order's own marketplace when the orders name several (a file setting wins).
  const perOrder = opts.fileZone ? undefined : opts.orderZone;
  if (perOrder) report.zoneNote += "; orders of another marketplace in that marketplace's zone";
  switch (kind) {
    case 'all-orders':
    case 'order-report':
    case 'unshipped-orders':
    case 'amazon-fulfilled-shipments': {
      const rows = orderRowReader(kind, sink, hint, dayFirst, perOrder);
      // A continuation line continues the record above it: one before any record is a broken row.
      let after = fromMiddle;
      const orderId = header.index.orderId;
      // The Unshipped report's snapshot time, for the check's staleness (a time it can't read is no time).
      const reported = kind === 'unshipped-orders' && header.index.reportingDate !== undefined;
      return {
        rows: (row, file, line) => {
          after = true;
          rows(row, file, line);
          if (reported) snapshotTime(report, row.get('reportingDate'), hint);
        },
        skip: (cells) => (after && isContinuationLine(cells, orderId) ? PROMOTION_CONTINUATION : undefined),
      };
    }
    case 'easyship-picked-up':
      return { rows: easyShipRowReader(sink, hint, dayFirst) };
    case 'confirmation-upload': {
      // The JP template carries a Japanese header row above the English one: without a zone from the user,
      // its dates are Japan's, not the default marketplace's.
      const jp =
        opts.fileZone || opts.marketplaceZone.source !== 'assumed' ? undefined : zoneFromHeaderLanguage(header.above);
      report.zoneNote = describeZone(jp ?? hint);
      return { rows: confirmationRowReader(sink, jp ?? hint, dayFirst, jp ? undefined : perOrder) };
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
    case 'order-fulfillment-feed':
      throw new Error('JSON and XML inputs are not row-based');
  }
}

/**
 * Day/month order is decided for the whole file from the values of its date columns in the first rows (a
 * 13 anywhere settles it; one file has one convention), or by the config. A 12-hour clock ("2:21 PM")
 * beside undecidable dates marks the US month-first style for a US marketplace only (whatever zone a file's
 * times are in: a US store's ERP may keep Beijing time): India and Australia write day first with a 12-hour
 * clock. When nothing tells, the time parser stops on the first ambiguous value and
 * asks for `dateOrder`.
 */
function dateOrders(
  index: FieldIndex,
  sample: string[][],
  configured: boolean | undefined,
  kind: InputKind,
  zone: string,
): (f: string) => boolean | undefined {
  if (configured !== undefined) return () => configured;
  const values: string[] = [];
  for (const f of TIME_FIELDS) {
    const i = index[f];
    if (i !== undefined) for (const r of sample) if (r[i]?.trim()) values.push(r[i]);
  }
  const order = detectDateOrder(values);
  const usStyle = () =>
    (isUsZone(zone) && values.some((v) => US_STYLE.test(v))) || (TRACKING_KINDS.has(kind) && usTracking(index, sample));
  const dayFirst = order !== undefined ? order === 'day-first' : usStyle() ? false : undefined;
  return () => dayFirst;
}

const TRACKING_KINDS = new Set<InputKind>(['tracking-events', 'tracking-summary']);

/**
 * A tracking export whose rows all name US carriers (USPS, UPS, FedEx: CARRIER_REGIONS) at US locations
 * writes `a/b/yyyy` month first, as a US Excel re-saves it ("11/05/2024 13:58"): the context settles what
 * the values can't. A UPS export of a UK seller (UK locations) still has to say its order.
 */
function usTracking(index: FieldIndex, sample: string[][]): boolean {
  const i = index.carrier;
  if (i === undefined) return false;
  const named = sample.map((r) => r[i]?.trim()).filter((c): c is string => !!c);
  if (named.length === 0 || !named.every((c) => CARRIER_REGIONS[canonicalCarrier(c) ?? c] === 'us')) return false;
  const row = new Row(index);
  // Per row: true at a US location, false at another place, undefined where the location tells nothing.
  const inUs = sample.map((r) => {
    row.cells = r;
    // A row cut short before its place tells nothing here; the read itself rejects it with its line.
    const location = r.length > (index.location ?? -1) ? locationOf(row) : undefined;
    const hint = location === undefined ? undefined : inferZone({ location });
    return hint && abbreviationRegion(undefined, hint) === 'us';
  });
  return inUs.includes(true) && !inUs.includes(false);
}

const US_STYLE = /^\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}(:\d{2})?\s*[ap]\.?m\.?$/i;

/** Keeps a report's newest snapshot time (an Unshipped report's reporting-date); an unreadable one is skipped. */
function snapshotTime(report: InputReport, value: string | undefined, hint: ZoneHint): void {
  let ms: number | undefined;
  try {
    ms = optionalStamp(value, 'reporting date', hint, undefined)?.epochMs;
  } catch {
    return;
  }
  if (ms !== undefined && ms > (report.reportedAtMs ?? -Infinity)) report.reportedAtMs = ms;
}
