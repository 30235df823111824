#!/usr/bin/env node
/**
 * Issue 18, part three: the hand-made audit, the DuckDB prototype (duck-engine.mjs) and the DuckDB oracle
 * query, taking turns in one process tree, round after round (the order rotates each round, so that no
 * tool always runs after the same one on a shared machine).
 *
 *   node bench/duck-ab.mjs --audit /work/wt-base SET_DIR... [--rounds 3] [--as-of ISO]
 *
 * A set made by generate-b.mjs (expected.json says so) runs with --as-of and oracle-b.mjs; any other with
 * oracle.mjs and no --as-of. Each run: /usr/bin/time's wall s, user s, sys s and peak RSS; the audit's and
 * the prototype's JSON go to a file in /tmp (writing them is part of the cost) and their findingsByRule are
 * compared. One line of JSON per run, then a table per set with the ratios within each round.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    audit: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'as-of': { type: 'string', default: '2026-11-28T00:00:00Z' },
  },
});
if (!values.audit || positionals.length === 0) {
  console.error('usage: node bench/duck-ab.mjs --audit CHECKOUT SET_DIR... [--rounds 3] [--as-of ISO]');
  process.exit(2);
}

/** The JSON's head up to its findings, closed: the summary without reading hundreds of MB. */
function findingsByRule(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const head = buf.subarray(0, n).toString('utf8');
  const at = head.indexOf('\n  "findings": [');
  if (at < 0) return undefined;
  return JSON.parse(`${head.slice(0, at)}\n  "findings": []}`).summary.findingsByRule;
}

function run(tool, dir) {
  const generated = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).generator === 'generate-b';
  const asOf = generated ? ['--as-of', values['as-of']] : [];
  const args = {
    audit: [resolve(values.audit, 'bin/shipaudit.js'), 'audit', dir, '--format', 'json', ...asOf],
    duck: [join(here, 'duck-engine.mjs'), dir, ...asOf],
    oracle: [join(here, generated ? 'oracle-b.mjs' : 'oracle.mjs'), dir],
  }[tool];
  const out = `/tmp/duck-ab-${process.pid}-${tool}.json`;
  const fd = openSync(out, 'w');
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args], {
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  closeSync(fd);
  const line = r.stderr.split('\n').find((l) => l.startsWith('TIME '));
  if (!line) throw new Error(`${tool} ${dir}: ${r.stderr.slice(-2000)}`);
  const [wall, user, sys, kb] = line.slice(5).split(' ').map(Number);
  const rules = tool === 'oracle' ? undefined : findingsByRule(out);
  const oracle = tool === 'oracle' ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  rmSync(out, { force: true });
  return {
    tool,
    set: dir,
    wall,
    cpu: Math.round((user + sys) * 100) / 100,
    rssMB: Math.round(kb / 1024),
    exit: r.status,
    ...(rules && { findingsByRule: rules }),
    ...(oracle && { early: oracle.orderIds.length, late: oracle.lateOrderIds?.length }),
  };
}

const tools = ['audit', 'duck', 'oracle'];
const results = [];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const dir of positionals.map((d) => resolve(d))) {
    if (!existsSync(join(dir, 'expected.json'))) throw new Error(`${dir}: no expected.json`);
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    const byTool = {};
    for (const tool of order) {
      const r = { round: round + 1, ...run(tool, dir) };
      byTool[tool] = r;
      results.push(r);
      console.log(JSON.stringify(r));
    }
    const same = JSON.stringify(byTool.audit.findingsByRule) === JSON.stringify(byTool.duck.findingsByRule);
    console.log(
      `# round ${round + 1} ${dir}: duck/audit wall ${(byTool.duck.wall / byTool.audit.wall).toFixed(2)}, ` +
        `duck/oracle ${(byTool.duck.wall / byTool.oracle.wall).toFixed(2)}, ` +
        `audit/oracle ${(byTool.audit.wall / byTool.oracle.wall).toFixed(2)}; findingsByRule ${same ? 'equal' : 'DIFFERENT'}`,
    );
  }
}

console.log('\n| set | round | audit wall / CPU s / MB | duck | oracle | duck/audit | duck/oracle | audit/oracle |');
console.log('|---|---:|---|---|---|---:|---:|---:|');
for (const r of results.filter((x) => x.tool === 'audit')) {
  const of = (tool) => results.find((x) => x.tool === tool && x.round === r.round && x.set === r.set);
  const [d, o] = [of('duck'), of('oracle')];
  const cell = (x) => `${x.wall} / ${x.cpu} / ${x.rssMB}`;
  console.log(
    `| ${r.set.split('/').pop()} | ${r.round} | ${cell(r)} | ${cell(d)} | ${cell(o)} | ` +
      `${(d.wall / r.wall).toFixed(2)} | ${(d.wall / o.wall).toFixed(2)} | ${(r.wall / o.wall).toFixed(2)} |`,
  );
}
