#!/usr/bin/env node
/**
 * formatInZone of two checkouts taking turns in one process: 400 000 instants spread over 90 days (a
 * quarter's findings), written in one zone with DST. Checks both write the same texts; prints CPU ms a round.
 *
 *   node bench/format-ab.mjs CHECKOUT_A CHECKOUT_B [--rounds 7] [--zone America/Los_Angeles]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '7' }, zone: { type: 'string', default: 'America/Los_Angeles' } },
});
if (positionals.length !== 2) {
  console.error('usage: node bench/format-ab.mjs CHECKOUT_A CHECKOUT_B [--rounds 7] [--zone ZONE]');
  process.exit(2);
}
const builds = await Promise.all(
  positionals.map(async (co, i) => ({
    name: i === 0 ? 'A' : 'B',
    co,
    m: await import(pathToFileURL(resolve(co, 'dist/model/zone.js')).href),
    cpuMs: [],
  })),
);
const zone = values.zone;
// A fixed stride rather than random instants: the same list every run.
const from = Date.UTC(2026, 8, 1);
const instants = Array.from({ length: 400_000 }, (_, i) => from + ((i * 7_777_777_777) % (90 * 86_400_000)));
const differences = instants.filter(
  (t) => builds[0].m.formatInZone(t, zone) !== builds[1].m.formatInZone(t, zone),
).length;
for (let r = 0; r < Number(values.rounds); r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const c0 = process.cpuUsage();
    let chars = 0;
    for (const t of instants) chars += b.m.formatInZone(t, zone).length;
    const u = process.cpuUsage(c0);
    if (chars === 0) throw new Error('nothing written');
    b.cpuMs.push((u.user + u.system) / 1000);
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
console.log('| build | checkout | min CPU ms | median CPU ms | rounds (ms) |\n|---|---|---:|---:|---|');
for (const b of builds) {
  console.log(
    `| ${b.name} | ${b.co} | ${Math.min(...b.cpuMs).toFixed(0)} | ${median(b.cpuMs).toFixed(0)} | ${b.cpuMs.map((x) => x.toFixed(0)).join(' ')} |`,
  );
}
const ratios = builds[1].cpuMs.map((x, i) => x / builds[0].cpuMs[i]);
console.log(
  `\nB/A per round: median ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); texts differing: ${differences}.`,
);
