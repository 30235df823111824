#!/usr/bin/env node
/**
 * node bench/cli-ab.mjs OLD_CHECKOUT NEW_CHECKOUT DATA_DIR [--rounds 5] [-- extra audit args]
 *
 * The whole CLI of two checkouts (each built: bin/shipaudit.js and dist/), run in turns on one data set:
 * `shipaudit audit DATA_DIR --format json`, under /usr/bin/time -v for the wall time and peak RSS, the
 * order of the two swapped every round so that neither always runs on a warmer cache or a quieter machine.
 * Both must print the same JSON (compared by SHA-256): a faster build that says something else is no result.
 * Prints a table per build (wall, CPU time, peak RSS) and the new/old ratio per round, the way
 * bench/RESULTS.md records them.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' } },
});
if (positionals.length < 3) {
  console.error('usage: node bench/cli-ab.mjs OLD_CHECKOUT NEW_CHECKOUT DATA_DIR [--rounds 5] [-- extra audit args]');
  process.exit(2);
}
const [oldDir, newDir, data, ...extra] = positionals;
const builds = [
  { name: 'old', dir: resolve(oldDir), runs: [] },
  { name: 'new', dir: resolve(newDir), runs: [] },
];

/** One run: wall seconds and peak RSS (MB) as /usr/bin/time reports them, and the output's hash. */
function run(b) {
  return new Promise((done, fail) => {
    const args = [
      '-v',
      'node',
      resolve(b.dir, 'bin/shipaudit.js'),
      'audit',
      resolve(data),
      '--format',
      'json',
      ...extra,
    ];
    const child = spawn('/usr/bin/time', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const hash = createHash('sha256');
    let err = '';
    child.stdout.on('data', (d) => hash.update(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', () => {
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const exit = /Exit status: (\d+)/.exec(err);
      if (!wall || !rss || !exit || Number(exit[1]) > 1)
        return fail(new Error(`${b.name}: no timing or a failed run:\n${err.slice(-2000)}`));
      const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
      // CPU time (user + system) moves less than the wall when other work shares the machine.
      const cpu = ['User', 'System'].reduce(
        (a, k) => a + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(err)?.[1] ?? NaN),
        0,
      );
      done({ seconds, cpu, rssMb: Number(rss[1]) / 1024, hash: hash.digest('hex') });
    });
  });
}

let hash;
for (let r = 0; r < Number(values.rounds); r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const m = await run(b);
    hash ??= m.hash;
    if (m.hash !== hash) throw new Error(`${b.name} printed another JSON than the first run (round ${r + 1})`);
    b.runs.push(m);
    console.error(`round ${r + 1} ${b.name}: ${m.seconds.toFixed(2)} s, ${m.rssMb.toFixed(0)} MB`);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  '| build | min s | median s | median CPU s | median peak RSS MB | runs (s) |\n|---|---:|---:|---:|---:|---|',
);
for (const b of builds) {
  const s = b.runs.map((m) => m.seconds);
  console.log(
    `| ${b.name} | ${Math.min(...s).toFixed(2)} | ${med(s).toFixed(2)} | ${med(b.runs.map((m) => m.cpu)).toFixed(2)} | ${med(b.runs.map((m) => m.rssMb)).toFixed(0)} | ${s.map((x) => x.toFixed(2)).join(' ')} |`,
  );
}
const [o, n] = builds;
const ratios = n.runs.map((m, r) => m.seconds / o.runs[r].seconds);
const wins = ratios.filter((x) => x < 1).length;
const sorted = [...ratios].sort((a, b) => a - b);
console.log(
  `\nnew/old per round: median ${med(ratios).toFixed(3)} (${sorted[0].toFixed(3)}–${sorted.at(-1).toFixed(3)}); new faster in ${wins} of ${ratios.length}. Same output (sha256 ${hash.slice(0, 12)}).`,
);
