#!/usr/bin/env node
/**
 * What cutting only up to the last needed column of a flat (tab-delimited) row would save: the rows of a
 * file's first 100 MB cut four ways, taking turns, milliseconds per way (best of the rounds).
 *
 *   node bench/row-cut.mjs FILE NEEDED_FIELDS [--rounds 5]
 *
 * - `whole`: every field cut, as byte-rows.ts `onLine` does for a flat file today;
 * - `needed + count`: fields cut up to NEEDED_FIELDS, the rest's delimiters counted byte by byte (a row with
 *   fewer columns than the header is rejected as truncated, so the count is needed to give the same rows);
 * - `needed + word count`: the same, the rest's delimiters counted four bytes at a time (SWAR);
 * - `needed only`: nothing after the needed fields looked at (not a correct reader: the bound of the gain).
 */
import { openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' } },
});
const [file, neededText] = positionals;
if (!file || !neededText) {
  console.error('usage: node bench/row-cut.mjs FILE NEEDED_FIELDS [--rounds 5]');
  process.exit(2);
}
const need = Number(neededText);
const buf = Buffer.alloc(100e6);
const n = readSync(openSync(file, 'r'), buf, 0, buf.length, 0);
const lines = [];
for (let s = buf.indexOf(10) + 1, nl; (nl = buf.indexOf(10, s)) !== -1 && nl < n; s = nl + 1) lines.push(s, nl);
const starts = new Int32Array(256);
const ends = new Int32Array(256);
const TAB = 9;
const words = new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 2);

function whole(s, e) {
  let c = 0;
  let from = s;
  for (let i = s; i < e; i++)
    if (buf[i] === TAB) {
      starts[c] = from;
      ends[c++] = i;
      from = i + 1;
    }
  starts[c] = from;
  ends[c++] = e;
  return c;
}
/** Cuts up to `need` fields; returns [fields cut, where the rest starts] packed as cut * 2^32 + at. */
function cutNeeded(s, e) {
  let c = 0;
  let from = s;
  for (let i = s; i < e; i++)
    if (buf[i] === TAB) {
      starts[c] = from;
      ends[c++] = i;
      from = i + 1;
      if (c === need) return i + 1;
    }
  starts[c] = from;
  ends[c++] = e;
  return -c;
}
function neededCount(s, e) {
  const at = cutNeeded(s, e);
  if (at < 0) return -at;
  let t = need + 1;
  for (let i = at; i < e; i++) if (buf[i] === TAB) t++;
  return t;
}
function neededWordCount(s, e) {
  const at = cutNeeded(s, e);
  if (at < 0) return -at;
  let t = need + 1;
  let i = at;
  for (; i < e && (i & 3) !== 0; i++) if (buf[i] === TAB) t++;
  const last = e & ~3;
  for (let w = i >> 2, end = last >> 2; w < end; w++) {
    // Bytes equal to the tab become 0x00; the exact zero-byte test sets the high bit of each, counted.
    const x = words[w] ^ 0x09090909;
    const y = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
    t += Math.imul(y >>> 7, 0x01010101) >>> 24;
  }
  for (i = Math.max(i, last); i < e; i++) if (buf[i] === TAB) t++;
  return t;
}
function neededOnly(s, e) {
  const at = cutNeeded(s, e);
  return at < 0 ? -at : need + 1;
}
const ways = {
  whole,
  'needed + count': neededCount,
  'needed + word count': neededWordCount,
  'needed only': neededOnly,
};
const best = Object.fromEntries(Object.keys(ways).map((k) => [k, Infinity]));
const fields = {};
for (let r = 0; r < Number(values.rounds); r++) {
  for (const [name, f] of Object.entries(ways)) {
    const t = performance.now();
    let sum = 0;
    for (let k = 0; k < lines.length; k += 2) sum += f(lines[k], lines[k + 1]);
    best[name] = Math.min(best[name], performance.now() - t);
    fields[name] = sum;
  }
}
console.log(
  `${file}: ${lines.length / 2} rows in ${(n / 1e6).toFixed(0)} MB, ${need} fields needed\n| way | best ms | fields counted |\n|---|---:|---:|`,
);
for (const name of Object.keys(ways)) console.log(`| ${name} | ${best[name].toFixed(0)} | ${fields[name]} |`);
