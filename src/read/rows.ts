import { createReadStream } from 'node:fs';
import type { Encoding } from './decode.js';

export type Delimiter = '\t' | ',' | ';';

export interface RowSource {
  file: string;
  /** The path to open when it is not `file` (a copy of a pipe's content); `file` names it everywhere. */
  path?: string;
  encoding: Encoding;
  delimiter: Delimiter;
  /** Off for Amazon flat files, where a `"` is literal text. */
  quoting: boolean;
  /** 1-based line of the header row; rows up to it are skipped. */
  headerLine: number;
  /**
   * Told of a row the reader gave up on, with the line it started on: a quote opened and not closed within
   * MAX_QUOTED_LINES lines (or by the end of the file), or closed lines later into a row of another width
   * than the header's. The lines after it are read as rows again.
   */
  onBadRow?: (line: number, message: string) => void;
  /**
   * How many fields the header row has: a row over lines with another count is a quote left open (a real
   * field over lines keeps the row's width).
   */
  width?: number;
  /** Blank fields past the header that the file's rows habitually end with (a trailing delimiter). */
  spare?: number;
}

/**
 * How many lines a quoted field may run over. A real one (an address, a note) runs over a few; a quote
 * left open by a cut or a stray `"` would otherwise swallow the rest of the file into one bad row.
 */
export const MAX_QUOTED_LINES = 100;

/**
 * Called for every non-blank data row with its 1-based physical line number (where the row ends) and how
 * many fields it has (more than `fields` holds when a handler left some undecoded).
 */
export type RowHandler = (fields: string[], line: number, width: number) => void;

const CHUNK = 1 << 20;

/**
 * Part of a file, for two threads reading one file: the first reads from the start and is told, between
 * chunks, where to stop; the other reads from there to the end.
 */
export interface RowRange {
  /** The first byte to read, at the start of a line. Lines are counted from there: the caller adds the lines before. */
  start?: number;
  /** Bytes per read (tests make it small so that a small file has many seams). */
  chunkBytes?: number;
  /**
   * Asked after each chunk with the bytes read so far (counted from the file's start) until it names a byte
   * offset, at the start of a line and not behind what was read, where reading is to stop.
   */
  stopAt?: (read: number) => number | undefined | Promise<number | undefined>;
  /** Told after each chunk how many bytes of the file have been read (counted from the file's start), for a progress display. */
  onRead?: (read: number) => void;
}

export interface RowsRead {
  /** Physical lines read (from `start`). */
  lines: number;
  /**
   * Where reading stopped, when `stopAt` named a place and it held. It does not hold inside a quoted field
   * (a line break inside quotes is text): the reading then goes on to the end, as if never asked.
   */
  stoppedAt?: number;
  /** Lines of a UTF-8 file that were not UTF-8 and were read as GB18030 (mixed encodings). */
  gb18030Lines?: number;
  /** Lines of a GB18030 file that were valid UTF-8 and were read as UTF-8 (mixed encodings). */
  utf8Lines?: number;
}

/**
 * Streams a file's bytes from `range.start` into `take`, chunk by chunk, and stops where `range.stopAt` says
 * (see RowRange) if `idle()` then holds: no line, and no quoted field, left open. Returns where it stopped.
 * Shared by the byte reader and the decoded-text reference its tests compare it with.
 */
export async function pump(
  file: string,
  range: RowRange,
  take: (bytes: Buffer) => void,
  idle: () => boolean,
): Promise<number | undefined> {
  let read = range.start ?? 0;
  let stop: number | undefined;
  let asking = range.stopAt !== undefined;
  const stream = createReadStream(file, { highWaterMark: range.chunkBytes ?? CHUNK, start: read });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (stop !== undefined && read + chunk.length >= stop) {
      take(chunk.subarray(0, stop - read));
      if (idle()) {
        stream.destroy();
        return stop;
      }
      // A quoted field is open at the stop: its line break is text, so this thread reads on to the end.
      take(chunk.subarray(stop - read));
      read += chunk.length;
      stop = undefined;
      continue;
    }
    take(chunk);
    read += chunk.length;
    range.onRead?.(read);
    if (asking) {
      stop = await range.stopAt!(read);
      if (stop === undefined) continue;
      asking = false;
      if (stop < read) throw new Error(`pump: asked to stop at byte ${stop}, already read ${read}`);
    }
  }
  return undefined;
}

/**
 * The cells as strings of their own. `split` and `slice` give views into the text they cut, and whatever
 * keeps a cell would keep that whole text alive: the collector keeps order ids and tracking numbers as
 * given. For the rows the byte reader leaves to the text way (a file whose every row has a doubled quote
 * would otherwise keep all its lines) and for a workbook's cells. A JSON round trip yields a flat string
 * of its own and measured smallest of the ways tried (bench/RESULTS.md); V8 copies strings shorter than
 * 13 characters anyway.
 */
export function owned(fields: string[]): string[] {
  for (let i = 0; i < fields.length; i++)
    if (fields[i].length >= 13) fields[i] = JSON.parse(JSON.stringify(fields[i])) as string;
  return fields;
}

/** The records of a piece of text (a file's first bytes), split exactly as `readByteRows` splits the file. */
export function splitText(text: string, delimiter: Delimiter, quoting: boolean): string[][] {
  const out: string[][] = [];
  let pending: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (pending === undefined && (!quoting || line.indexOf('"') === -1)) {
      if (line.length > 0 && !isBlank(line, delimiter)) out.push(line.split(delimiter));
      continue;
    }
    pending = pending === undefined ? line : `${pending}\n${line}`;
    const fields = splitQuoted(pending, delimiter);
    if (fields === undefined) continue;
    pending = undefined;
    if (!fields.every((f) => f.trim() === '')) out.push(fields);
  }
  return out;
}

/** A line of only delimiters and spaces: Excel writes them below the data. */
export function isBlank(text: string, delimiter: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== delimiter && c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/**
 * The fields of one quoted-CSV record, or undefined when a quote is still open at the end (the record
 * goes on on the next line). Like csv-parse's relax_quotes, a quote inside an unquoted field is text,
 * and text after a closing quote is kept.
 */
export function splitQuoted(text: string, delimiter: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return undefined;
        if (text[q + 1] === '"') {
          value += text.slice(from, q + 1);
          i = from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      const end = text.indexOf(delimiter, i);
      const after = end === -1 ? text.slice(i) : text.slice(i, end);
      fields.push(value + after);
      if (end === -1) return fields;
      i = end + 1;
    } else {
      const end = text.indexOf(delimiter, i);
      if (end === -1) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, end));
      i = end + 1;
    }
  }
}
