import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitQuoted, type Delimiter } from '../../src/read/rows.js';
import { readFields } from './text-rows.js';

describe('splitQuoted', () => {
  it.each<[string, string[] | undefined]>([
    ['a,b,c', ['a', 'b', 'c']],
    ['"a","b","c"', ['a', 'b', 'c']],
    ['"a,1",b', ['a,1', 'b']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['a,,c,', ['a', '', 'c', '']],
    ['"",""', ['', '']],
    ['12" ruler,x', ['12" ruler', 'x']],
    ['"quoted"tail,x', ['quotedtail', 'x']],
    ['"line one\nline two",x', ['line one\nline two', 'x']],
    ['"open, still open', undefined],
    ['"中文,内容",深圳', ['中文,内容', '深圳']],
  ])('%j', (text, fields) => {
    expect(splitQuoted(text, ',')).toEqual(fields);
  });
});

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-rows-'));

async function rowsOf(content: string, delimiter: Delimiter, quoting: boolean, headerLine = 0) {
  const file = join(tmp, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const rows: Array<[string[], number]> = [];
  await readFields({ file, encoding: 'utf-8', delimiter, quoting, headerLine }, (f, line) => rows.push([f, line]));
  return rows;
}

describe('readByteRows, every field decoded', () => {
  it('flat files: quotes are text, CRLF and blank lines handled, line numbers kept', async () => {
    expect(await rowsOf('h1\th2\r\nRuler 12"\tx\r\n\r\n"a\tb"\r\n\t\r\n', '\t', false, 1)).toEqual([
      [['Ruler 12"', 'x'], 2],
      [['"a', 'b"'], 4],
    ]);
  });

  it('quoted CSV: a record spanning lines is reported at the line where it ends', async () => {
    expect(await rowsOf('a,b\n1,"two\nlines"\n3,4\n"",""\n', ',', true, 1)).toEqual([
      [['1', 'two\nlines'], 3],
      [['3', '4'], 4],
    ]);
  });

  it('a quote left open at the end of the file keeps the row', async () => {
    expect(await rowsOf('a,b\n1,"unterminated\n', ',', true, 1)).toEqual([[['1', 'unterminated'], 2]]);
  });

  it('agrees with csv-parse on any quoted CSV (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '\n', '中', 'é'), maxLength: 8 });
    const quote = (v: string) => (/[",;\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Delimiter>(',', ';'),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (delimiter, records) => {
          const rows = records.map((r) =>
            r.map((v) => (v.includes(delimiter) ? `"${v.replaceAll('"', '""')}"` : quote(v))),
          );
          const text = `h1${delimiter}h2\n${rows.map((r) => r.join(delimiter)).join('\n')}\n`;
          const ours = (await rowsOf(text, delimiter, true, 1)).map(([f]) => f);
          const theirs: string[][] = parse(text, {
            delimiter,
            from_line: 2,
            relax_column_count: true,
            skip_records_with_empty_values: true,
          });
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a file read in two parts at a cut gives the rows of the whole, or reads on when the cut is inside quotes (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '中'), maxLength: 6 });
    const quote = (v: string) => (/[",\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: 1, max: 16 }),
        async (records, pick, chunkBytes) => {
          const text = `h1,h2\n${records.map((r) => r.map(quote).join(',')).join('\n')}\n`;
          const file = join(tmp, `cut${Math.random().toString(36).slice(2)}.csv`);
          writeFileSync(file, text);
          const bytes = Buffer.from(text);
          // Every line start is a candidate, inside a quoted field or not: the reader has to tell.
          const starts = [...bytes.keys()].filter((i) => i > 0 && bytes[i - 1] === 0x0a);
          const cut = starts[pick % starts.length];
          const src = { file, encoding: 'utf-8' as const, delimiter: ',' as const, quoting: true, headerLine: 1 };
          const whole: Array<[string[], number]> = [];
          await readFields(src, (f, line) => whole.push([f, line]));
          const parts: Array<[string[], number]> = [];
          const head = await readFields(src, (f, line) => parts.push([f, line]), {
            chunkBytes,
            stopAt: (read) => (read <= cut ? cut : undefined),
          });
          if (head.stoppedAt !== undefined) {
            expect(head.stoppedAt).toBe(cut);
            await readFields({ ...src, headerLine: 0 }, (f, line) => parts.push([f, line + head.lines]), {
              start: cut,
              chunkBytes,
            });
          }
          expect(parts).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a cut inside a quoted field does not hold; one between records does', async () => {
    const text = 'h1,h2\n1,"two\nlines"\n3,4\n';
    const file = join(tmp, 'cut-quoted.csv');
    writeFileSync(file, text);
    const src = { file, encoding: 'utf-8' as const, delimiter: ',' as const, quoting: true, headerLine: 1 };
    const inside = text.indexOf('lines');
    const between = text.indexOf('3,4');
    const rows: string[][] = [];
    expect(await readFields(src, (f) => rows.push(f), { chunkBytes: 4, stopAt: () => inside })).toEqual({ lines: 4 });
    expect(rows).toEqual([
      ['1', 'two\nlines'],
      ['3', '4'],
    ]);
    expect(await readFields(src, () => undefined, { chunkBytes: 4, stopAt: () => between })).toEqual({
      lines: 3,
      stoppedAt: between,
    });
  });
});
