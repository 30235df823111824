#!/usr/bin/env node
/**
 * node bench/audit-ab.mjs DATA_DIR OTHER_DIST [--runs 6] [--as-of ISO] [--json [--json-layout-differs]]
 *   (sets B and C: --as-of 2026-11-28T00:00:00Z)
 *
 * The rule pass of this build against another build's, on one heap: the data set is read once (with this
 * build's readers), joined by each build, and each build's audit is run in turn, alternating which goes
 * first. On this noisy VM the same build's wall time moves by a third between runs minutes apart; taking
 * turns on one heap is what makes a difference of 10–20 % visible. Prints seconds per run, without the join.
 *
 * OTHER_DIST is the dist/ of another checkout, e.g. one made with
 *   git worktree add /tmp/before HEAD~3 && ln -s "$PWD/node_modules" /tmp/before/ && (cd /tmp/before && npx tsc)
 * A build with src/engine/ is driven through its door (joinCollected, then audit over the shipments); an
 * older one (audit/join.js, audit/run.js taking the collector) the old way. Either must accept this build's
 * Collector (true while the collector's read-back methods stay). Run `npm run build` first; `node --expose-gc bench/audit-ab.mjs …` starts each run on a collected heap.
 *
 * With --json, each build's audit JSON (its own report/json.js auditJsonChunks over its own result) is
 * made too, hashed and dropped, and timed with the rule pass: a build that keeps less in the rule pass and
 * makes it when writing must be judged on both. Both builds' JSON must hash the same. CPU seconds (this
 * process's user + system, GC threads included) are printed beside the wall time. With
 * --json-layout-differs (a change of the JSON's layout, not its content), each build's hash and size are
 * printed instead of compared; compare the content with `jq -S . a.json` of both CLIs' output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '6' },
    'as-of': { type: 'string', default: '2026-09-25T00:00:00Z' },
    json: { type: 'boolean', default: false },
    'json-layout-differs': { type: 'boolean', default: false },
  },
});
if (positionals.length !== 2) {
  console.error(
    'usage: node bench/audit-ab.mjs DATA_DIR OTHER_DIST [--runs 6] [--as-of ISO] [--json [--json-layout-differs]]',
  );
  process.exit(2);
}
const [dir, otherDist] = positionals;
const load = (dist, module) => import(pathToFileURL(resolve(dist, module)).href);

const { Collector } = await load('dist', 'engine/index.js');
const { readInput } = await load('dist', 'read/index.js');
const { loadSettings, auditOptions } = await load('dist', 'cli/settings.js');
/** A build's join and audit as two steps: `join` made once per build, `audit` timed. */
async function stepsOf(dist) {
  const { audit } = await load(dist, 'audit/run.js');
  const { auditJsonChunks } = await load(dist, 'report/json.js');
  const json = (result) => {
    const h = createHash('sha256');
    let bytes = 0;
    for (const piece of auditJsonChunks(result)) {
      h.update(piece);
      bytes += piece.length;
    }
    return { hash: h.digest('hex'), bytes };
  };
  if (existsSync(resolve(dist, 'engine/index.js'))) {
    const { joinCollected } = await load(dist, 'engine/index.js');
    return { join: joinCollected, audit: (c, opts, joined) => audit(joined, opts), json };
  }
  const { join } = await load(dist, 'audit/join.js');
  return { join, audit, json };
}
const builds = [];
for (const [name, dist] of [
  ['this', 'dist'],
  ['other', otherDist],
])
  builds.push({ name, ...(await stepsOf(dist)), runs: [], cpu: [], jsonRuns: [] });

const settings = await loadSettings({});
const c = new Collector();
// Every data file of the set (A: all orders, confirmations, tracking; B adds the Order Report), not the generator's answers.
for (const f of readdirSync(dir)
  .filter((n) => n !== 'expected.json' && !n.startsWith('.'))
  .sort())
  await readInput(resolve(dir, f), c, settings.readOptionsFor(f));
const opts = auditOptions(
  settings,
  { inputs: [], unclassified: {} },
  { window: {}, asOfMs: Date.parse(values['as-of']) },
);
for (const b of builds) b.joined = b.join(c, settings.handling, {});

let findings;
let written;
for (let r = 0; r < Number(values.runs); r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    // A full collection first (with --expose-gc), so that neither build pays for the garbage of the one before.
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const result = b.audit(c, opts, b.joined);
    const audited = performance.now();
    if (values.json) {
      const out = b.json(result);
      b.jsonRuns.push((performance.now() - audited) / 1000);
      written ??= out;
      b.written = out;
      if (out.hash !== written.hash && !values['json-layout-differs'])
        throw new Error(`${b.name} wrote other JSON (${out.bytes} bytes, ${out.hash})`);
    }
    b.runs.push((performance.now() - t) / 1000);
    const used = process.cpuUsage(cpu);
    b.cpu.push((used.user + used.system) / 1e6);
    // Both builds must find the same: a faster audit that finds less is no result.
    findings ??= result.findings.length;
    if (result.findings.length !== findings)
      throw new Error(`${b.name} found ${result.findings.length} findings, the other ${findings}`);
  }
}
const median = (l) => [...l].sort((x, y) => x - y)[l.length >> 1];
const what = values.json ? 'rules + JSON' : 'rules';
console.log(
  `| build | ${what}: min s | median s | ${values.json ? 'of it JSON, median s | ' : ''}CPU median s | runs (s) |\n` +
    `|---|---:|---:|${values.json ? '---:|' : ''}---:|---|`,
);
for (const b of builds) {
  const s = [...b.runs].sort((x, y) => x - y);
  console.log(
    `| ${b.name} | ${s[0].toFixed(2)} | ${median(s).toFixed(2)} | ${values.json ? `${median(b.jsonRuns).toFixed(2)} | ` : ''}` +
      `${median(b.cpu).toFixed(2)} | ${b.runs.map((x) => x.toFixed(2)).join(' ')} |`,
  );
}
// Runs minutes apart drift by more than a small change: the ratio within each round is steadier.
const ratios = builds[0].runs.map((t, r) => t / builds[1].runs[r]).sort((a, b) => a - b);
const wins = builds[0].runs.filter((t, r) => t < builds[1].runs[r]).length;
console.log(
  `\nthis/other per round: median ${ratios[ratios.length >> 1].toFixed(3)} (${ratios[0].toFixed(3)}–${ratios.at(-1).toFixed(3)}); this faster in ${wins} of ${ratios.length}.`,
);
if (values['json-layout-differs'] && written)
  for (const b of builds)
    console.log(
      `${b.name}: ${findings} findings; JSON ${b.written.bytes} bytes, SHA-256 ${b.written.hash.slice(0, 16)}…`,
    );
else
  console.log(
    `${findings} findings each${written ? `; JSON ${written.bytes} bytes, SHA-256 ${written.hash.slice(0, 16)}… each` : ''}.`,
  );
