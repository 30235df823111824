#!/usr/bin/env node
/**
 * The findings part of the audit JSON written two ways, in one process, taking turns:
 * "before" = findingJson as it was before issue 18 (a copy below), "after" = this build's findingJson
 * (dist/report/json.js); both stringified 32 at a time with indentation, as the writer does. Checks both
 * give the same bytes. (A hand-written serializer, tried too, was 1.47× slower than JSON.stringify.)
 *
 *   node bench/json-ab.mjs AUDIT.json [--rounds 7]
 *
 * AUDIT.json is an audit's --format json output (e.g. bench/data/B-1000000.out/shipaudit.json); its
 * findings are turned back into Finding objects (times from iso + evidence) and written again.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findingJson } from '../dist/report/json.js';

const TIME_KEYS = ['purchasedAt', 'latestShipDate', 'confirmedAt', 'firstCarrierScanAt'];
/** findingJson as it was before issue 18: a times record spread in, evidence grown key by key. */
function findingJsonBefore(f) {
  const evidence = {};
  const times = {};
  for (const k of TIME_KEYS) {
    const t = f[k];
    times[k] = t?.iso ?? null;
    if (t) evidence[k] = { raw: t.raw, precision: t.precision, zone: t.zone };
  }
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    orderId: f.orderId,
    trackingNumber: f.trackingNumber,
    carrier: f.carrier ?? null,
    ...times,
    latestShipDateComputed: f.latestShipDateComputed ?? false,
    lagHours: f.lagHours ?? null,
    lagPrecision:
      f.lagHours === undefined
        ? null
        : f.confirmedAt.precision === 'date' || f.firstCarrierScanAt?.precision === 'date'
          ? 'date'
          : 'datetime',
    firstScanEvent: f.firstScanEvent ?? null,
    firstScanLocation: f.firstScanLocation ?? null,
    sources: f.sources,
    evidence,
  };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '7' } },
});
const doc = JSON.parse(readFileSync(positionals[0], 'utf8'));
const fact = (iso, ev) => (iso == null ? undefined : { iso, epochMs: Date.parse(iso), ...ev });
const findings = doc.findings.map((j) => {
  const f = {
    rule: j.rule,
    severity: j.severity,
    message: j.message,
    orderId: j.orderId,
    trackingNumber: j.trackingNumber,
    carrier: j.carrier ?? undefined,
    purchasedAt: fact(j.purchasedAt, j.evidence.purchasedAt),
    latestShipDate: fact(j.latestShipDate, j.evidence.latestShipDate),
    latestShipDateComputed: j.latestShipDateComputed,
    confirmedAt: fact(j.confirmedAt, j.evidence.confirmedAt),
    firstCarrierScanAt: fact(j.firstCarrierScanAt, j.evidence.firstCarrierScanAt),
    firstScanEvent: j.firstScanEvent ?? undefined,
    firstScanLocation: j.firstScanLocation ?? undefined,
    lagHours: j.lagHours ?? undefined,
    sources: j.sources,
  };
  return f;
});
const enc = new TextEncoder();
const HEAD = '{\n  "findings": [\n';
const TAIL = '\n  ]\n}';
function batches(toJson) {
  let n = 0;
  const parts = [];
  for (let i = 0; i < findings.length; i += 32) {
    const bytes = enc.encode(JSON.stringify({ findings: findings.slice(i, i + 32).map(toJson) }, null, 2));
    let from = HEAD.length - 1;
    if (i > 0) bytes[--from] = 0x2c;
    const piece = bytes.subarray(from, bytes.length - TAIL.length);
    n += piece.length;
    parts.push(piece);
  }
  return { n, parts };
}
const before = () => batches(findingJsonBefore);
const after = () => batches(findingJson);
const a = Buffer.concat(before().parts);
const b = Buffer.concat(after().parts);
console.log(`${findings.length} findings, ${(a.length / 1e6).toFixed(1)} MB; same bytes: ${a.equals(b)}`);
const times = { before: [], after: [] };
for (let r = 0; r < Number(values.rounds); r++) {
  for (const [name, fn] of r % 2
    ? [
        ['after', after],
        ['before', before],
      ]
    : [
        ['before', before],
        ['after', after],
      ]) {
    const t0 = process.cpuUsage();
    fn();
    const u = process.cpuUsage(t0);
    times[name].push((u.user + u.system) / 1000);
  }
}
const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const k of ['before', 'after'])
  console.log(
    `${k}: CPU ms min ${Math.min(...times[k]).toFixed(0)}, median ${med(times[k]).toFixed(0)} (${times[k].map((x) => x.toFixed(0)).join(' ')})`,
  );
console.log(`after / before, median: ${(med(times.after) / med(times.before)).toFixed(2)}`);
