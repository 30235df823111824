#!/usr/bin/env node
/**
 * node bench/thread-break-even.mjs DATA_DIR... [--rounds 7] [--cli bin/shipaudit.js] [--as-of 2026-11-28T00:00:00Z]
 *
 * Where the second reading thread starts to pay: each data set audited by the whole CLI
 * (`audit DIR --format json`) with the thread never started (SHIPAUDIT_THREAD_MIN_MB very large) and always
 * started (SHIPAUDIT_THREAD_MIN_MB=0), in turns, the order swapped every round. Both must print the same
 * JSON (SHA-256). Prints per data set its input MB (all files, as the engine's threshold counts them, and
 * the tracking files the thread would take), the median wall time of each way, and their ratio.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '7' },
    cli: { type: 'string', default: 'bin/shipaudit.js' },
    'as-of': { type: 'string', default: '2026-11-28T00:00:00Z' },
  },
});
if (positionals.length === 0) {
  console.error('usage: node bench/thread-break-even.mjs DATA_DIR... [--rounds 7] [--cli bin/shipaudit.js]');
  process.exit(2);
}
const ROUNDS = Number(values.rounds);
const WAYS = [
  { name: 'one thread', env: { SHIPAUDIT_THREAD_MIN_MB: '1000000' } },
  { name: 'two threads', env: { SHIPAUDIT_THREAD_MIN_MB: '0' } },
];

/** One run: its wall seconds, and the output's hash. */
function run(dir, way) {
  return new Promise((done, fail) => {
    const args = [resolve(values.cli), 'audit', resolve(dir), '--format', 'json', '--as-of', values['as-of']];
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...way.env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const hash = createHash('sha256');
    child.stdout.on('data', (d) => hash.update(d));
    child.on('error', fail);
    child.on('exit', () => {
      const wallS = (performance.now() - t0) / 1000;
      done({ wallS, hash: hash.digest('hex') });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (dir, keep = () => true) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.') && keep(f))
    .reduce((a, f) => a + statSync(join(dir, f)).size, 0) / 1e6;

console.log('| data | input MB | tracking MB | one thread: median wall s | two threads: median wall s | two / one |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const dir of positionals) {
  const walls = WAYS.map(() => []);
  const hashes = new Set();
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const { wallS, hash } = await run(dir, WAYS[i]);
      walls[i].push(wallS);
      hashes.add(hash);
    }
  }
  if (hashes.size !== 1) {
    console.log(`| ${dir} | outputs differ between the two ways | | | | |`);
    process.exitCode = 1;
    continue;
  }
  const [one, two] = walls.map(median);
  console.log(
    `| ${dir} | ${mb(dir).toFixed(1)} | ${mb(dir, (f) => /tracking/i.test(f)).toFixed(1)} | ${one.toFixed(3)} | ${two.toFixed(3)} | ${(two / one).toFixed(2)} |`,
  );
}
