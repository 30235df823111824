import { isUtf8 as isUtf8Bytes } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Encodings a seller's files arrive in (DOMAIN.md "Known traps"): UTF-8 with or without BOM, UTF-16 from
 * Excel's "Unicode text", Windows-1252 from NA/EU Seller Central, Shift_JIS/CP932 from JP, GB18030 when a
 * Chinese Excel re-saves a CSV. The label is what `inspect` shows and what iconv-lite decodes with.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'shift_jis' | 'gb18030';

const BOMS: ReadonlyArray<[Encoding, number[]]> = [
  ['utf-8-bom', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

export function bomLength(encoding: Encoding): number {
  return BOMS.find(([e]) => e === encoding)?.[1].length ?? 0;
}

export type Detection = { encoding: Encoding } | { binary: true };

/**
 * Decide from the first bytes of a file. Without a BOM: valid UTF-8 is UTF-8; UTF-16 without BOM shows
 * as NULs at every other byte; other NULs mean a binary file. The legacy code pages are told apart by how
 * their high bytes fall: Windows-1252 has isolated high bytes among ASCII, the double-byte sets come in
 * pairs, and Shift_JIS decodes Chinese text into replacement characters and half-width katakana.
 */
export function detectEncoding(sample: Buffer, truncated: boolean): Detection {
  for (const [enc, bom] of BOMS) {
    if (bom.every((b, i) => sample[i] === b)) return { encoding: enc };
  }
  const nul = countNul(sample);
  if (nul > 0) {
    const evenNul = countNulAt(sample, 0);
    const oddNul = countNulAt(sample, 1);
    const half = sample.length / 2;
    if (oddNul > half * 0.3 && evenNul === 0) return { encoding: 'utf-16le' };
    if (evenNul > half * 0.3 && oddNul === 0) return { encoding: 'utf-16be' };
    return { binary: true };
  }
  if (isUtf8(sample, truncated)) return { encoding: 'utf-8' };
  // A UTF-8 file with a few rows appended by a Chinese Excel or ERP: still UTF-8, read line by line.
  if (mostlyUtf8(sample, truncated)) return { encoding: 'utf-8' };
  if (controlBytes(sample) > sample.length * 0.01) return { binary: true };
  return { encoding: guessLegacy(sample) };
}

function countNul(b: Buffer): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0) n++;
  return n;
}

function countNulAt(b: Buffer, parity: number): number {
  let n = 0;
  for (let i = parity; i < b.length; i += 2) if (b[i] === 0) n++;
  return n;
}

/** Control bytes other than tab, CR, LF, form feed: text files have (almost) none. */
function controlBytes(b: Buffer): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) n++;
  }
  return n;
}

function isUtf8(sample: Buffer, truncated: boolean): boolean {
  // A sample cut mid-file may end inside a multi-byte character: drop up to 3 trailing bytes of it.
  let end = sample.length;
  if (truncated) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && sample[end - back - 1] >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the lines of a sample that hold non-ASCII bytes are mostly valid UTF-8: then the file is UTF-8
 * with some lines in another encoding (each read as GB18030 where that fits, see byte-rows), not a GB18030
 * file. A line of GBK text is almost never valid UTF-8 by chance (its lead bytes 0x81-0xC1 never start
 * a UTF-8 character).
 */
function mostlyUtf8(sample: Buffer, truncated: boolean): boolean {
  let valid = 0;
  let invalid = 0;
  let s = 0;
  while (s < sample.length) {
    let e = sample.indexOf(10, s);
    if (e === -1) e = sample.length;
    let high = false;
    for (let i = s; i < e; i++)
      if (sample[i] >= 0x80) {
        high = true;
        break;
      }
    // (The last line of a sample cut mid-file may end inside a character: it does not vote.)
    if (high && (e < sample.length || !truncated)) {
      if (isUtf8Bytes(sample.subarray(s, e))) valid++;
      else invalid++;
    }
    s = e + 1;
  }
  return valid > 0 && valid >= invalid;
}

function guessLegacy(sample: Buffer): Encoding {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] >= 0x80) {
      high++;
      const prevAscii = i === 0 || sample[i - 1] < 0x80;
      const nextAscii = i + 1 >= sample.length || sample[i + 1] < 0x80;
      if (prevAscii && nextAscii) isolated++;
    }
  }
  if (high > 0 && isolated / high > 0.5) return 'windows-1252';
  const sjis = penalty(iconv.decode(sample, 'shift_jis'), true);
  const gb = penalty(iconv.decode(sample, 'gb18030'), false);
  return sjis < gb ? 'shift_jis' : 'gb18030';
}

/** Signs that a decode went wrong: replacement characters, and for Shift_JIS stray half-width katakana. */
function penalty(text: string, halfWidthCounts: boolean): number {
  let p = 0;
  let kana = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) p += 10;
    else if (halfWidthCounts && c >= 0xff61 && c <= 0xff9f) p += 2;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
  }
  // Japanese text is full of kana; GB18030 decodes its bytes into rare hanzi instead.
  return halfWidthCounts ? p - kana : p;
}

/** A streaming decoder: bytes in, text out, with the BOM dropped. */
export interface TextDecoderStream {
  write(chunk: Buffer): string;
  end(): string;
}

export function createDecoder(encoding: Encoding): TextDecoderStream {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const d = new TextDecoder('utf-8', { ignoreBOM: false });
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'windows-1252' ? 'win1252' : encoding, { stripBOM: true });
  return { write: (c) => d.write(c), end: () => d.end() ?? '' };
}

/**
 * A line of a UTF-8 file that is not valid UTF-8, as UTF-8 bytes decoded from GB18030 when that decodes
 * it cleanly (rows a Chinese Excel or ERP appended); undefined otherwise (the line is read as it is).
 */
export function gb18030Line(line: Buffer): Buffer | undefined {
  if (isUtf8Bytes(line)) return undefined;
  const text = iconv.decode(line, 'gb18030');
  return text.includes('\uFFFD') ? undefined : Buffer.from(text, 'utf8');
}

export { isUtf8Bytes };
