#!/usr/bin/env node
/**
 * The floor under any JavaScript audit of a bench-B-shaped folder: what the least possible work costs in
 * this runtime, so that a target can be checked against it before anyone tries to reach it.
 *
 *   node bench/floor-b.mjs DIR [--json AUDIT.json] [--runs 3]
 *
 * For each input file of DIR (set B or C from generate-b.mjs), three steps, each timed on its own (CPU of
 * this one thread, best of --runs):
 * - read: the file's bytes into memory (from the page cache);
 * - scan: one pass over every byte, cutting rows and fields, quote-aware where the file is quoted; nothing
 *   is kept. Any reader that looks at every byte pays at least this;
 * - scan + slice: the same, plus making strings of the ids and times the DuckDB query (oracle-b.mjs) reads
 *   (2 of 38 columns of the Order Report, for example), all ASCII (latin1). The event and place texts are
 *   not made into strings, no time is parsed, nothing is hashed, looked up or joined.
 * With --json (an audit JSON written by `shipaudit audit DIR --format json`), the findings it holds are
 * parsed (not timed) and then stringified 32 at a time and encoded to UTF-8 as the writer does: the least
 * the audit's output costs, without making a single finding.
 *
 * The floor adds these as if the two cores shared the reading perfectly: (read + scan + slice) / 2 + JSON.
 * Nothing the audit does per row (times, tracking-number lookups, event classification, the join, the
 * rules, re-making findings) is in it.
 */
import { closeSync, openSync, readFileSync, readSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/floor-b.mjs DIR [--json AUDIT.json] [--runs 3]');
  process.exit(2);
}
const dir = positionals[0];
const runs = Number(values.runs);

/** The columns oracle-b.mjs reads from each file (C's query also reads the tracking Location). */
const FILES = [
  {
    name: 'all-orders.txt',
    delim: 9,
    quoted: false,
    wanted: ['amazon-order-id', 'order-status', 'fulfillment-channel', 'purchase-date'],
  },
  { name: 'order-report.txt', delim: 9, quoted: false, wanted: ['order-id', 'latest-ship-date'] },
  { name: 'confirmations.csv', delim: 44, quoted: true, wanted: ['Amazon Order ID', 'Tracking Number', 'Ship Date'] },
  // The event and place texts are not sliced: a reader can know them by their bytes (the audit does).
  { name: 'tracking.csv', delim: 44, quoted: true, wanted: ['Tracking Number', 'Time'] },
];

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function readAll(path) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) at += readSync(fd, buf, at, Math.min(4 << 20, size - at), at);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/**
 * Cuts buf into rows and fields; with `want` (column indexes), slices those fields into strings. Returns
 * rows and a checksum of the slices' lengths so that no work can be optimised away.
 */
function scan(buf, delim, quoted, want) {
  const n = buf.length;
  const starts = new Int32Array(256);
  const ends = new Int32Array(256);
  let i = 0;
  let col = 0;
  let rows = 0;
  let sum = 0;
  while (i < n) {
    let c = buf[i];
    if (quoted && c === 34) {
      const s = ++i;
      for (;;) {
        c = buf[i];
        if (c === 34) {
          if (buf[i + 1] === 34) {
            i += 2;
            continue;
          }
          break;
        }
        if (i >= n) break;
        i++;
      }
      starts[col] = s;
      ends[col] = i;
      c = buf[++i];
    } else {
      const s = i;
      while (i < n) {
        c = buf[i];
        if (c === delim || c === 10 || c === 13) break;
        i++;
      }
      starts[col] = s;
      ends[col] = i;
    }
    if (c === delim) {
      col++;
      i++;
      continue;
    }
    if (c === 13 && buf[i + 1] === 10) i++;
    i++;
    rows++;
    if (want !== undefined) {
      for (let k = 0; k < want.length; k++) {
        const w = want[k];
        if (w <= col) sum += buf.latin1Slice(starts[w], ends[w]).length;
      }
    }
    col = 0;
  }
  return { rows, sum };
}

function header(buf, delim) {
  const nl = buf.indexOf(10);
  return buf
    .toString('utf8', 0, nl)
    .replace(/\r$/, '')
    .split(String.fromCharCode(delim))
    .map((h) => h.replace(/^"|"$/g, ''));
}

const best = (f) => {
  let min = Infinity;
  let out;
  for (let r = 0; r < runs; r++) {
    const t = cpu();
    out = f();
    min = Math.min(min, cpu() - t);
  }
  return { s: min, out };
};

const lines = [];
let total = { read: 0, scan: 0, slice: 0, mb: 0 };
for (const f of FILES) {
  const path = join(dir, f.name);
  let buf;
  try {
    buf = readAll(path);
  } catch {
    continue;
  }
  const cols = header(buf, f.delim);
  const want = f.wanted.map((w) => cols.indexOf(w)).filter((x) => x >= 0);
  const read = best(() => readAll(path).length);
  const scanOnly = best(() => scan(buf, f.delim, f.quoted, undefined));
  const sliced = best(() => scan(buf, f.delim, f.quoted, want));
  const mb = buf.length / 1e6;
  total = {
    read: total.read + read.s,
    scan: total.scan + scanOnly.s,
    slice: total.slice + sliced.s,
    mb: total.mb + mb,
  };
  lines.push(
    `| ${f.name} | ${mb.toFixed(0)} | ${scanOnly.out.rows} | ${want.length} of ${cols.length} | ${read.s.toFixed(2)} | ${scanOnly.s.toFixed(2)} | ${sliced.s.toFixed(2)} | ${((sliced.s * 1e9) / buf.length).toFixed(2)} |`,
  );
  buf = undefined;
}

let json;
if (values.json) {
  const text = readFileSync(values.json, 'utf8');
  const findings = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith('{"rule"')) findings.push(JSON.parse(t.endsWith(',') ? t.slice(0, -1) : t));
  }
  const r = best(() => {
    let bytes = 0;
    for (let k = 0; k < findings.length; k += 32) {
      bytes += Buffer.from(JSON.stringify(findings.slice(k, k + 32)), 'utf8').length;
    }
    return bytes;
  });
  json = { findings: findings.length, mb: r.out / 1e6, s: r.s };
}

console.log(`Floor for ${dir} (CPU s of one thread, best of ${runs})\n`);
console.log('| file | MB | rows | fields sliced | read s | scan s | scan + slice s | ns per byte |');
console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
for (const l of lines) console.log(l);
console.log(
  `| all | ${total.mb.toFixed(0)} | | | ${total.read.toFixed(2)} | ${total.scan.toFixed(2)} | ${total.slice.toFixed(2)} | |`,
);
const reading = (total.read + total.slice) / 2;
console.log(
  `\nreading on two threads, perfectly shared: (${total.read.toFixed(2)} + ${total.slice.toFixed(2)}) / 2 = ${reading.toFixed(2)} s`,
);
if (json) {
  console.log(
    `JSON of ${json.findings} findings already made (${json.mb.toFixed(0)} MB): stringify + encode ${json.s.toFixed(2)} s`,
  );
  console.log(
    `floor: ${reading.toFixed(2)} + ${json.s.toFixed(2)} = ${(reading + json.s).toFixed(2)} s, Node's start-up not counted`,
  );
}
