import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ByteKeys, ByteRow } from '../../src/read/byte-rows.js';
import type { Encoding } from '../../src/read/decode.js';
import type { Delimiter, RowRange } from '../../src/read/rows.js';
import { readFields, readTextRows } from './text-rows.js';

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-byte-rows-'));
const fileWith = (content: string | Buffer) => {
  const file = join(tmp, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  return file;
};

type Got = Array<[string[], number, number]>;

/** The byte reader and the reference text reader over one file; byte rows are turned into all their fields' texts. */
async function both(
  file: string,
  delimiter: Delimiter,
  quoting: boolean,
  headerLine: number,
  range: RowRange = {},
  encoding: Encoding = 'utf-8',
) {
  const src = { file, encoding, delimiter, quoting, headerLine };
  const text: Got = [];
  const textRead = await readTextRows(src, (f, line, width) => text.push([f, line, width]), range);
  const bytes: Got = [];
  const byteRead = await readFields(src, (f, line, width) => bytes.push([f, line, width]), range);
  return { text, bytes, textRead, byteRead };
}

describe('readByteRows', () => {
  it.each<[string, string, Delimiter, boolean, Got]>([
    [
      'flat, CRLF, blank and delimiter-only lines',
      'h1\th2\r\nRuler 12"\tx\r\n\r\n"a\tb"\r\n\t \r\n',
      '\t',
      false,
      [
        [['Ruler 12"', 'x'], 2, 2],
        [['"a', 'b"'], 4, 2],
      ],
    ],
    [
      'quoted fields, empty ones, a quote inside text',
      'a,b,c\n"x, y",,"z"\n12" ruler,"",q\n',
      ',',
      true,
      [
        [['x, y', '', 'z'], 2, 3],
        [['12" ruler', '', 'q'], 3, 3],
      ],
    ],
    [
      'doubled quotes and text after a closing quote go the text way',
      'a,b\n"say ""hi""",x\n"quoted"tail,y\n',
      ',',
      true,
      [
        [['say "hi"', 'x'], 2, 2],
        [['quotedtail', 'y'], 3, 2],
      ],
    ],
    [
      'a record over two lines is reported where it ends',
      'a,b\n1,"two\nlines"\n3,4\n',
      ',',
      true,
      [
        [['1', 'two\nlines'], 3, 2],
        [['3', '4'], 4, 2],
      ],
    ],
    [
      'rows of only blank quoted fields, Unicode spaces included, are skipped',
      'a,b\n"",""\n"\u3000"," "\n\u00a0,x\n',
      ',',
      true,
      [[['\u00a0', 'x'], 4, 2]],
    ],
    [
      'Chinese text, semicolons, no newline at the end',
      'a;b\n深圳;"上海,浦东"\n1;2',
      ';',
      true,
      [
        [['深圳', '上海,浦东'], 2, 2],
        [['1', '2'], 3, 2],
      ],
    ],
    ['a control character alone is not blank', 'a,b\n\u0001,\n', ',', true, [[['\u0001', ''], 2, 2]]],
  ])('%s', async (_, content, delimiter, quoting, rows) => {
    const { text, bytes } = await both(fileWith(content), delimiter, quoting, 1);
    expect(bytes).toEqual(rows);
    expect(text).toEqual(rows);
  });

  it.each([1, 2, 5, 1 << 20])(
    'drops a byte-order mark as the text decoder does (chunks of %i bytes)',
    async (chunkBytes) => {
      const file = fileWith(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]));
      const { text, bytes } = await both(file, ',', true, 0, { chunkBytes });
      expect(bytes).toEqual([
        [['a', 'b'], 1, 2],
        [['1', '2'], 2, 2],
      ]);
      expect(text).toEqual(bytes);
    },
  );

  it('gives exactly the rows, lines and widths the text reference gives, in chunks of any size, with or without a byte-order mark (property)', async () => {
    const unit = fc.constantFrom(
      'a',
      'Z',
      '1',
      ' ',
      ',',
      ';',
      '\t',
      '"',
      '\n',
      '\r',
      '中',
      'é',
      '\u3000',
      '\u00a0',
      '\u0001',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit, maxLength: 80 }),
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (content, delimiter, quoting, headerLine, chunkBytes, bom) => {
          const file = fileWith(bom ? `\ufeff${content}` : content);
          const { text, bytes, textRead, byteRead } = await both(file, delimiter, quoting, headerLine, { chunkBytes });
          expect(bytes).toEqual(text);
          expect(byteRead).toEqual(textRead);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads files in other encodings, decoded and written back as UTF-8 chunk by chunk, as the text reference does (property)', async () => {
    const unit = fc.constantFrom('a', '1', ' ', ',', '\t', '"', '\n', '\r\n', '中', '文', 'é', 'ア', '\u3000');
    const written: Record<string, (text: string) => Buffer> = {
      gb18030: (t) => iconv.encode(t, 'gb18030'),
      shift_jis: (t) => iconv.encode(t.replaceAll('é', 'e'), 'shift_jis'),
      'windows-1252': (t) => iconv.encode(t.replace(/[^\x00-\xff]/g, 'x'), 'win1252'),
      'utf-16le': (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit, maxLength: 60 }),
        fc.constantFrom(...(Object.keys(written) as Encoding[])),
        fc.constantFrom<Delimiter>(',', '\t'),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        async (content, encoding, delimiter, quoting, chunkBytes) => {
          const file = fileWith(written[encoding](content));
          const { text, bytes, textRead, byteRead } = await both(file, delimiter, quoting, 1, { chunkBytes }, encoding);
          expect(bytes).toEqual(text);
          expect(byteRead).toEqual(textRead);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A byte row over `text` with the given fields (as [start, end) places in its bytes). */
function rowOf(text: string, fields: Array<[number, number]>): ByteRow {
  const row = new ByteRow();
  row.buf = Buffer.from(text);
  row.count = fields.length;
  fields.forEach(([s, e], i) => {
    row.starts[i] = s;
    row.ends[i] = e;
  });
  return row;
}

describe('ByteKeys', () => {
  it('finds a value by the bytes of its fields, wherever they sit in the row', () => {
    const keys = new ByteKeys<string>([0, 2]);
    const a = rowOf('Departed,x,Shenzhen', [
      [0, 8],
      [9, 10],
      [11, 19],
    ]);
    expect(keys.get(a)).toBeUndefined();
    keys.set(a, 'first');
    expect(
      keys.get(
        rowOf('__Departed,other,Shenzhen', [
          [2, 10],
          [11, 16],
          [17, 25],
        ]),
      ),
    ).toBe('first');
  });

  it('tells apart fields that hold the same bytes split differently, and texts that differ in the middle', () => {
    const keys = new ByteKeys<string>([0, 1]);
    const ab = rowOf('ab', [
      [0, 1],
      [1, 2],
    ]);
    keys.get(ab);
    keys.set(ab, 'a|b');
    const aB = rowOf('ab', [
      [0, 2],
      [2, 2],
    ]);
    expect(keys.get(aB)).toBeUndefined();
    keys.set(aB, 'ab|');
    expect(
      keys.get(
        rowOf('ab', [
          [0, 1],
          [1, 2],
        ]),
      ),
    ).toBe('a|b');
    expect(
      keys.get(
        rowOf('ab', [
          [0, 2],
          [2, 2],
        ]),
      ),
    ).toBe('ab|');
    const long = (middle: string) => {
      const event = `Arrived at ${middle} regional facility`;
      return rowOf(`${event},x`, [
        [0, event.length],
        [event.length + 1, event.length + 2],
      ]);
    };
    keys.get(long('USPS'));
    keys.set(long('USPS'), 'usps');
    expect(keys.get(long('UPSS'))).toBeUndefined();
    expect(keys.get(long('USPS'))).toBe('usps');
  });

  it('holds many keys through its growth, and starts afresh at its limit', () => {
    const keys = new ByteKeys<number>([0], 5000);
    const row = (n: number) => rowOf(`place ${n}`, [[0, `place ${n}`.length]]);
    for (let n = 0; n < 4000; n++) {
      expect(keys.get(row(n))).toBeUndefined();
      keys.set(row(n), n);
    }
    for (let n = 0; n < 4000; n++) expect(keys.get(row(n))).toBe(n);
    for (let n = 4000; n < 5001; n++) {
      keys.get(row(n));
      keys.set(row(n), n);
    }
    expect(keys.get(row(0))).toBeUndefined();
    expect(keys.get(row(5000))).toBe(5000);
  });
});
