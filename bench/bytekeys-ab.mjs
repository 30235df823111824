#!/usr/bin/env node
/**
 * node bench/bytekeys-ab.mjs OTHER_DIST [TRACKING_CSV]
 *
 * The event-text table (ByteKeys, src/read/byte-rows.ts) of this build against another build's, on the rows of
 * a generated tracking export (default bench/data/100000/tracking.csv): the lookups the reader makes per row,
 * taking turns, CPU milliseconds. OTHER_DIST is made as bench/audit-ab.mjs says. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [otherDist, file = join('bench', 'data', '100000', 'tracking.csv')] = process.argv.slice(2);
if (!otherDist) {
  console.error('usage: node bench/bytekeys-ab.mjs OTHER_DIST [TRACKING_CSV]');
  process.exit(2);
}
const load = (dist) => import(pathToFileURL(resolve(dist, 'read/byte-rows.js')).href);
const builds = { this: await load('dist'), other: await load(otherDist) };
const buf = readFileSync(file);
// Each row's field places (quoted fields keep their quotes: the same bytes for both builds).
const rows = [];
for (let s = buf.indexOf(10) + 1; s < buf.length;) {
  let e = buf.indexOf(10, s);
  if (e < 0) e = buf.length;
  const starts = [s];
  const ends = [];
  let quoted = false;
  for (let i = s; i < e; i++) {
    if (buf[i] === 34) quoted = !quoted;
    else if (buf[i] === 44 && !quoted) {
      ends.push(i);
      starts.push(i + 1);
    }
  }
  ends.push(e);
  rows.push([starts, ends]);
  s = e + 1;
}
// Carrier, event and place: the descriptive fields of the generated export.
function run(M) {
  const keys = new M.ByteKeys([1, 3, 4]);
  const row = new M.ByteRow();
  row.buf = buf;
  row.count = 5;
  for (const [starts, ends] of rows) {
    for (let f = 0; f < 5; f++) {
      row.starts[f] = starts[f];
      row.ends[f] = ends[f];
    }
    if (keys.get(row) === undefined) keys.set(row, 1);
  }
}
const ms = { this: [], other: [] };
for (let r = 0; r < 12; r++) {
  for (const name of r % 2 ? ['other', 'this'] : ['this', 'other']) {
    const c = process.cpuUsage();
    run(builds[name]);
    const u = process.cpuUsage(c);
    ms[name].push((u.user + u.system) / 1000);
  }
}
console.log(`${rows.length} rows\n| build | min CPU ms | median CPU ms |\n|---|---:|---:|`);
for (const [name, v] of Object.entries(ms)) {
  const s = [...v].sort((a, b) => a - b);
  console.log(`| ${name} | ${s[0].toFixed(1)} | ${s[s.length >> 1].toFixed(1)} |`);
}
