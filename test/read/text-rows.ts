import { readByteRows } from '../../src/read/byte-rows.js';
import { createDecoder } from '../../src/read/decode.js';
import {
  isBlank,
  pump,
  splitQuoted,
  type RowHandler,
  type RowRange,
  type RowSource,
  type RowsRead,
} from '../../src/read/rows.js';

/**
 * The reference the byte reader (src/read/byte-rows.ts) is tested against: the same rows read the plain
 * way, by decoding each chunk and splitting decoded lines. It was the project's reader until the byte
 * reader replaced it for speed (bench/RESULTS.md); its rows are checked against csv-parse in rows.test.ts.
 */
export async function readTextRows(src: RowSource, onRow: RowHandler, range: RowRange = {}): Promise<RowsRead> {
  const decoder = createDecoder(src.encoding);
  const { delimiter, quoting, headerLine } = src;
  let rest = '';
  let line = 0;
  let pending: string | undefined;
  const emit = (raw: string) => {
    line++;
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (pending !== undefined) {
      pending += `\n${text}`;
    } else if (line <= headerLine) {
      return;
    } else if (!quoting || text.indexOf('"') === -1) {
      if (text.length === 0 || isBlank(text, delimiter)) return;
      const fields = text.split(delimiter);
      onRow(fields, line, fields.length);
      return;
    } else {
      pending = text;
    }
    const fields = splitQuoted(pending, delimiter);
    if (fields === undefined) return;
    pending = undefined;
    if (fields.every((f) => f.trim() === '')) return;
    onRow(fields, line, fields.length);
  };
  const take = (bytes: Buffer) => {
    const text = rest + decoder.write(bytes);
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      emit(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  };
  const stoppedAt = await pump(src.file, range, take, () => pending === undefined && rest === '');
  if (stoppedAt !== undefined) return { lines: line, stoppedAt };
  const tail = rest + decoder.end();
  if (tail !== '') emit(tail);
  if (pending !== undefined) {
    const fields = splitQuoted(`${pending}"`, delimiter) ?? [pending];
    onRow(fields, line, fields.length);
  }
  return { lines: line };
}

/** The production reader with every field of a byte row decoded: rows as `readTextRows` gives them. */
export function readFields(src: RowSource, onRow: RowHandler, range: RowRange = {}): Promise<RowsRead> {
  return readByteRows(
    src,
    (row, line) =>
      onRow(
        Array.from({ length: row.count }, (_, i) => row.text(i)),
        line,
        row.count,
      ),
    onRow,
    range,
  );
}
