#!/usr/bin/env node
/**
 * Self time by function from a V8 .cpuprofile (node --cpu-prof), heaviest first.
 *
 *   node bench/profile-summary.mjs PROFILE.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [--top 25]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));

// Sample i lasted timeDeltas[i + 1]; the last sample's duration is unknown and left out.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length - 1; i++) {
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i + 1]);
}
const cwd = `file://${process.cwd()}/`;
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  total += us;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(cwd, '')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'}\t${where}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
console.log(`Total sampled: ${(total / 1e6).toFixed(2)} s\n`);
console.log('| self ms | % | function | where |');
console.log('|---:|---:|---|---|');
for (const [key, us] of rows) {
  const [fn, where] = key.split('\t');
  console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} | \`${fn}\` | ${where} |`);
}
