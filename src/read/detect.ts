import { open } from 'node:fs/promises';
import { KINDS, describeKinds, normalizeHeader, type Field, type KindSpec } from '../knowledge/headers.js';
import { KNOWN_HEADER_NAMES } from '../knowledge/headers.js';
import { createDecoder, detectEncoding, type Encoding } from './decode.js';
import { splitText, type Delimiter } from './rows.js';
import { InputError } from './types.js';
import { refuseDoctype } from './xml-doctype.js';

export type FieldIndex = Partial<Record<Field, number>>;

/** Extra header names per field, from the user's config; tried before the built-in aliases. */
export type ColumnOverrides = Partial<Record<Field, string | readonly string[]>>;

export type Sniffed =
  | { format: 'json'; file: string; encoding: Encoding; text: string; truncated: boolean }
  | { format: 'xml'; file: string; encoding: Encoding; text: string; truncated: boolean }
  | { format: 'xlsx'; file: string }
  /** An Amazon XML feed (root element AmazonEnvelope), e.g. the order-fulfilment feed a seller uploaded. */
  | { format: 'amazon-feed-xml'; file: string; encoding: Encoding }
  | ({ format: 'text'; file: string; encoding: Encoding; delimiter: Delimiter; quoting: boolean } & Header & {
        /** Data rows from the first bytes of the file, for column-wide decisions such as the date order. */
        sample: string[][];
      });

export interface Header {
  spec: KindSpec;
  /** 1-based line of the header row. */
  headerLine: number;
  headers: string[];
  index: FieldIndex;
  /** The cells of the rows above the header (the JP template's Japanese header row, a title line). */
  above: string[];
}

const SAMPLE_BYTES = 256 * 1024;
/** XML whose root element, after the declaration and any comments, is AmazonEnvelope. */
const AMAZON_ENVELOPE = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<AmazonEnvelope[\s>]/;
/** The start of an HTML page (a portal's error or login page saved under the report's name). */
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)?<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const HEADER_SEARCH_LINES = 10;
const DELIMITERS: ReadonlyArray<[Delimiter, string]> = [
  ['\t', 'tab'],
  [',', 'comma'],
  [';', 'semicolon'],
];

export function delimiterName(d: Delimiter): string {
  return DELIMITERS.find(([c]) => c === d)![1];
}

/** Reads the first bytes of a file and decides what it is, without reading it all. */
export async function sniff(file: string, columns: ColumnOverrides = {}, path = file): Promise<Sniffed> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(
      file,
      undefined,
      e.code === 'ENOENT' ? 'no such file' : `can't open (${e.code ?? e.message})`,
      'unreadable',
    );
  });
  let buf: Buffer;
  let truncated: boolean;
  try {
    const { size } = await fh.stat();
    buf = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await fh.read(buf, 0, buf.length, 0);
    truncated = size > buf.length;
  } finally {
    await fh.close();
  }
  if (buf.length === 0) throw new InputError(file, undefined, 'the file is empty', 'empty');
  const crOnly = crOnlyLines(buf);
  if (crOnly > 0) {
    const how = 'save it again with LF or CRLF line endings';
    const what = `its ${crOnly} lines end with a carriage return only (classic Mac line endings)`;
    throw new InputError(file, 1, `${what}: ${how}`);
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return { format: 'xlsx', file };
  const det = detectEncoding(buf, truncated);
  if ('binary' in det)
    throw new InputError(
      file,
      undefined,
      'not a text file (binary content): expected a report, CSV, TSV, JSON or XLSX export',
      'binary',
    );
  const encoding = det.encoding;
  const dec = createDecoder(encoding);
  let text = dec.write(buf.subarray(0)) + (truncated ? '' : dec.end());
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (HTML_START.test(text.slice(0, 512))) {
    const what = 'an HTML page, not a report or export (a download that returned an error or login page?)';
    throw new InputError(file, 1, what, 'html');
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { format: 'json', file, encoding, text, truncated };
  // Before the kind is decided by the root element: a DOCTYPE is refused whatever the root.
  if (first === '<') refuseDoctype(file, text);
  if (first === '<' && AMAZON_ENVELOPE.test(text)) return { format: 'amazon-feed-xml', file, encoding };
  // Saved API responses (USPS Web Tools, UPS, FedEx SOAP): the API readers decide by the root element.
  if (first === '<') return { format: 'xml', file, encoding, text, truncated };

  const lines = text.split('\n');
  if (truncated) lines.pop();
  const header = findHeader(file, lines, columns);
  const sampleText = lines.slice(header.headerLine).join('\n');
  const sample = splitText(sampleText, header.delimiter, header.quoting);
  return { format: 'text', file, encoding, ...header, sample };
}

function findHeader(
  file: string,
  lines: string[],
  columns: ColumnOverrides,
): Header & { delimiter: Delimiter; quoting: boolean } {
  const candidates: Array<{ cells: string[]; delimiter: Delimiter }> = [];
  for (const raw of lines.slice(0, HEADER_SEARCH_LINES)) {
    const line = raw.replace(/\r$/, '');
    const delimiter = guessDelimiter(line);
    candidates.push({ cells: splitText(line, delimiter, true)[0] ?? [], delimiter });
  }
  const header = findHeaderRow(
    file,
    candidates.map((c) => c.cells),
    columns,
  );
  const { delimiter } = candidates[header.headerLine - 1];
  return { ...header, delimiter, quoting: !(header.spec.flatFile && delimiter === '\t') };
}

/**
 * The header is the first of the leading rows that names a known kind; where two rows do (the JP template
 * has a Japanese header row above the English one), the one naming the more specific kind wins.
 */
export function findHeaderRow(file: string, rows: string[][], columns: ColumnOverrides): Header {
  let best: (Header & { rank: number }) | undefined;
  let firstHeaders: string[] | undefined;
  rows.slice(0, HEADER_SEARCH_LINES).forEach((cells, i) => {
    const headers = cells.map((h) => String(h ?? '').trim());
    // The JP confirmation template starts with a line for Amazon's own use.
    if (headers.every((h) => h === '') || headers[0]?.startsWith('TemplateType=')) return;
    firstHeaders ??= headers;
    const rank = KINDS.findIndex((spec) => matchKind(headers, spec, columns) !== undefined);
    if (rank >= 0 && (!best || rank < best.rank)) {
      const above = rows
        .slice(0, i)
        .flat()
        .map((c) => String(c ?? ''));
      best = {
        spec: KINDS[rank],
        headerLine: i + 1,
        headers,
        index: matchKind(headers, KINDS[rank], columns)!,
        above,
        rank,
      };
    }
  });
  if (!best) {
    const first = describeFirstRow(firstHeaders ?? [], columns);
    const notData = first.startsWith('headers found') ? 'unknown-kind' : 'no-header';
    const hint = `Known kinds: ${describeKinds()}; map other headers under "columns" in the config`;
    throw new InputError(file, 1, `unrecognised file: ${first}. ${hint}`, notData);
  }
  const { rank: _rank, ...header } = best;
  const twice = repeatedHeader(header);
  if (twice !== undefined) throw new InputError(file, header.headerLine, twice);
  return header;
}

/**
 * A header the mapping reads a field from that is in more than one column (`tracking-number` twice, or
 * `tracking-number` and `Tracking Number`, which normalise equal): which column holds the field can't be
 * told, and reading the first one read an empty column as "no tracking number" beside the full one. The
 * file is refused rather than read by a guess.
 *
 * Two DIFFERENT aliases of one field both present are not refused: that is how real exports are made, and
 * the alias order in knowledge/headers.ts chooses on purpose (an ERP export carries Amazon's order id and
 * its own order number; ShipStation the carrier that shipped and the one selected; a tracking export a
 * "Tracking Number" and a "Waybill"). Amazon's own reports name each column once.
 */
/**
 * The fields a repeated header makes the file unreadable for: the ids that join the files and the times the
 * rules judge. A second "Location" or "Carrier" column is read as the first, as before.
 */
const DECISIVE_FIELDS: ReadonlySet<string> = new Set([
  'orderId',
  'trackingNumber',
  'purchaseDate',
  'latestShipDate',
  'shipDate',
  'shipTime',
  'eventTime',
  'eventDate',
  'eventClock',
  'description',
  'firstScan',
]);

function repeatedHeader({ headers, index }: Header): string | undefined {
  for (const [field, at] of Object.entries(index)) {
    if (at === undefined || !DECISIVE_FIELDS.has(field)) continue;
    const name = normalizeHeader(headers[at]);
    const others = headers.flatMap((h, i) => (i !== at && normalizeHeader(h) === name ? [i] : []));
    if (others.length === 0) continue;
    const columns = [at, ...others].sort((a, b) => a - b).map((i) => i + 1);
    const spelt = [...new Set(others.map((i) => headers[i]).filter((h) => h !== headers[at]))];
    const as = spelt.length > 0 ? ` (as ${spelt.map((h) => `"${h}"`).join(', ')})` : '';
    const list = `${columns.slice(0, -1).join(', ')} and ${columns[columns.length - 1]}`;
    return `the header "${headers[at]}" is in columns ${list}${as}: which one holds ${field} can't be told (remove or rename ${columns.length > 2 ? 'all but one' : 'one of them'})`;
  }
  return undefined;
}

/**
 * The first row of a file no kind recognises, in words that never quote a data value: a file without its
 * header row starts with an order's cells (e-mail, name, phone), and this message goes to cron mail. A row
 * with no cell that looks like a value (digits, an e-mail) is quoted as headers; of any other row, only the
 * cells that are header names some kind (or the config's "columns") knows.
 */
function describeFirstRow(cells: readonly string[], columns: ColumnOverrides = {}): string {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return 'no header row found (the first rows are empty)';
  const names = (v: string | readonly string[] | undefined) =>
    v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  const own = new Set(Object.values(columns).flatMap(names).map(normalizeHeader));
  const isKnown = (c: string) => KNOWN_HEADER_NAMES.has(normalizeHeader(c)) || own.has(normalizeHeader(c));
  if (!filled.some((c) => !isKnown(c) && VALUE_LIKE.test(c))) return `headers found: ${filled.slice(0, 12).join(', ')}`;
  const known = filled.filter(isKnown);
  const shown =
    known.length > 0
      ? `known column names in it: ${known.slice(0, 12).join(', ')}; other cells`
      : 'no cell is a column name shipaudit knows; values';
  const count = `${filled.length} cell${filled.length === 1 ? '' : 's'}`;
  const hidden = `${shown} are not shown: they may be personal data`;
  return `the first row has ${count} and does not look like a header row (${hidden})`;
}

/** A cell that holds a value rather than a column name: digits (ids, dates, phones) or an e-mail's "@". */
const VALUE_LIKE = /[\p{N}@]/u;

/**
 * The number of lines of a sample whose lines all end with a lone CR (and none with LF), or 0. Such a file
 * is one long line to every reader here, which found "a header row but no data rows".
 */
function crOnlyLines(buf: Buffer): number {
  if (buf.indexOf(10) !== -1) return 0;
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 13) n++;
  // A sample cut mid-line still counts its last line.
  return n > 1 ? n + (buf[buf.length - 1] === 13 ? 0 : 1) : 0;
}

function guessDelimiter(line: string): Delimiter {
  let bestD: Delimiter = ',';
  let bestN = -1;
  for (const [d] of DELIMITERS) {
    const n = line.split(d).length - 1;
    if (n > bestN) {
      bestN = n;
      bestD = d;
    }
  }
  return bestD;
}

/** The column of each field for this kind, or undefined when the kind's required fields are not all there. */
export function matchKind(
  headers: readonly string[],
  spec: KindSpec,
  columns: ColumnOverrides = {},
): FieldIndex | undefined {
  const pos = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n !== '' && !pos.has(n)) pos.set(n, i);
  });
  const used = new Set<number>();
  const index: FieldIndex = {};
  for (const field of Object.keys(spec.fields) as Field[]) {
    const own = columns[field];
    const aliases = [
      ...(own === undefined ? [] : typeof own === 'string' ? [own] : own),
      ...(spec.fields[field] ?? []),
    ];
    for (const alias of aliases) {
      const at = pos.get(normalizeHeader(alias));
      if (at !== undefined && !used.has(at)) {
        index[field] = at;
        used.add(at);
        break;
      }
    }
  }
  return spec.requires.every((anyOf) => anyOf.some((f) => index[f] !== undefined)) ? index : undefined;
}
