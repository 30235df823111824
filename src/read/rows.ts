import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { createDecoder, type Encoding } from './decode.js';

export type Delimiter = '\t' | ',' | ';';

export interface RowSource {
  file: string;
  encoding: Encoding;
  delimiter: Delimiter;
  /** Off for Amazon flat files, where a `"` is literal text. */
  quoting: boolean;
  /** 1-based line of the header row; rows up to it are skipped. */
  headerLine: number;
}

/** Called for every non-blank data row with its 1-based physical line number. */
export type RowHandler = (fields: string[], line: number) => void;

const CHUNK = 1 << 20;

/**
 * Streams a delimited text file row by row. Unquoted files are split by hand: csv-parse reads an
 * unquoted 1M-row All Orders file at ~38 MB/s on this machine, a split at several times that
 * (`npm run bench` measures both), and a flat file has no quoting to honour. Quoted CSV goes through
 * csv-parse, which handles embedded delimiters, doubled quotes and line breaks inside quotes.
 */
export function readRows(src: RowSource, onRow: RowHandler): Promise<void> {
  return src.quoting ? readQuoted(src, onRow) : readSplit(src, onRow);
}

async function readSplit(src: RowSource, onRow: RowHandler): Promise<void> {
  const decoder = createDecoder(src.encoding);
  let rest = '';
  let line = 0;
  const emit = (text: string) => {
    line++;
    if (line <= src.headerLine) return;
    const end = text.endsWith('\r') ? text.length - 1 : text.length;
    const body = end === text.length ? text : text.slice(0, end);
    if (body.trim() === '') return;
    onRow(body.split(src.delimiter), line);
  };
  for await (const chunk of createReadStream(src.file, { highWaterMark: CHUNK })) {
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      emit(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  const tail = rest + decoder.end();
  if (tail !== '') emit(tail);
}

async function readQuoted(src: RowSource, onRow: RowHandler): Promise<void> {
  const decoder = createDecoder(src.encoding);
  async function* text() {
    for await (const chunk of createReadStream(src.file, { highWaterMark: CHUNK })) yield decoder.write(chunk as Buffer);
    yield decoder.end();
  }
  const parser = Readable.from(text()).pipe(
    parse({
      delimiter: src.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      from_line: src.headerLine + 1,
      info: true,
      bom: true,
    }),
  );
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // info.lines is where the record ends; a record with line breaks inside quotes starts earlier.
    onRow(rec.record, rec.info.lines);
  }
}

