#!/usr/bin/env node
/**
 * How fast can an Amazon flat file (tab-separated, no quoting) be turned into arrays of fields?
 *
 *   node bench/read-speed.mjs [--file PATH] [--runs 3]
 *
 * Default file: bench/data/1000000/all-orders.txt (~1.25M item rows), else an All Orders file alone is
 * generated under bench/data/read-speed/. Each reader runs `runs` times, interleaved, after one plain
 * read that puts the file in the page cache; the best and median runs are shown. This is the measurement
 * behind the hand-written byte reader in src/read/byte-rows.ts, which finds the fields in the bytes and
 * leaves the decoding of each to the row readers, who decode only what they use. "chunk + indexOf +
 * split" is the decoded-text reader it replaced (test/read/text-rows.ts keeps it as a test reference).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { readByteRows } from '../dist/read/byte-rows.js';
import { generate } from './generate.mjs';

const CHUNK = 1 << 20;

/** csv-parse as the project would configure it for a flat file: quoting off, arrays out. */
async function csvParse(file) {
  let rows = 0;
  const parser = createReadStream(file, { highWaterMark: CHUNK }).pipe(
    parse({ delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true, from_line: 2 }),
  );
  for await (const rec of parser) rows += rec.length > 0 ? 1 : 0;
  return rows;
}

/** The bare technique: decoded chunks, indexOf('\n'), split('\t'). No line numbers, BOM or CR handling. */
async function bareSplit(file) {
  let rows = -1; // the header
  let rest = '';
  let fields = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK, encoding: 'utf8' })) {
    const text = rest + chunk;
    let start = 0;
    let nl;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      fields += text.slice(start, nl).split('\t').length;
      rows++;
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') {
    fields += rest.split('\t').length;
    rows++;
  }
  return fields > 0 ? rows : 0;
}

/** The byte reader (dist/read/byte-rows.js): fields found in each row, and all of them decoded or none. */
function byteReader(delimiter, quoting, decode) {
  return async (file) => {
    let rows = 0;
    await readByteRows(
      { file, encoding: 'utf-8', delimiter, quoting, headerLine: 1 },
      (row) => {
        if (decode) for (let i = 0; i < row.count; i++) row.text(i);
        rows++;
      },
      (fields) => (rows += fields.length > 0 ? 1 : 0),
    );
    return rows;
  };
}

export const READERS = [
  ['csv-parse, quote: false', csvParse],
  ['chunk + indexOf + split', bareSplit],
  ['project byte reader, every field decoded', byteReader('\t', false, true)],
  ['project byte reader, fields found, none decoded', byteReader('\t', false, false)],
];

/** csv-parse as the project used it for quoted CSV (tracking exports) before its own reader. */
async function csvParseQuoted(file) {
  let rows = 0;
  const parser = createReadStream(file, { highWaterMark: CHUNK }).pipe(
    parse({
      delimiter: ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      from_line: 2,
      info: true,
    }),
  );
  for await (const rec of parser) rows += rec.record.length > 0 ? 1 : 0;
  return rows;
}

/** The same comparison for a quoted CSV tracking export. */
export const QUOTED_READERS = [
  ['csv-parse, quoting on, info: true', csvParseQuoted],
  ['project byte reader, every field decoded', byteReader(',', true, true)],
  ['project byte reader, fields found, none decoded', byteReader(',', true, false)],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureReadSpeed({ file, runs = 3, log = console.error, readers = READERS }) {
  const bytes = statSync(file).size;
  await readFile(file); // page cache
  const times = readers.map(() => []);
  const rows = [];
  for (let r = 0; r < runs; r++) {
    for (const [i, [name, fn]] of readers.entries()) {
      const t0 = performance.now();
      rows[i] = await fn(file);
      times[i].push((performance.now() - t0) / 1000);
      log(`  read-speed run ${r + 1}/${runs}: ${name} ${times[i].at(-1).toFixed(2)} s`);
    }
  }
  const mb = bytes / 1e6;
  return {
    file,
    mb,
    results: readers.map(([name], i) => ({
      name,
      rows: rows[i],
      bestS: Math.min(...times[i]),
      medianS: median(times[i]),
      mbPerS: mb / Math.min(...times[i]),
      medianMbPerS: mb / median(times[i]),
    })),
  };
}

export function readSpeedMarkdown({ file, mb, results }) {
  const lines = [
    `File: \`${file}\`, ${mb.toFixed(1)} MB, ${results[0].rows.toLocaleString('en-US')} data rows.`,
    '',
    '| reader | rows | best s | MB/s (best) | MB/s (median) |',
    '|---|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.rows} | ${r.bestS.toFixed(2)} | ${r.mbPerS.toFixed(0)} | ${r.medianMbPerS.toFixed(0)} |`,
    ),
  ];
  return lines.join('\n');
}

/** The file to measure: the 1M set's All Orders file, or one generated for the purpose. */
export async function defaultReadSpeedFile() {
  const full = join('bench', 'data', '1000000', 'all-orders.txt');
  if (existsSync(join('bench', 'data', '1000000', 'expected.json'))) return full;
  const dir = join('bench', 'data', 'read-speed');
  const file = join(dir, 'all-orders.txt');
  if (!existsSync(file)) {
    console.error(`generating ${file} (1M orders, All Orders file only)...`);
    await generate({ orders: 1_000_000, out: dir, only: 'all-orders' });
  }
  return file;
}

/** A quoted tracking export to measure: the largest generated set's tracking.csv. */
export function defaultQuotedFile() {
  for (const n of ['1000000', '100000', '20000', '10000']) {
    const f = join('bench', 'data', n, 'tracking.csv');
    if (existsSync(f)) return f;
  }
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, runs: { type: 'string', default: '3' }, quoted: { type: 'boolean' } },
  });
  const quoted = values.quoted === true;
  const file = values.file ?? (quoted ? defaultQuotedFile() : await defaultReadSpeedFile());
  if (!file) throw new Error('no tracking.csv generated yet: npm run bench:generate -- --orders 100000');
  const result = await measureReadSpeed({
    file,
    runs: Number(values.runs),
    readers: quoted ? QUOTED_READERS : READERS,
  });
  const rowCounts = new Set(result.results.map((r) => r.rows));
  if (rowCounts.size !== 1) console.error(`WARNING: readers disagree on the row count: ${[...rowCounts].join(', ')}`);
  console.log(readSpeedMarkdown(result));
}
