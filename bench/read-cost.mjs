#!/usr/bin/env node
/**
 * What reading costs per MB, per kind of file: each file read whole into a fresh collector (as the audit
 * reads it), CPU seconds and MB per CPU second. The figures behind the cost table the second reading
 * thread's share is decided from (src/engine/read-thread.ts, bench/RESULTS.md).
 *
 *   npm run build && node bench/read-cost.mjs FILE... [--rounds 2] [--dist dist]
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '2' }, dist: { type: 'string', default: 'dist' } },
});
const mod = (p) => import(pathToFileURL(resolve(values.dist, p)).href);
const { readInput } = await mod('read/index.js');
const { Collector } = await mod('engine/collect.js');
const settings = await (await mod('cli/settings.js')).loadSettings({});
console.log('| file | kind | MB | min CPU s | MB per CPU s |\n|---|---|---:|---:|---:|');
for (const file of positionals) {
  const mb = (await stat(file)).size / 1e6;
  let best = Infinity;
  let kind = '';
  for (let r = 0; r < Number(values.rounds); r++) {
    const c = process.cpuUsage();
    const report = await readInput(file, new Collector({}), settings.readOptionsFor(file));
    const u = process.cpuUsage(c);
    best = Math.min(best, (u.user + u.system) / 1e6);
    kind = report.kind;
  }
  console.log(`| ${file} | ${kind} | ${mb.toFixed(0)} | ${best.toFixed(2)} | ${(mb / best).toFixed(0)} |`);
}
