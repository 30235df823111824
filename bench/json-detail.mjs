/**
 * node bench/json-detail.mjs DATA_DIR [--rounds 5] [--as-of ISO]   (sets B and C: --as-of 2026-11-28T00:00:00Z)
 *
 * What the per-finding detail of the audit JSON costs: this build's audit over a bench set (read once, in
 * this process), then the findings part of the JSON written several ways, taking turns each round, each
 * the way the writer does it (findings made from the audit's store, 32 stringified together with the
 * document's indentation, encoded as UTF-8, the bytes counted and dropped):
 *   v1                  findingJson as written today (schema 1);
 *   no sources          without `sources` (absolute path and line of three rows);
 *   no evidence         without `evidence` (raw text, precision and zone note of four times);
 *   neither             without both;
 *   sources as name:line  `sources` as one "file-name:line" text each, as the evidence CSV shows them;
 *   lean                name:line sources, and `evidence` as each time's raw text alone.
 * "make only" makes each finding and its JSON object without stringifying: what every variant pays first.
 * Prints bytes per finding and the wall and CPU time of each variant (min and median of the rounds; CPU is
 * this process's user + system, GC threads included, steadier than wall on a shared machine). Run
 * `npm run build` first; `node --expose-gc` starts each variant on a collected heap.
 */
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Collector, joinCollected } from '../dist/engine/index.js';
import { readInput } from '../dist/read/index.js';
import { auditOptions, loadSettings } from '../dist/cli/settings.js';
import { audit } from '../dist/audit/run.js';
import { findingJson } from '../dist/report/json.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' }, 'as-of': { type: 'string', default: '2026-09-25T00:00:00Z' } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/json-detail.mjs DATA_DIR [--rounds 5] [--as-of ISO]');
  process.exit(2);
}
const [dir] = positionals;
const settings = await loadSettings({});
const c = new Collector();
for (const f of readdirSync(dir)
  .filter((n) => n !== 'expected.json' && !n.startsWith('.'))
  .sort())
  await readInput(resolve(dir, f), c, settings.readOptionsFor(f));
const opts = auditOptions(
  settings,
  { inputs: [], unclassified: {} },
  { window: {}, asOfMs: Date.parse(values['as-of']) },
);
const { findings } = audit(joinCollected(c, settings.handling, {}), opts);

// A file's name once per file (a few inputs), as a writer of such a schema would keep it, not per finding.
const names = new Map();
const nameOf = (file) => names.get(file) ?? (names.set(file, basename(file)), names.get(file));
const nameLine = (ref) => ref && `${nameOf(ref.file)}:${ref.line}`;
const rawOf = (t) => t?.raw;
const VARIANTS = {
  v1: (f) => findingJson(f),
  'no sources': (f) => {
    const { sources: _s, ...rest } = findingJson(f);
    return rest;
  },
  'no evidence': (f) => {
    const { evidence: _e, ...rest } = findingJson(f);
    return rest;
  },
  neither: (f) => {
    const { sources: _s, evidence: _e, ...rest } = findingJson(f);
    return rest;
  },
  'sources as name:line': (f) => {
    const { sources, evidence, ...rest } = findingJson(f);
    const s = {
      confirmation: nameLine(sources.confirmation),
      order: nameLine(sources.order),
      firstScan: nameLine(sources.firstScan),
    };
    return { ...rest, sources: s, evidence };
  },
  lean: (f) => {
    const { sources, evidence: _e, ...rest } = findingJson(f);
    const s = {
      confirmation: nameLine(sources.confirmation),
      order: nameLine(sources.order),
      firstScan: nameLine(sources.firstScan),
    };
    const raw = {
      purchasedAt: rawOf(f.purchasedAt),
      latestShipDate: rawOf(f.latestShipDate),
      confirmedAt: rawOf(f.confirmedAt),
      firstCarrierScanAt: rawOf(f.firstCarrierScanAt),
    };
    return { ...rest, sources: s, raw };
  },
};

const encoder = new TextEncoder();
/** The findings written as the writer writes them, with `json` for each; bytes written. */
function write(json, stringify = true) {
  let bytes = 0;
  for (let i = 0; i < findings.length; i += 32) {
    const batch = [];
    const end = Math.min(i + 32, findings.length);
    for (let k = i; k < end; k++) batch.push(json(findings.at(k)));
    if (stringify) bytes += encoder.encode(JSON.stringify({ findings: batch }, null, 2)).length;
  }
  return bytes;
}

const variants = ['make only', ...Object.keys(VARIANTS)];
const times = Object.fromEntries(variants.map((n) => [n, []]));
const cpus = Object.fromEntries(variants.map((n) => [n, []]));
const bytes = {};
for (let r = 0; r < Number(values.rounds); r++) {
  const order = r % 2 ? [...variants].reverse() : variants;
  for (const name of order) {
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const t = performance.now();
    bytes[name] = name === 'make only' ? 0 : write(VARIANTS[name]);
    if (name === 'make only') write(VARIANTS.v1, false);
    times[name].push((performance.now() - t) / 1000);
    const used = process.cpuUsage(cpu);
    cpus[name].push((used.user + used.system) / 1e6);
  }
}
const n = findings.length;
console.log(`${n} findings; ${values.rounds} rounds, variants taking turns.\n`);
console.log(
  '| variant | bytes per finding | MB in all | wall min s | wall median s | CPU min s | CPU median s |\n' +
    '|---|---:|---:|---:|---:|---:|---:|',
);
for (const name of variants) {
  const s = [...times[name]].sort((a, b) => a - b);
  const u = [...cpus[name]].sort((a, b) => a - b);
  const b = bytes[name];
  console.log(
    `| ${name} | ${b ? (b / n).toFixed(0) : ''} | ${b ? (b / 1e6).toFixed(0) : ''} | ${s[0].toFixed(2)} | ${s[s.length >> 1].toFixed(2)} | ${u[0].toFixed(2)} | ${u[u.length >> 1].toFixed(2)} |`,
  );
}
