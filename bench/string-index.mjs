#!/usr/bin/env node
/**
 * node bench/string-index.mjs [--keys 1100000] [--runs 3]
 *
 * Why the collector numbers order ids and tracking numbers with its own StringIndex
 * (src/engine/columns.ts) instead of a Map<string, number>: fills and asks both with a million order-id
 * shaped keys, each a fresh string as the readers hand them out, and prints milliseconds. Asked in file
 * order (the index's guess of the next key answers) and shuffled (every lookup hashed).
 * Run `npm run build` first.
 */
import { parseArgs } from 'node:util';
import { StringIndex } from '../dist/engine/columns.js';

const { values } = parseArgs({
  options: { keys: { type: 'string', default: '1100000' }, runs: { type: 'string', default: '3' } },
});
const N = Number(values.keys);
const text = Array.from(
  { length: N },
  (_, i) => `113-${String((i * 7919) % 9_999_999).padStart(7, '0')}-${String(i).padStart(7, '0')}`,
).join('\n');
// Fresh flat strings, as the byte reader decodes them.
const fresh = () => text.split('\n').map((k) => Buffer.from(k).toString('latin1'));
const order = Array.from({ length: N }, (_, i) => i);
for (let i = N - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

console.log(
  `| run | Map fill ms | Map ask ms (in order / shuffled) | StringIndex fill ms | StringIndex ask ms (in order / shuffled) |\n|---:|---:|---:|---:|---:|`,
);
for (let r = 1; r <= Number(values.runs); r++) {
  const m = new Map();
  let keys = fresh();
  const mapFill = time(() => keys.forEach((k) => m.has(k) || m.set(k, m.size)));
  keys = fresh();
  let sum = 0;
  const mapAsk = time(() => keys.forEach((k) => (sum += m.get(k))));
  keys = fresh();
  const mapShuffled = time(() => order.forEach((i) => (sum += m.get(keys[i]))));
  const idx = new StringIndex();
  keys = fresh();
  const idxFill = time(() => keys.forEach((k) => idx.intern(k)));
  keys = fresh();
  const idxAsk = time(() => keys.forEach((k) => (sum += idx.find(k))));
  keys = fresh();
  const idxShuffled = time(() => order.forEach((i) => (sum += idx.find(keys[i]))));
  console.log(
    `| ${r} | ${mapFill.toFixed(0)} | ${mapAsk.toFixed(0)} / ${mapShuffled.toFixed(0)} | ${idxFill.toFixed(0)} | ${idxAsk.toFixed(0)} / ${idxShuffled.toFixed(0)} |`,
  );
}
