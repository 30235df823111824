#!/usr/bin/env node
/**
 * bench/pathological.mjs's two folders (30 000 identical texts, 30 000 differing in the middle) audited by
 * two checkouts' CLIs, runs taking turns, so that both builds see the same machine. Prints, per build, the
 * varying/identical ratio of the medians and of the best runs, wall and CPU (user + system, from
 * /usr/bin/time), and checks both builds print the same JSON.
 *
 *   node bench/pathological-ab.mjs CHECKOUT_A CHECKOUT_B [--runs 7] [--events 30000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writePathological } from './pathological.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '7' }, events: { type: 'string', default: '30000' } },
});
if (positionals.length !== 2) {
  console.error('usage: node bench/pathological-ab.mjs CHECKOUT_A CHECKOUT_B [--runs 7] [--events 30000]');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'pathological-ab-'));
const dirs = writePathological(join(work, 'data'), Number(values.events));
const timeFile = join(work, 'time.txt');
const builds = positionals.map((co, i) => ({
  name: i === 0 ? 'A' : 'B',
  co: resolve(co),
  wall: { identical: [], varying: [] },
  cpu: { identical: [], varying: [] },
  hash: {},
}));
for (let r = 0; r < Number(values.runs); r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    for (const kind of ['identical', 'varying']) {
      const t0 = performance.now();
      const p = spawnSync(
        '/usr/bin/time',
        [
          '-f',
          '%U %S',
          '-o',
          timeFile,
          process.execPath,
          join(b.co, 'bin/shipaudit.js'),
          'audit',
          dirs[kind],
          '--format',
          'json',
          '--as-of',
          '2026-11-28T00:00:00Z',
        ],
        { maxBuffer: 1 << 30 },
      );
      b.wall[kind].push((performance.now() - t0) / 1000);
      const [user, sys] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      b.cpu[kind].push(user + sys);
      if (![0, 1].includes(p.status)) throw new Error(`${b.co} exited ${p.status} on ${kind}: ${p.stderr}`);
      b.hash[kind] = createHash('sha256').update(p.stdout).digest('hex');
    }
  }
}
rmSync(work, { recursive: true, force: true });
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const min = (xs) => Math.min(...xs);
console.log(
  '| build | identical wall s (median) | varying wall s (median) | ratio of medians, wall | ratio of best, wall | identical CPU s | varying CPU s | ratio of medians, CPU | ratio of best, CPU |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const b of builds) {
  const w = b.wall;
  const c = b.cpu;
  console.log(
    `| ${b.name} ${b.co} | ${median(w.identical).toFixed(2)} | ${median(w.varying).toFixed(2)} | ${(median(w.varying) / median(w.identical)).toFixed(2)}× | ` +
      `${(min(w.varying) / min(w.identical)).toFixed(2)}× | ${median(c.identical).toFixed(2)} | ${median(c.varying).toFixed(2)} | ` +
      `${(median(c.varying) / median(c.identical)).toFixed(2)}× | ${(min(c.varying) / min(c.identical)).toFixed(2)}× |`,
  );
}
const same = ['identical', 'varying'].every((k) => builds[0].hash[k] === builds[1].hash[k]);
console.log(`\n${values.runs} runs each, taking turns; same JSON from both builds: ${same ? 'yes' : 'NO'}.`);
