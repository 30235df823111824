import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ZoneHint } from '../../model/timestamp.js';
import { KEEP_PROBLEMS, newReport, type ReadOptions } from '../context.js';
import { InputError, type InputReport, type RecordSink } from '../types.js';
import { checkDepth, limit } from '../bounds.js';
import { refuseDoctype } from '../xml-doctype.js';
import { CARRIER_SHAPES } from './carriers/index.js';
import { SERVICE_SHAPES } from './services/index.js';
import type { ApiReadContext, ApiShape } from './shape.js';

/**
 * Saved API responses (carriers' and tracking services'): the file is parsed here, each document offered to
 * the shapes in order, and read by the first that matches. JSON files hold one response, an array of them,
 * or JSON lines; an XML file holds one response (a SOAP envelope is opened, namespace prefixes dropped), and
 * its shapes see `{ RootElement: {...} }` as fast-xml-parser makes it: attributes as `@_Name`, every value
 * a string, one child element as an object and several as an array.
 */
export const API_SHAPES: readonly ApiShape[] = [...CARRIER_SHAPES, ...SERVICE_SHAPES];

export interface JsonDocuments {
  docs: Array<{ doc: unknown; line: number; text?: string }>;
  format: 'json' | 'jsonl';
  /** JSON lines that are not JSON: each a rejected row. */
  bad: Array<{ line: number; message: string }>;
}

/**
 * One JSON document, or JSON lines (a first line that is a whole object or array on its own). A document
 * that stops before its brackets and strings close is cut off, and said so, rather than read as lines.
 */
export function parseJsonDocuments(file: string, text: string): JsonDocuments {
  checkDepth(file, text, limit('jsonDepth'));
  try {
    return { docs: [{ doc: JSON.parse(text), line: 1 }], format: 'json', bad: [] };
  } catch (whole) {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first < 0 || !isJsonValue(lines[first])) throw notJson(file, text, whole as Error);
    const out: JsonDocuments = { docs: [], format: 'jsonl', bad: [] };
    lines.forEach((l, i) => {
      if (l.trim() === '') return;
      try {
        out.docs.push({ doc: JSON.parse(l), line: i + 1, text: l });
      } catch (e) {
        out.bad.push({ line: i + 1, message: `not valid JSON: ${(e as Error).message}` });
      }
    });
    return out;
  }
}

function isJsonValue(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/** Why a single document does not parse: cut off (brackets or a string left open), or another syntax error. */
function notJson(file: string, text: string, e: Error): InputError {
  const lineCount = text.replace(/\s+$/, '').split('\n').length;
  if (leftOpen(text)) {
    const what = 'ends before it is complete: the JSON is cut off (an interrupted download or copy?)';
    return new InputError(file, lineCount, what);
  }
  const pos = /position (\d+)/.exec(e.message);
  const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
  return new InputError(file, line, `not valid JSON: ${e.message}`);
}

/** Does the text end inside a string or with an object or array still open? */
function leftOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The XML file as one document `{ Root: {...} }`, a SOAP envelope opened; or a one-line error with the line. */
export function parseXmlDocument(file: string, text: string): { root: string; doc: Record<string, unknown> } {
  refuseDoctype(file, text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(file, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  let node = XML.parse(text) as Record<string, unknown>;
  let root = elementNames(node)[0];
  if (root === undefined) throw new InputError(file, 1, 'XML without a root element');
  if (root === 'Envelope') {
    const body = (node.Envelope as Record<string, unknown> | undefined)?.Body;
    if (typeof body === 'object' && body !== null) {
      node = body as Record<string, unknown>;
      root = elementNames(node)[0] ?? 'Envelope';
    }
  }
  return { root, doc: { [root]: node[root] } };
}

const elementNames = (node: Record<string, unknown>): string[] =>
  Object.keys(node).filter((k) => !k.startsWith('?') && !k.startsWith('@_') && k !== '#text' && k !== '#comment');

/** Where a text first appears in the document, as a 1-based line of the file. */
function lineFinder(text: string, base: number): (hint?: string) => number {
  const seen = new Map<string, number>();
  return (hint) => {
    if (!hint) return base;
    let line = seen.get(hint);
    if (line === undefined) {
      const at = text.indexOf(hint);
      line = at < 0 ? base : base + countNewlines(text, at);
      seen.set(hint, line);
    }
    return line;
  };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Zone of a local time that neither an offset, a zone field nor a location places. */
function fallbackZone(opts: ReadOptions): ZoneHint {
  if (opts.fileZone) return { zone: opts.fileZone, source: 'setting', note: 'file setting in config' };
  const note = 'no offset, zone or location in the response; marketplace zone used';
  return { zone: opts.marketplaceZone.zone, source: 'assumed', note };
}

/**
 * Reads a saved API response file (already decoded) into `sink`. Throws InputError when no document is
 * of a known shape (XML: "unrecognised XML: root element <X>"). JSON that is an Orders API response is
 * not for this reader: the caller tries `ordersIn` first.
 */
export function readApiText(
  file: string,
  format: 'json' | 'xml',
  encoding: string,
  text: string,
  sink: RecordSink,
  opts: ReadOptions,
  json?: JsonDocuments,
): InputReport {
  const parsed = format === 'json' ? (json ?? parseJsonDocuments(file, text)) : undefined;
  const delimiter = parsed?.format ?? 'xml';
  const report = newReport(file, { kind: 'tracking-api', encoding, delimiter, quoting: false });
  const keep = opts.keepProblems ?? KEEP_PROBLEMS;
  const fallback = fallbackZone(opts);
  report.zoneNote =
    `times carry the response's own offset or offset field where it has one; local times without one are placed ` +
    `by the event's location, else read in ${fallback.zone} (${fallback.source === 'setting' ? 'set' : 'assumed'})`;
  const titles = new Set<string>();
  const reject = (line: number, message: string) => {
    report.rowsRead++;
    report.rowsRejected++;
    if (report.problems.length < keep) report.problems.push({ file, line, message });
  };

  const read = (shape: ApiShape, doc: unknown, line: number, docText: string) => {
    titles.add(shape.title);
    const lineOf = lineFinder(docText, line);
    const ctx: ApiReadContext = {
      file,
      line,
      lineOf,
      options: opts,
      fallbackZone: fallback,
      event(e) {
        report.rowsRead++;
        if (e.class === 'unknown') report.unclassified[e.description] = (report.unclassified[e.description] ?? 0) + 1;
        sink.event?.(e);
      },
      package(p) {
        report.rowsRead++;
        sink.package?.(p);
      },
      problem(trackingNumber, message) {
        reject(lineOf(trackingNumber), trackingNumber ? `${trackingNumber}: ${message}` : message);
      },
    };
    shape.read(doc, ctx);
  };

  if (!parsed) {
    const { root, doc } = parseXmlDocument(file, text);
    const shape = API_SHAPES.find((s) => s.format === 'xml' && s.matches(doc));
    if (!shape) throw new InputError(file, 1, `unrecognised XML: root element <${root}>`, 'unknown-shape');
    read(shape, doc, 1, text);
  } else {
    const jsonShapes = API_SHAPES.filter((s) => s.format === 'json');
    const unknown: number[] = [];
    for (const { doc, line, text: docText } of parsed.docs) {
      // A response, or a list of responses saved together.
      const whole = jsonShapes.find((s) => s.matches(doc));
      const parts = whole ? [doc] : Array.isArray(doc) ? doc : [doc];
      for (const part of parts) {
        const shape = whole ?? jsonShapes.find((s) => s.matches(part));
        if (shape) read(shape, part, line, docText ?? text);
        else unknown.push(line);
      }
    }
    if (titles.size === 0) {
      throw new InputError(
        file,
        undefined,
        'JSON of no known shape: expected an Orders API response (orders[], payload.Orders[]) or a list of orders, ' +
          `or a tracking API response (${jsonShapes.map((s) => s.title).join(', ')})`,
        'unknown-shape',
      );
    }
    for (const { line, message } of parsed.bad) reject(line, message);
    const stray = 'a document of no known shape (not a tracking response this file otherwise holds)';
    for (const line of unknown) reject(line, stray);
    report.problems.sort((a, b) => a.line - b.line);
  }
  report.title = [...titles].join(' + ');
  if (report.rowsRead === 0) {
    throw new InputError(file, undefined, `${report.title}: the response holds no tracking number`);
  }
  return report;
}
