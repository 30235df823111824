import type { UnclassifiedMore } from '../model/input.js';
import { InputError } from './types.js';
/**
 * How large an input may be before shipaudit refuses it, in one reviewable table: every limit with the reason
 * for its value. Real files stay far below each (an event text is a sentence, an order export line a few
 * hundred bytes, an Orders API document a handful of levels deep); a file past one is damaged or hostile, and
 * reading it on would cost gigabytes or end in a stack trace. Each limit can be lowered (or raised) with the
 * environment variable named beside it, so that a test can show a limit with a small file and a seller with
 * a truly odd file can get past one.
 */

export interface Bound {
  /** The value in force unless the environment variable says otherwise. */
  value: number;
  env: string;
  unit: string;
  why: string;
}

export const BOUNDS = {
  fieldBytes: {
    value: 64 * 1024,
    env: 'SHIPAUDIT_MAX_FIELD_BYTES',
    unit: 'bytes',
    why:
      'the longest field of a row; carrier event texts run to a few hundred bytes, product names to ~500. A longer ' +
      'field makes its row rejected (counted, with its line), never kept or printed.',
  },
  lineBytes: {
    value: 8 * 1024 * 1024,
    env: 'SHIPAUDIT_MAX_LINE_BYTES',
    unit: 'bytes',
    why:
      'the longest line (or quoted record over several lines); a row of the widest Amazon report is a few KB. Past ' +
      'it the file is not a row-per-line export: the read stops with the file and line.',
  },
  jsonBytes: {
    value: 256 * 1024 * 1024,
    env: 'SHIPAUDIT_MAX_JSON_BYTES',
    unit: 'bytes',
    why: 'an Orders API file is read whole; a page is 100 orders (~1 MB), a saved export a few thousand.',
  },
  jsonDepth: {
    value: 64,
    env: 'SHIPAUDIT_MAX_JSON_DEPTH',
    unit: 'levels',
    why:
      'an Orders API document nests about 6 levels; the walk over it recurses, so a deeper one is refused before ' +
      'parsing.',
  },
  xlsxBytes: {
    value: 256 * 1024 * 1024,
    env: 'SHIPAUDIT_MAX_XLSX_BYTES',
    unit: 'bytes uncompressed',
    why:
      'a workbook is inflated whole in memory (~4x its XML in objects); 100k rows of ERP export are under 100 MB ' +
      'of XML. A zip bomb inflates to gigabytes: refused before the workbook is read.',
  },
  xlsxEntries: {
    value: 10_000,
    env: 'SHIPAUDIT_MAX_XLSX_ENTRIES',
    unit: 'zip entries',
    why:
      'a workbook has a few dozen parts (sheets, styles, relations); thousands are a zip made to exhaust the ' +
      'reader.',
  },
  unclassifiedTexts: {
    value: 1000,
    env: 'SHIPAUDIT_MAX_UNCLASSIFIED',
    unit: 'distinct texts',
    why:
      'unclassified event texts kept with their counts (the most frequent); the rest are counted as "M more ' +
      'distinct texts". A carrier that writes the number into each text would otherwise make one entry per event.',
  },
  explainEvents: {
    value: 50,
    env: 'SHIPAUDIT_EXPLAIN_EVENTS',
    unit: 'events',
    why:
      'explain shows the first and the last this many events of the order, and the first this many scans in the ' +
      "carrier's hands; the others are counted.",
  },
} as const satisfies Record<string, Bound>;

export type BoundName = keyof typeof BOUNDS;

/** The limit in force: the table's value, or a positive number from its environment variable. */
export function limit(name: BoundName): number {
  const b: Bound = BOUNDS[name];
  const raw = typeof process !== 'undefined' ? process.env[b.env] : undefined;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : b.value;
}

/** A size as people read it: 64 KB, 8 MB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Unclassified event texts beyond those kept: how many distinct texts were let go, and their events. */
export type { UnclassifiedMore };

/** Where unclassified texts are counted: a file's report, or all files together. */
export interface UnclassifiedHolder {
  unclassified: Record<string, number>;
  unclassifiedMore?: UnclassifiedMore;
}

/** How many keys each record holds, so that counting a text needs no Object.keys. */
const sizes = new WeakMap<Record<string, number>, number>();

/** Adds `n` to a text's count; a text that is an Object.prototype name ("constructor") is a text like any. */
function bump(u: Record<string, number>, text: string, n: number): boolean {
  if (Object.hasOwn(u, text)) {
    u[text] += n;
    return false;
  }
  Object.defineProperty(u, text, { value: n, writable: true, enumerable: true, configurable: true });
  return true;
}

/**
 * Counts one event of an unclassified text. The most frequent texts are kept: when twice the limit are held,
 * the least frequent half is let go into `unclassifiedMore`, so memory stays bounded when every event has
 * a text of its own (every text was kept, and listed in the JSON).
 */
export function countUnclassified(h: UnclassifiedHolder, text: string, n = 1): void {
  if (!bump(h.unclassified, text, n)) return;
  const size = (sizes.get(h.unclassified) ?? Object.keys(h.unclassified).length - 1) + 1;
  sizes.set(h.unclassified, size);
  const keep = limit('unclassifiedTexts');
  if (size >= 2 * keep) capUnclassified(h, keep);
}

/** Keeps the `keep` most frequent texts and counts the rest into `unclassifiedMore`. */
function capUnclassified(h: UnclassifiedHolder, keep = limit('unclassifiedTexts')): void {
  const entries = Object.entries(h.unclassified);
  if (entries.length <= keep) return;
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const more = (h.unclassifiedMore ??= { texts: 0, events: 0 });
  for (let i = keep; i < entries.length; i++) {
    more.texts++;
    more.events += entries[i][1];
  }
  h.unclassified = Object.fromEntries(entries.slice(0, keep));
  sizes.set(h.unclassified, keep);
}

/** Adds another holder's counts (another file, the other part of a file) into `into`, kept within the limit. */
export function mergeUnclassified(into: UnclassifiedHolder, from: UnclassifiedHolder): void {
  for (const [text, n] of Object.entries(from.unclassified)) bump(into.unclassified, text, n);
  sizes.delete(into.unclassified);
  if (from.unclassifiedMore) {
    const more = (into.unclassifiedMore ??= { texts: 0, events: 0 });
    more.texts += from.unclassifiedMore.texts;
    more.events += from.unclassifiedMore.events;
  }
  capUnclassified(into);
}

/**
 * Refuses JSON nested deeper than `max` before it is parsed and walked: very deep JSON ended in "Maximum
 * call stack size exceeded" without the file's name. Brackets inside strings are text.
 */
export function checkDepth(file: string, text: string, max: number): void {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
      else if (c === 0x0a) line++;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) {
        const what = `more than ${max} levels (limit SHIPAUDIT_MAX_JSON_DEPTH)`;
        throw new InputError(file, line, `too deeply nested at line ${line}: ${what}`);
      }
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x0a) line++;
  }
}
