#!/usr/bin/env node
/**
 * One input file read by this build's readers and by another build's, in one process, taking turns, into
 * a sink that keeps nothing: CPU seconds per read. For reader changes too small for the whole CLI to show
 * on a shared machine.
 *
 *   npm run build && node bench/read-ab.mjs OTHER_DIST FILE [--rounds 8]
 *
 * OTHER_DIST: another worktree's dist/ (e.g. /work/wt-base/dist, main before a change).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '8' } },
});
if (positionals.length !== 2) {
  console.error('usage: node bench/read-ab.mjs OTHER_DIST FILE [--rounds 8]');
  process.exit(2);
}
const [otherDist, file] = positionals;
const load = async (dist) => ({
  read: (await import(pathToFileURL(resolve(dist, 'read/index.js')).href)).readInput,
  settings: await (await import(pathToFileURL(resolve(dist, 'cli/settings.js')).href)).loadSettings({}),
});
const builds = { this: await load('dist'), other: await load(otherDist) };
let rows = 0;
const nothing = {
  order() {
    rows++;
  },
  confirmation() {
    rows++;
  },
  event() {
    rows++;
  },
  package() {
    rows++;
  },
};
const cpu = { this: [], other: [] };
for (let r = 0; r < Number(values.rounds); r++) {
  for (const name of r % 2 ? ['other', 'this'] : ['this', 'other']) {
    const b = builds[name];
    rows = 0;
    const c = process.cpuUsage();
    await b.read(file, nothing, b.settings.readOptionsFor(file));
    const u = process.cpuUsage(c);
    cpu[name].push((u.user + u.system) / 1e6);
  }
}
const med = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`${file}: ${rows} records\n| build | min CPU s | median CPU s |\n|---|---:|---:|`);
for (const [name, v] of Object.entries(cpu))
  console.log(`| ${name} | ${Math.min(...v).toFixed(3)} | ${med(v).toFixed(3)} |`);
const pairs = cpu.this.map((t, i) => t / cpu.other[i]).sort((a, b) => a - b);
console.log(
  `this / other per round: median ${med(pairs).toFixed(3)} (${pairs[0].toFixed(3)}–${pairs.at(-1).toFixed(3)}), this faster in ${pairs.filter((p) => p < 1).length} of ${pairs.length}`,
);
