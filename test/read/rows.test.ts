import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRows, splitQuoted, type Delimiter } from '../../src/read/rows.js';

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
  await readRows({ file, encoding: 'utf-8', delimiter, quoting, headerLine }, (f, line) => rows.push([f, line]));
  return rows;
}

describe('readRows', () => {
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
          const rows = records.map((r) => r.map((v) => (v.includes(delimiter) ? `"${v.replaceAll('"', '""')}"` : quote(v))));
          const text = `h1${delimiter}h2\n${rows.map((r) => r.join(delimiter)).join('\n')}\n`;
          const ours = (await rowsOf(text, delimiter, true, 1)).map(([f]) => f);
          const theirs = (parse(text, { delimiter, from_line: 2, relax_column_count: true, skip_records_with_empty_values: true }) as string[][]);
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 200 },
    );
  });
});
