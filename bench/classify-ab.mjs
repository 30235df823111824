#!/usr/bin/env node
/**
 * The event classifier alone, two checkouts taking turns in one process: a fresh bulk classifier per round
 * (so every text is classified, none memoised from a round before) over 30 000 English texts that differ in
 * the middle (bench/pathological.mjs's wording) and 30 000 Chinese ones naming facilities (set B's shapes).
 * Checks both give the same verdicts; prints CPU ms per round.
 *
 *   node bench/classify-ab.mjs CHECKOUT_A CHECKOUT_B [--rounds 7]      (each with a built dist/)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '7' } },
});
if (positionals.length !== 2) {
  console.error('usage: node bench/classify-ab.mjs CHECKOUT_A CHECKOUT_B [--rounds 7]');
  process.exit(2);
}
const builds = await Promise.all(
  positionals.map(async (co, i) => ({
    name: i === 0 ? 'A' : 'B',
    co,
    m: await import(pathToFileURL(resolve(co, 'dist/knowledge/events.js')).href),
    cpuMs: [],
  })),
);

const english = [];
for (let p = 0; p < 5000; p++) {
  for (let k = 0; k < 6; k++) {
    english.push({
      description: `Parcel YT26${String(p).padStart(14, '0')}/${k} departed from sorting center, Shenzhen hub, see tracking page`,
      carrier: 'Yun Express',
    });
  }
}
const chinese = [];
for (let p = 0; p < 30_000; p++) {
  chinese.push({
    description:
      p % 2 ? `离开【深圳国际邮件处理中心${p}】，下一站【洛杉矶】` : `【深圳市邮政速递物流分公司${p}】已收寄`,
    carrier: 'China Post',
  });
}

let differences = 0;
for (const texts of [english, chinese]) {
  const [a, b] = builds.map((x) => x.m.createClassifier());
  for (const t of texts) if (JSON.stringify(a(t)) !== JSON.stringify(b(t))) differences++;
}
for (let r = 0; r < Number(values.rounds); r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const c0 = process.cpuUsage();
    for (const texts of [english, chinese]) {
      const classify = b.m.createClassifier();
      for (const t of texts) classify(t);
    }
    const u = process.cpuUsage(c0);
    b.cpuMs.push((u.user + u.system) / 1000);
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
console.log('| build | checkout | min CPU ms | median CPU ms | rounds (ms) |\n|---|---|---:|---:|---|');
for (const b of builds) {
  console.log(
    `| ${b.name} | ${b.co} | ${Math.min(...b.cpuMs).toFixed(0)} | ${median(b.cpuMs).toFixed(0)} | ${b.cpuMs.map((x) => x.toFixed(0)).join(' ')} |`,
  );
}
const ratios = builds[1].cpuMs.map((x, i) => x / builds[0].cpuMs[i]);
console.log(
  `\nB/A per round: median ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); verdicts differing: ${differences}.`,
);
