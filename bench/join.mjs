#!/usr/bin/env node
/**
 * The join alone: the orders and confirmations of a data set read once into a collector, then joined
 * `runs` times (shipments per package, ship-by dates, audit order), min and median printed.
 *
 *   npm run build && node bench/join.mjs [DATA_DIR] [--runs 7]
 */
import { join as joinPath } from 'node:path';
import { parseArgs } from 'node:util';
import { Collector } from '../dist/engine/collect.js';
import { join } from '../dist/engine/join.js';
import { loadSettings } from '../dist/cli/settings.js';
import { readInput } from '../dist/read/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '7' } },
});
const dir = positionals[0] ?? joinPath('bench', 'data', '1000000');
const settings = await loadSettings({});
const c = new Collector();
for (const f of ['all-orders.txt', 'confirmations.txt'])
  await readInput(joinPath(dir, f), c, settings.readOptionsFor(f));
const times = [];
let shipments = 0;
for (let r = 0; r < Number(values.runs); r++) {
  const t0 = performance.now();
  shipments = join(c, settings.handling, {}).count;
  times.push((performance.now() - t0) / 1000);
}
times.sort((a, b) => a - b);
console.log(
  `join of ${shipments} shipments, ${times.length} runs: min ${times[0].toFixed(3)} s, median ${times[times.length >> 1].toFixed(3)} s`,
);
