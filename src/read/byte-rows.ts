import {
  isBlank,
  owned,
  pump,
  splitQuoted,
  type RowHandler,
  type RowRange,
  type RowSource,
  type RowsRead,
} from './rows.js';
import { MAX_QUOTED_LINES } from './rows.js';
import { createDecoder, gb18030Line, isUtf8Bytes, type Encoding } from './decode.js';
import iconv from 'iconv-lite';
import { limit, sizeText } from './bounds.js';
import { InputError } from './types.js';

/**
 * Node's own UTF-8 slicer, which `toString('utf8', start, end)` calls after checking its arguments: a
 * field is decoded millions of times, and the argument checks are a share of each call worth saving
 * (bench/RESULTS.md). Falls back to `toString` where absent.
 */
const utf8Slice: (this: Buffer, start: number, end: number) => string =
  (Buffer.prototype as unknown as { utf8Slice?: (this: Buffer, start: number, end: number) => string }).utf8Slice ??
  function (this: Buffer, start: number, end: number) {
    return this.toString('utf8', start, end);
  };

const LF = 10;
const LF_BYTE = Buffer.from([LF]);
const CR = 13;
const QUOTE = 34;

/**
 * Encodings read in their own bytes: UTF-8, where every byte below 0x80 is the ASCII character and never
 * part of another one, so lines, delimiters and quotes can be found in the bytes. Files in other encodings
 * are decoded chunk by chunk and their text written back as UTF-8 before the same scan.
 */
function utf8(encoding: Encoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

/**
 * One row of a file as places in the bytes it was read in. It is refilled for every row: a handler reads what
 * it needs during its call and keeps no reference.
 */
export class ByteRow {
  buf: Buffer = Buffer.alloc(0);
  /** How many fields the row has. */
  count = 0;
  /** Field i is `buf[starts[i]..ends[i])`, quotes taken off. */
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);

  /** Field i as the text reader gives it (untrimmed). */
  text(i: number): string {
    return utf8Slice.call(this.buf, this.starts[i], this.ends[i]);
  }

  /** Whether field i holds exactly the bytes `other[0..length)`. */
  same(i: number, other: Uint8Array, length: number): boolean {
    const s = this.starts[i];
    if (this.ends[i] - s !== length) return false;
    const buf = this.buf;
    for (let k = 0; k < length; k++) if (buf[s + k] !== other[k]) return false;
    return true;
  }

  /** Copies field i's bytes into `to` (grown when short); returns it. */
  copy(i: number, to: Uint8Array): Uint8Array {
    const s = this.starts[i];
    const length = this.ends[i] - s;
    const out = to.length >= length ? to : new Uint8Array(length * 2);
    // By hand: Buffer.copy's argument checks cost more than copying a field's few bytes.
    for (let k = 0; k < length; k++) out[k] = this.buf[s + k];
    return out;
  }

  grow(): { starts: Int32Array; ends: Int32Array } {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
    return this;
  }
}

/**
 * A row with a field holding an ASCII character that no trim takes away is not blank. Rows without one are
 * left to the text way, which tells blank rows exactly (Unicode spaces included). Nearly every row
 * answers at its first byte.
 */
function surelyNotBlank(buf: Buffer, starts: Int32Array, ends: Int32Array, count: number): boolean {
  for (let f = 0; f < count; f++) {
    for (let k = starts[f], e = ends[f]; k < e; k++) {
      const b = buf[k];
      if (b > 32 && b < 127) return true;
    }
  }
  return false;
}

function bomAt(buf: Buffer, at: number): boolean {
  return buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}

/** Called for a row read as bytes, with the 1-based line where it ends. */
export type ByteRowHandler = (row: ByteRow, line: number) => void;

/**
 * Streams a delimited file row by row without decoding it whole: a row is cut into fields in its bytes, and
 * a handler decodes only the fields it uses (an All Orders row has 30-odd and the reader uses eight; a
 * tracking row repeats its number, carrier, event and place from rows before). Hand-written rather than
 * csv-parse, which reads a flat file several times slower than this scan (`node bench/read-speed.mjs`,
 * bench/RESULTS.md).
 *
 * Rows are those of RFC 4180 as Amazon's and carriers' files bend it: flat files (`quoting` off) take a
 * `"` as text; in quoted CSV a field may be quoted, with doubled quotes, delimiters and line breaks inside,
 * and a quote inside an unquoted field, or text after a closing quote, is kept as text (csv-parse's
 * relax_quotes). Blank rows, and rows of only delimiters and spaces (Excel writes them below the data), are
 * skipped. A row the byte scan does not settle goes the text way (`splitQuoted`) to `onCells`: a quoted
 * field with doubled quotes, text after a closing quote or a line break inside it, and a row with no
 * character that is surely not blank (Unicode spaces make a blank row for `trim`). A test reference that
 * reads decoded lines (test/read/text-rows.ts) gives the same rows.
 */
export async function readByteRows(
  src: RowSource,
  onRow: ByteRowHandler,
  onCells: RowHandler,
  range: RowRange = {},
): Promise<RowsRead> {
  const { quoting, headerLine, delimiter } = src;
  const delim = delimiter.charCodeAt(0);
  const row = new ByteRow();
  let line = 0;
  /** A quoted record still open at a line end, as text (then lines are taken as text until it closes). */
  let pending: string | undefined;
  /** The line the pending record started on. */
  let pendingLine = 0;
  /** The start of a line whose end is in the next chunk. */
  let carry: Buffer | undefined;
  const fromStart = (range.start ?? 0) === 0;
  // A line past this is no row of an export: stop, rather than gather it (a huge line ended in a stack trace).
  const maxLine = limit('lineBytes');
  const tooLong = (at: number) =>
    new InputError(
      src.file,
      at,
      `line ${at} is longer than ${sizeText(maxLine)}: not a row-per-line export (limit SHIPAUDIT_MAX_LINE_BYTES)`,
    );

  // The text way, for the rows the byte scan leaves to it.
  const asText = (text: string) => {
    if (pending === undefined && (!quoting || text.indexOf('"') === -1)) {
      if (text.length === 0 || isBlank(text, delimiter)) return;
      const fields = text.split(delimiter);
      onCells(owned(fields), line, fields.length);
      return;
    }
    if (pending === undefined) pendingLine = line;
    pending = pending === undefined ? text : `${pending}\n${text}`;
    if (pending.length > maxLine) throw tooLong(line);
    const fields = splitQuoted(pending, delimiter);
    if (fields === undefined) {
      if (line - pendingLine >= MAX_QUOTED_LINES && src.onBadRow) {
        giveUp(`a quote opened on this line is not closed within ${MAX_QUOTED_LINES} lines`);
      }
      return;
    }
    // Closed lines later by a quote of another line (the next row's opening quote, or one in a row further
    // on): the record has another count of fields than the header, so the quote was left open on its own
    // line (a real field over lines keeps the row's width). Its lines are rows of their own.
    if (line > pendingLine && src.width !== undefined && src.onBadRow) {
      const n = fields.length;
      if (n < src.width || n > src.width + (src.spare ?? 0)) {
        giveUp(
          `row starting at line ${pendingLine} runs to line ${line}: a quote opened in it is never closed on its line`,
        );
        return;
      }
    }
    pending = undefined;
    if (fields.every((f) => f.trim() === '')) return;
    onCells(owned(fields), line, fields.length);
  };

  /**
   * The pending record is no row: it is reported at the line it started on, and the lines after that one
   * are read again as rows (a stray quote costs one row, not the rest of the file).
   */
  const giveUp = (why: string) => {
    const rest = pending!.split('\n').slice(1);
    const at = pendingLine;
    const end = line;
    pending = undefined;
    src.onBadRow!(at, `${why} (the row is left out; the lines after it are read as rows)`);
    rest.forEach((text, k) => {
      line = at + 1 + k;
      asText(text);
    });
    line = end;
  };

  /** Lines not valid UTF-8 in a UTF-8 file, read as GB18030. */
  let gb18030Lines = 0;
  /**
   * A line of a UTF-8 file that is not UTF-8: read as GB18030 when it decodes cleanly so (its pickup scan
   * kept, not turned into replacement characters), else as it is. Only lines of a chunk that fails the
   * check as a whole are looked at one by one.
   */
  const mixedLine = (buf: Buffer, s: number, e: number) => {
    const fixed = gb18030Line(buf.subarray(s, e));
    if (fixed === undefined) return onLine(buf, s, e);
    gb18030Lines++;
    onLine(fixed, 0, fixed.length);
  };

  const onLine = (buf: Buffer, s: number, e: number) => {
    line++;
    // The text way's decoder drops a byte-order mark at the start of the file.
    if (line === 1 && fromStart && bomAt(buf, s)) s += 3;
    if (e > s && buf[e - 1] === CR) e--;
    if (e - s > maxLine) throw tooLong(line);
    if (pending !== undefined) return asText(buf.toString('utf8', s, e));
    if (line <= headerLine) return;
    let count = 0;
    let from = s;
    let ended = false;
    let { starts, ends } = row;
    if (!quoting) {
      // A flat file: every delimiter ends a field, and a quote is text. The loop that only looks for the
      // delimiter is the one a flat file's bytes (a third of a million-order audit's) go through.
      for (let i = s; i < e; i++) {
        if (buf[i] === delim) {
          if (count === starts.length - 1) ({ starts, ends } = row.grow());
          starts[count] = from;
          ends[count++] = i;
          from = i + 1;
        }
      }
    } else {
      for (let i = s; i < e; i++) {
        const b = buf[i];
        if (b === delim) {
          if (count === starts.length - 1) ({ starts, ends } = row.grow());
          starts[count] = from;
          ends[count++] = i;
          from = i + 1;
        } else if (b === QUOTE && i === from) {
          // (A quote inside an unquoted field is text: splitQuoted's relaxed rule.)
          const q = buf.indexOf(QUOTE, i + 1);
          // Open past the line end, doubled, or followed by text: the text way settles it.
          if (q === -1 || q >= e || (q + 1 < e && buf[q + 1] !== delim)) return asText(buf.toString('utf8', s, e));
          if (count === starts.length - 1) ({ starts, ends } = row.grow());
          starts[count] = i + 1;
          ends[count++] = q;
          if (q + 1 === e) {
            ended = true;
            break;
          }
          i = q + 1;
          from = q + 2;
        }
      }
    }
    if (!ended) {
      starts[count] = from;
      ends[count++] = e;
    }
    if (!surelyNotBlank(buf, starts, ends, count)) return asText(buf.toString('utf8', s, e));
    row.buf = buf;
    row.count = count;
    onRow(row, line);
  };

  const takeUtf8 = (chunk: Buffer) => {
    let s = 0;
    if (carry !== undefined) {
      const nl = chunk.indexOf(LF);
      if (nl === -1) {
        if (carry.length + chunk.length > maxLine) throw tooLong(line + 1);
        carry = Buffer.concat([carry, chunk]);
        return;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = undefined;
      if (checkUtf8) mixedLine(joined, 0, joined.length);
      else onLine(joined, 0, joined.length);
      s = nl + 1;
    }
    let nl: number;
    const last = chunk.lastIndexOf(LF);
    if (checkUtf8 && last >= s && !isUtf8Bytes(chunk.subarray(s, last))) {
      while ((nl = chunk.indexOf(LF, s)) !== -1) {
        mixedLine(chunk, s, nl);
        s = nl + 1;
      }
    }
    while ((nl = chunk.indexOf(LF, s)) !== -1) {
      onLine(chunk, s, nl);
      s = nl + 1;
    }
    if (s < chunk.length) carry = chunk.subarray(s);
  };

  /** Lines of a GB18030 file that are valid UTF-8 (rows a UTF-8 tool appended), read as UTF-8. */
  let utf8Lines = 0;
  /** The start of a GB18030 line whose end is in the next chunk, not decoded yet. */
  let rawCarry: Buffer | undefined;
  /**
   * A line of a GB18030 file as UTF-8 bytes: as it is when it is ASCII, or valid UTF-8 with non-ASCII bytes
   * (GBK text is almost never valid UTF-8 by chance, see decode.ts); else decoded from GB18030. Its line
   * feed is ASCII in both, so lines are cut before decoding.
   */
  const gbLine = (raw: Buffer): Buffer => {
    let high = false;
    for (let i = 0; i < raw.length; i++)
      if (raw[i] >= 0x80) {
        high = true;
        break;
      }
    if (!high) return raw;
    if (isUtf8Bytes(raw)) {
      utf8Lines++;
      return raw;
    }
    return Buffer.from(iconv.decode(raw, 'gb18030'), 'utf8');
  };
  const takeGb = (chunk: Buffer) => {
    const last = chunk.lastIndexOf(LF);
    if (last === -1) {
      rawCarry = rawCarry === undefined ? chunk : Buffer.concat([rawCarry, chunk]);
      if (rawCarry.length > maxLine) throw tooLong(line + 1);
      return;
    }
    const lines = chunk.subarray(0, last + 1);
    const whole = rawCarry === undefined ? lines : Buffer.concat([rawCarry, lines]);
    rawCarry = last + 1 < chunk.length ? chunk.subarray(last + 1) : undefined;
    const out: Buffer[] = [];
    let s = 0;
    let nl: number;
    while ((nl = whole.indexOf(LF, s)) !== -1) {
      out.push(gbLine(whole.subarray(s, nl)), LF_BYTE);
      s = nl + 1;
    }
    takeUtf8(Buffer.concat(out));
  };

  // (A cut is at a line start, where no character is half decoded: the decoder holds nothing then.)
  const gb = src.encoding === 'gb18030';
  const decoder = utf8(src.encoding) || gb ? undefined : createDecoder(src.encoding);
  const checkUtf8 = decoder === undefined && !gb;
  const decoded = (chunk: Buffer) => takeUtf8(Buffer.from(decoder!.write(chunk), 'utf8'));
  const take = gb ? takeGb : decoder ? decoded : takeUtf8;
  const done = () => pending === undefined && carry === undefined && rawCarry === undefined;
  const stoppedAt = await pump(src.path ?? src.file, range, take, done);
  const mixed = () => ({ ...(gb18030Lines > 0 ? { gb18030Lines } : {}), ...(utf8Lines > 0 ? { utf8Lines } : {}) });
  if (stoppedAt !== undefined) return { lines: line, stoppedAt, ...mixed() };
  if (decoder) takeUtf8(Buffer.from(decoder.end(), 'utf8'));
  if (rawCarry !== undefined) {
    const rest = rawCarry;
    rawCarry = undefined;
    takeUtf8(gbLine(rest));
  }
  if (carry !== undefined) {
    const last = carry;
    carry = undefined;
    // A file of a byte-order mark alone has no line, as decoded text has none.
    if (!(line === 0 && fromStart && last.length === 3 && bomAt(last, 0))) {
      if (checkUtf8) mixedLine(last, 0, last.length);
      else onLine(last, 0, last.length);
    }
  }
  // A quote left open at the end of the file, over lines: the same as one open too long.
  while (pending !== undefined && pending.includes('\n') && src.onBadRow && range.start === undefined) {
    giveUp('a quote opened on this line is not closed by the end of the file');
  }
  // On its last line alone: hand over what there is rather than lose the row.
  if (pending !== undefined) {
    const fields = splitQuoted(`${pending}"`, delimiter) ?? [pending];
    onCells(owned(fields), line, fields.length);
  }
  return { lines: line, ...mixed() };
}

/** One 32-bit block into a MurmurHash3 state. */
function mix(h: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

interface Keyed<T> {
  /** The fields' bytes one after another, and each field's length. */
  key: Uint8Array;
  lengths: Int32Array;
  hash: number;
  value: T;
}

/**
 * Values remembered by the bytes of some fields of a row: a tracking feed repeats a few thousand event texts
 * and places millions of times, and looking one up by its bytes costs less than decoding it and hashing the
 * text. Dropped whole when `limit` keys are held, like the text memos.
 */
export class ByteKeys<T> {
  private slots: (Keyed<T> | undefined)[] = new Array<Keyed<T> | undefined>(1024);
  private mask = 1023;
  private size = 0;
  private hash = 0;
  /** Per table, so that no fixed set of texts collides in every run. */
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;

  constructor(
    private readonly fields: readonly number[],
    private readonly limit = 100_000,
  ) {}

  /** The value for the row's fields, or undefined (the row's hash is then kept for `set`). */
  get(row: ByteRow): T | undefined {
    const { buf, starts, ends } = row;
    // The hash takes every byte of every field (carrier texts that carry the tracking number differ only
    // in the middle: a hash of their ends put them all in one probe chain), four at a time, mixed as
    // MurmurHash3 mixes them so that every byte reaches the low bits the table is indexed by.
    let h = this.seed;
    for (const f of this.fields) {
      const s = starts[f];
      const e = ends[f];
      h = mix(h, e - s);
      let k = s;
      for (; k + 4 <= e; k += 4) h = mix(h, buf[k] | (buf[k + 1] << 8) | (buf[k + 2] << 16) | (buf[k + 3] << 24));
      let tail = 0;
      for (let shift = 0; k < e; k++, shift += 8) tail |= buf[k] << shift;
      h = mix(h, tail);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    this.hash = h;
    for (let at = h & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at];
      if (slot === undefined) return undefined;
      if (slot.hash === h && this.matches(row, slot)) return slot.value;
    }
  }

  /** Remembers `value` for the row last given to `get`. */
  set(row: ByteRow, value: T): void {
    if (this.size >= this.limit) this.clear();
    if ((this.size + 1) * 2 > this.slots.length) this.rehash();
    const lengths = new Int32Array(this.fields.length);
    let length = 0;
    this.fields.forEach((f, j) => (length += lengths[j] = row.ends[f] - row.starts[f]));
    const key = new Uint8Array(length);
    let at = 0;
    for (const f of this.fields) at += row.buf.copy(key, at, row.starts[f], row.ends[f]);
    this.place({ key, lengths, hash: this.hash, value });
    this.size++;
  }

  private matches(row: ByteRow, { key, lengths }: Keyed<T>): boolean {
    const { buf, starts, ends } = row;
    let at = 0;
    for (let j = 0; j < this.fields.length; j++) {
      const f = this.fields[j];
      if (ends[f] - starts[f] !== lengths[j]) return false;
      for (let k = starts[f], e = ends[f]; k < e; k++) if (key[at++] !== buf[k]) return false;
    }
    return true;
  }

  private place(entry: Keyed<T>): void {
    let at = entry.hash & this.mask;
    while (this.slots[at] !== undefined) at = (at + 1) & this.mask;
    this.slots[at] = entry;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Array<Keyed<T> | undefined>(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const e of old) if (e !== undefined) this.place(e);
  }

  private clear(): void {
    this.slots = new Array<Keyed<T> | undefined>(1024);
    this.mask = 1023;
    this.size = 0;
  }
}

/**
 * A column's texts, decoded only when its bytes differ from the row before's: statuses, channels, carriers
 * and quantities repeat down a file. A column whose value keeps changing (order ids, times) stops comparing
 * after a first stretch that shows it.
 */
export class ColumnTexts {
  private bytes: Uint8Array = new Uint8Array(32);
  private length = -1;
  private last = '';
  private asked = 0;
  private hits = 0;
  private comparing = true;

  text(row: ByteRow, i: number): string {
    if (!this.comparing) return row.text(i);
    if (row.same(i, this.bytes, this.length)) {
      this.hits++;
      return this.last;
    }
    if (++this.asked === 4096 && this.hits < 1024) this.comparing = false;
    this.last = row.text(i);
    this.bytes = row.copy(i, this.bytes);
    this.length = row.ends[i] - row.starts[i];
    return this.last;
  }
}
