#!/usr/bin/env node
/**
 * Each file of a data set read alone, one after another, into one collector (as the main thread reads its
 * files) or into a part collector (as the second reading thread reads tracking), and into a sink that
 * keeps nothing: what the readers cost, and what the collector adds.
 *
 *   npm run build && node bench/read-files.mjs [DATA_DIR] [--runs 2]
 *
 * DATA_DIR defaults to bench/data/1000000 (`npm run bench:generate -- --orders 1000000`).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Collector } from '../dist/engine/collect.js';
import { loadSettings } from '../dist/cli/settings.js';
import { readInput } from '../dist/read/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '2' } },
});
const dir = positionals[0] ?? join('bench', 'data', '1000000');
const files = ['all-orders.txt', 'confirmations.txt', 'tracking.csv'].map((f) => join(dir, f));
const settings = await loadSettings({});
const nothing = { order() {}, confirmation() {}, event() {}, package() {} };

async function timed(file, sink) {
  const t0 = performance.now();
  await readInput(file, sink, settings.readOptionsFor(file));
  return (performance.now() - t0) / 1000;
}

const rows = [];
for (let r = 0; r < Number(values.runs); r++) {
  const main = new Collector();
  for (const f of files) rows.push([r + 1, f, 'collector (after the files before it)', await timed(f, main)]);
  rows.push([r + 1, files[2], 'part collector (second thread)', await timed(files[2], new Collector({ part: true }))]);
  for (const f of files) rows.push([r + 1, f, 'sink keeping nothing', await timed(f, nothing)]);
}
console.log('| run | file | into | s |\n|---:|---|---|---:|');
for (const [r, f, into, s] of rows) console.log(`| ${r} | ${f} | ${into} | ${s.toFixed(2)} |`);
