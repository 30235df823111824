#!/usr/bin/env node
/**
 * Compares the audit's JSON with bench/duck-engine.mjs's for one data set (issue 18, part three):
 *
 *   node bench/duck-compare.mjs AUDIT.json DUCK.json   → what differs; exit 1 when anything but the
 *                                                        source lines and the inputs' row counts does
 *
 * Per rule the orders with a finding (early = confirmed-before-handover, late = late-handover, and
 * late-confirmation), then every finding as a whole with the source line numbers left out (the prototype
 * does not know them), the order of the findings, the summary and every other top-level key but `inputs`.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const [auditFile, duckFile] = process.argv.slice(2);
if (!duckFile) {
  console.error('usage: node bench/duck-compare.mjs AUDIT.json DUCK.json');
  process.exit(2);
}
const a = JSON.parse(readFileSync(auditFile, 'utf8'));
const b = JSON.parse(readFileSync(duckFile, 'utf8'));
let differences = 0;
const differ = (what) => {
  differences++;
  console.log(`DIFFERENT ${what}`);
};

for (const key of Object.keys(a.summary))
  if (!isDeepStrictEqual(a.summary[key], b.summary[key]))
    differ(`summary.${key}: ${JSON.stringify(a.summary[key])} | ${JSON.stringify(b.summary[key])}`);
for (const key of Object.keys(a))
  if (!['findings', 'summary', 'inputs'].includes(key) && !isDeepStrictEqual(a[key], b[key])) differ(key);

for (const rule of ['confirmed-before-handover', 'late-handover', 'late-confirmation']) {
  const ids = (r) => [...new Set(r.findings.filter((f) => f.rule === rule).map((f) => f.orderId))].sort();
  const [x, y] = [ids(a), ids(b)];
  const same = isDeepStrictEqual(x, y);
  console.log(`${rule}: audit ${x.length} orders, duck ${y.length}, ${same ? 'equal' : 'DIFFERENT'}`);
  if (!same) differences++;
}

const key = (f) => `${f.rule} ${f.orderId} ${f.trackingNumber}`;
const withoutLines = (f) => {
  const sources = Object.fromEntries(
    Object.entries(f.sources ?? {}).map(([k, s]) => [k, s && { ...s, line: undefined }]),
  );
  return { ...f, sources };
};
const theirs = new Map(b.findings.map((f) => [key(f), f]));
let unlike = 0;
for (const f of a.findings) {
  const g = theirs.get(key(f));
  if (!g || !isDeepStrictEqual(withoutLines(f), withoutLines(g))) {
    if (unlike++ === 0) console.log(`first unlike finding: ${JSON.stringify(f)}\n  duck: ${JSON.stringify(g)}`);
  }
}
const order = isDeepStrictEqual(a.findings.map(key), b.findings.map(key));
console.log(
  `findings: audit ${a.findings.length}, duck ${b.findings.length}; unlike beyond source lines ${unlike}; ` +
    `same order: ${order}`,
);
if (unlike > 0 || !order || a.findings.length !== b.findings.length) differences++;
process.exit(differences > 0 ? 1 : 0);
