#!/usr/bin/env node
/**
 * node bench/string-index.mjs [--keys 1100000] [--runs 3]
 *
 * Why the collector numbers order ids and tracking numbers with its own StringIndex
 * (src/audit/columns.ts) instead of a Map<string, number>: fills and asks both with a million order-id
 * shaped keys, each cut fresh from a larger text as the readers cut them, and prints milliseconds.
 * Run `npm run build` first.
 */
import { parseArgs } from 'node:util';
import { StringIndex } from '../dist/audit/columns.js';

const { values } = parseArgs({ options: { keys: { type: 'string', default: '1100000' }, runs: { type: 'string', default: '3' } } });
const N = Number(values.keys);
const text = Array.from({ length: N }, (_, i) => `113-${String((i * 7919) % 9_999_999).padStart(7, '0')}-${String(i).padStart(7, '0')}`).join('\n');
const fresh = () => text.split('\n');
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

console.log(`| run | Map fill ms | Map ask ms | StringIndex fill ms | StringIndex ask ms |\n|---:|---:|---:|---:|---:|`);
for (let r = 1; r <= Number(values.runs); r++) {
  const m = new Map();
  let keys = fresh();
  // Both keep their own copy of a new key (a key cut from a text would keep the whole text alive).
  const mapFill = time(() => keys.forEach((k) => m.has(k) || m.set(JSON.parse(JSON.stringify(k)), m.size)));
  keys = fresh();
  let sum = 0;
  const mapAsk = time(() => keys.forEach((k) => (sum += m.get(k))));
  const idx = new StringIndex();
  keys = fresh();
  const idxFill = time(() => keys.forEach((k) => idx.intern(k)));
  keys = fresh();
  const idxAsk = time(() => keys.forEach((k) => (sum += idx.find(k))));
  console.log(`| ${r} | ${mapFill.toFixed(0)} | ${mapAsk.toFixed(0)} | ${idxFill.toFixed(0)} | ${idxAsk.toFixed(0)} |`);
}
